// swift-tools-version: 6.1
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
        // `hanji serve` (HanjiServe): the HTTP server, and the password hashing and tokens of its accounts.
        // No traits: the server needs neither swift-configuration nor the full-Foundation extras.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0", traits: []),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo",
                       providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .systemLibrary(name: "CQPDF", pkgConfig: "libqpdf", providers: [.apt(["libqpdf-dev"])]),
        .systemLibrary(name: "CPixbuf", pkgConfig: "gdk-pixbuf-2.0", providers: [.apt(["libgdk-pixbuf-2.0-dev"])]),
        // libpng for the server's preview pages (level 1, no filter), behind a C function that
        // holds libpng's setjmp.
        .target(name: "CPNG", linkerSettings: [.linkedLibrary("png16")]),
        .target(name: "HanjiModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "HanjiLayout"),
        .target(name: "HanjiText", dependencies: ["CPangoCairo", "HanjiLayout"]),
        .target(name: "HanjiSpec", dependencies: ["HanjiModel", "HanjiLayout", .product(name: "Yams", package: "Yams")]),
        .target(name: "HanjiInput", dependencies: ["CPixbuf", "HanjiModel", "HanjiLayout"]),
        .target(name: "HanjiRender", dependencies: ["CPangoCairo", "CPixbuf", "CQPDF", "CPNG", "HanjiLayout", "HanjiText"]),
        .target(name: "Hanji", dependencies: ["HanjiModel", "HanjiInput", "HanjiSpec", "HanjiLayout", "HanjiText",
                                              "HanjiRender"]),
        // The office server: the year folder as a web application (JSON API, the web page, accounts).
        .target(name: "HanjiServe", dependencies: [
            "CPixbuf", "Hanji", "HanjiModel", "HanjiInput", "HanjiSpec", "HanjiRender",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "hanji", dependencies: [
            "Hanji", "HanjiInput", "HanjiText", "HanjiServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Helpers every test target shares: paths, running the CLI, fixtures, golden pages.
        .target(name: "HanjiTestSupport",
                dependencies: ["Hanji", "HanjiModel", "HanjiInput", "HanjiSpec", "HanjiLayout", "HanjiText", "HanjiRender",
                               "CPangoCairo"],
                path: "Tests/HanjiTestSupport"),
        .testTarget(name: "HanjiTests",
                    dependencies: ["HanjiTestSupport", "Hanji", "HanjiServe", "HanjiModel", "HanjiInput", "HanjiSpec", "HanjiLayout",
                                   "HanjiText", "HanjiRender"],
                    exclude: ["Golden"]),
    ]
)
