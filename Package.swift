// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "FederationSecurity",
    products: [
        .library(name: "FederationCrypto", targets: ["FederationCrypto"]),
        .library(name: "FederationSecurity", targets: ["FederationSecurity"]),
        .library(name: "FederationConformance", targets: ["FederationConformance"]),
        // Fuzz bodies live here so `swift test` can replay Fuzz/Regressions through the same code.
        .library(name: "FederationFuzzing", targets: ["FederationFuzzing"]),
        .executable(name: "fedsec", targets: ["fedsec"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-http-structured-headers", from: "1.7.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"]), .brew(["libsodium"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),
        .target(
            name: "FederationCrypto",
            dependencies: ["CSodium", "COpenSSL"],
            swiftSettings: strict
        ),
        .target(
            name: "FederationSecurity",
            dependencies: [
                "FederationCrypto",
                .product(name: "RawStructuredFieldValues", package: "swift-http-structured-headers"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict
        ),
        // posix_spawn helpers the Glibc module does not expose (they need _GNU_SOURCE): for adapter processes.
        .target(name: "CProcessSpawn"),
        .target(
            name: "FederationConformance",
            dependencies: ["FederationSecurity", "FederationCrypto", "CProcessSpawn"],
            swiftSettings: strict
        ),
        .target(
            name: "FederationFuzzing",
            dependencies: ["FederationSecurity", "FederationCrypto", "FederationConformance"],
            swiftSettings: strict
        ),
        // Benchmarks: the only target besides FederationCrypto that imports C, and only to time the raw C
        // call that every library figure is divided by.
        .target(
            name: "FederationBench",
            dependencies: ["FederationSecurity", "FederationCrypto", "CSodium", "COpenSSL"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "fedsec",
            dependencies: [
                "FederationSecurity", "FederationCrypto", "FederationConformance", "FederationBench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FederationCryptoTests",
            dependencies: ["FederationCrypto"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FederationSecurityTests",
            dependencies: [
                "FederationSecurity", "FederationCrypto", .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FederationConformanceTests",
            dependencies: [
                "FederationConformance", "FederationSecurity", "FederationCrypto", "FederationFuzzing", "CProcessSpawn",
            ],
            swiftSettings: strict
        ),
    ]
)
