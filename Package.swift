// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Hanji",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hanji", targets: ["hanji"]),
        .library(name: "Hanji", targets: ["Hanji"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo",
                       providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .systemLibrary(name: "CQPDF", pkgConfig: "libqpdf", providers: [.apt(["libqpdf-dev"])]),
        .systemLibrary(name: "CPixbuf", pkgConfig: "gdk-pixbuf-2.0", providers: [.apt(["libgdk-pixbuf-2.0-dev"])]),
        .target(name: "HanjiModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "HanjiLayout"),
        .target(name: "HanjiText", dependencies: ["CPangoCairo", "HanjiLayout"]),
        .target(name: "HanjiSpec", dependencies: ["HanjiModel", "HanjiLayout", .product(name: "Yams", package: "Yams")]),
        .target(name: "HanjiInput", dependencies: ["CPixbuf", "HanjiModel", "HanjiLayout"]),
        .target(name: "HanjiRender", dependencies: ["CPangoCairo", "CPixbuf", "CQPDF", "HanjiLayout", "HanjiText"]),
        .target(name: "Hanji", dependencies: ["HanjiModel", "HanjiInput", "HanjiSpec", "HanjiLayout", "HanjiText",
                                              "HanjiRender"]),
        .executableTarget(name: "hanji", dependencies: [
            "Hanji", "HanjiInput", "HanjiText", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Helpers every test target shares: paths, running the CLI, fixtures, golden pages.
        .target(name: "HanjiTestSupport",
                dependencies: ["Hanji", "HanjiModel", "HanjiInput", "HanjiSpec", "HanjiLayout", "HanjiText", "HanjiRender",
                               "CPangoCairo"],
                path: "Tests/HanjiTestSupport"),
        .testTarget(name: "HanjiTests",
                    dependencies: ["HanjiTestSupport", "Hanji", "HanjiModel", "HanjiInput", "HanjiSpec", "HanjiLayout",
                                   "HanjiText", "HanjiRender"],
                    exclude: ["Golden"]),
    ]
)
