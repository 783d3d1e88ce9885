// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Gazette",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gazette", targets: ["GazetteCLI"]),
        .library(name: "GazetteKit", targets: ["GazetteKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "GazetteKit",
            dependencies: [
                "CLibXML2",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "GazetteCLI",
            dependencies: [
                "GazetteKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "GazetteKitTests",
            dependencies: ["GazetteKit"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets (libFuzzer), built only by scripts/fuzz.sh, which sets GAZETTE_FUZZ=1: never part
// of the default build or of `swift test`.
if Context.environment["GAZETTE_FUZZ"] == "1" {
    package.targets += [
        .target(name: "CFuzzDriver", path: "Fuzz/CFuzzDriver"),
        .target(name: "FuzzDriver", dependencies: ["CFuzzDriver"], path: "Fuzz/FuzzDriver"),
    ]
    for name in ["FuzzParser", "FuzzSanitizer", "FuzzSanitizerPaths", "FuzzConfig", "FuzzScraper", "FuzzDate"] {
        package.targets.append(
            .executableTarget(name: name, dependencies: ["GazetteKit", "FuzzDriver"], path: "Fuzz/\(name)"))
    }
}

for target in package.targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("ExistentialAny")
        ]
}
