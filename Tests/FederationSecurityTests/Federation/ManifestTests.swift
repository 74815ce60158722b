import FederationSecurity
import Testing

@Suite struct ManifestTests {
    let kernel = try! Ed25519Identity(seed: SecretBytes([UInt8](repeating: 7, count: 32)))

    func manifest(_ ids: [String]) -> CapabilityManifest {
        let local = ids.map { id in
            LocalCapability(
                descriptor: CapabilityDescriptor(
                    capabilityID: id, name: id, description: "d", safetyClass: .read, sensitivity: .pii, tags: ["t"]),
                driverID: "pg", operation: "SELECT_\(id)", driverConfig: try! JSONObject(["dsn": .string("secret-dsn")])
            )
        }
        return ManifestAdvertiser.manifest(kernelID: "kernel-a", capabilities: local, endpoint: "https://a.example")
    }

    var options: ManifestImportOptions { ManifestImportOptions(expectedSigner: kernel.didKey.did) }

    @Test func advertisedBytesNeverHoldInternalFields() throws {
        let text = String(decoding: try manifest(["a.b"]).encoded(), as: UTF8.self)
        for secret in ["pg", "SELECT_", "secret-dsn", "driver", "operation"] {
            #expect(!text.contains(secret), "\(secret) leaked")
        }
    }

    @Test func signThenImportRoundTrips() throws {
        let bytes = try manifest(["a.b", "a.c"]).encoded()
        let jws = try ManifestSignature.sign(bytes, identity: kernel)
        var registry = CapabilityRegistry()
        let imported = try registry.importManifest(bytes, signature: jws, options: options, signerKey: kernel.publicKey)
        #expect(imported.map(\.descriptor) == manifest(["a.b", "a.c"]).capabilities)
        #expect(imported.allSatisfy { $0.signedBy == kernel.didKey.keyID && $0.sensitivity == .pii })
        #expect(registry.contains("a.c"))
    }

    @Test func resolverPathVerifiesToo() async throws {
        let bytes = try manifest(["a.b"]).encoded()
        let jws = try ManifestSignature.sign(bytes, identity: kernel)
        var registry = CapabilityRegistry()
        let imported = try await registry.importManifest(
            bytes, signature: jws, options: options, resolver: DIDKeyResolver(), now: 0)
        #expect(imported.count == 1)
    }

    @Test func everyByteChangeIsRejected() throws {
        let bytes = try manifest(["a.b"]).encoded()
        let jws = try ManifestSignature.sign(bytes, identity: kernel)
        for i in bytes.indices {
            var changed = bytes
            changed[i] ^= 0x01
            var registry = CapabilityRegistry()
            #expect(throws: FederationError(.cryptoSignatureInvalid), "byte \(i)") {
                try registry.importManifest(changed, signature: jws, options: options, signerKey: kernel.publicKey)
            }
            #expect(registry.imported.isEmpty)
        }
    }

    @Test func importIsAllOrNothing() throws {
        var registry = CapabilityRegistry(localIDs: ["a.z"])
        let first = try manifest(["a.b"]).encoded()
        try registry.importManifest(
            first, signature: try ManifestSignature.sign(first, identity: kernel), options: options,
            signerKey: kernel.publicKey)
        let second = try manifest(["a.c", "a.d", "a.b"]).encoded()
        #expect(throws: FederationError(.manifestCapabilityExists)) {
            try registry.importManifest(
                second, signature: try ManifestSignature.sign(second, identity: kernel), options: options,
                signerKey: kernel.publicKey)
        }
        #expect(registry.imported.keys.sorted() == ["a.b"])
        let third = try manifest(["a.z"]).encoded()
        #expect(throws: FederationError(.manifestCapabilityExists)) {
            try registry.importManifest(
                third, signature: nil, options: ManifestImportOptions(expectedSigner: nil, allowUnsigned: true),
                signerKey: kernel.publicKey)
        }
    }

    @Test func unsignedNeedsExplicitPermission() throws {
        let bytes = try manifest(["a.b"]).encoded()
        var registry = CapabilityRegistry()
        #expect(throws: FederationError(.manifestUnsigned)) {
            try registry.importManifest(bytes, signature: nil, options: options, signerKey: kernel.publicKey)
        }
        var lax = options
        lax.allowUnsigned = true
        let imported = try registry.importManifest(bytes, signature: nil, options: lax, signerKey: kernel.publicKey)
        #expect(imported.first?.signedBy == nil)
    }

    @Test func sizeAndCountLimits() throws {
        let bytes = try manifest(["a", "b", "c"]).encoded()
        var exact = options
        exact.allowUnsigned = true
        exact.maxBytes = bytes.count
        exact.maxCapabilities = 3
        var registry = CapabilityRegistry()
        try registry.importManifest(bytes, signature: nil, options: exact, signerKey: kernel.publicKey)
        exact.maxBytes -= 1
        registry = CapabilityRegistry()
        #expect(throws: FederationError(.manifestTooLarge)) {
            try registry.importManifest(bytes, signature: nil, options: exact, signerKey: kernel.publicKey)
        }
        exact.maxBytes += 1
        exact.maxCapabilities = 2
        #expect(throws: FederationError(.manifestTooManyCapabilities)) {
            try registry.importManifest(bytes, signature: nil, options: exact, signerKey: kernel.publicKey)
        }
    }
}
