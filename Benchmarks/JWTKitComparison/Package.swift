// swift-tools-version:6.0
// Times vapor/jwt-kit HS256 and EdDSA verification beside FederationSecurity's native kernel token and UCAN 0.10 verify.
// Kept out of the main package so that library users never resolve jwt-kit (and swift-crypto).
// Run: cd Benchmarks/JWTKitComparison && swift run -c release
import Foundation
import PackageDescription

/// The root package's identity is the (lowercased) name of the folder it was cloned into.
let rootIdentity = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "JWTKitComparison",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
    ],
    targets: [
        .executableTarget(
            name: "jwtkit-comparison",
            dependencies: [
                .product(name: "FederationSecurity", package: rootIdentity),
                .product(name: "JWTKit", package: "jwt-kit"),
            ])
    ]
)
