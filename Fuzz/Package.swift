// swift-tools-version:6.0
// The fuzz package: one libFuzzer executable per body in the root package's FederationFuzzing target.
// Build with Fuzz/run (see the header of that script); `swift build` alone builds nothing useful here.
import Foundation
import PackageDescription

/// The root package's identity is the (lowercased) name of the folder it was cloned into: read it, do not assume it.
let rootIdentity = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

/// Subjects with a body in FederationFuzzing; the executable is `fuzz-<subject>`, its source `Sources/fuzz-<subject>/`.
let subjects = [
    "base64", "base64url", "base32", "base58", "hex", "multibase", "varint", "json-reader", "did", "did-document", "jws",
    "openintent-envelope", "kernel-token", "weaver-token", "key-import",
    "adapter-protocol",
    "ed25519-differential",
    "manifest", "advertisement", "trust-json",
    "signature-input", "signature-base", "structured-fields",
    "agentvault",
    "ucan", "ucan-chain", "openintent-ucan",
]

let package = Package(
    name: "FederationFuzz",
    products: subjects.map { .executable(name: "fuzz-\($0)", targets: ["fuzz-\($0)"]) },
    dependencies: [.package(path: "..")],
    targets: subjects.map {
        .executableTarget(
            name: "fuzz-\($0)",
            dependencies: [.product(name: "FederationFuzzing", package: rootIdentity)]
        )
    }
)
