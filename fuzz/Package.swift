// swift-tools-version: 6.0
// The fuzzer (libFuzzer) over Hanji's readers: its own package, so the main package's
// `swift build` and `swift test` never see it. Built by `make fuzz` with -sanitize=fuzzer into
// ../.build-fuzz; see the README's "Checking Hanji itself".
import Foundation
import PackageDescription

/// The main package, by path; its identity is its folder's name (a worktree may call it anything).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "HanjiFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: root.path)],
    targets: [
        .executableTarget(name: "hanji-fuzz",
                          dependencies: [.product(name: "Hanji", package: root.lastPathComponent.lowercased())]),
    ]
)
