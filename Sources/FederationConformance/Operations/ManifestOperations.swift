import FederationSecurity

/// `manifest.*`: advertise, sign, import.
enum ManifestOperations {
    static let handlers: [String: OperationHandler] = [
        "manifest.advertise": { input throws(FederationError) in
            guard let records = try JSONReader().parse(try input.string("records")).arrayValue else {
                throw OperationInput.bad("records must be a JSON array")
            }
            let level = try input.optionalString("trust_level") ?? "unverified"
            guard let trust = CapabilityManifest.TrustLevel(rawValue: level) else {
                throw OperationInput.bad("trust_level must be verified or unverified")
            }
            let manifest = try ManifestAdvertiser.manifest(
                kernelID: try input.string("kernel_id"), records: records, endpoint: try input.string("endpoint"),
                trustLevel: trust)
            return output(["manifest": String(decoding: try manifest.encoded(), as: UTF8.self)])
        },
        "manifest.sign": { input throws(FederationError) in
            let identity = try Ed25519Identity(seed: SecretBytes(try input.bytes("seed")))
            let bytes = Array(try input.string("manifest").utf8)
            if let kid = try input.optionalString("key_id") {
                return output(["jws": try ManifestSignature.sign(bytes, identity: identity, keyID: kid)])
            }
            return output(["jws": try ManifestSignature.sign(bytes, identity: identity)])
        },
        "manifest.import": { input throws(FederationError) in
            var registry = CapabilityRegistry(localIDs: Set(try input.optionalStringArray("registered")))
            let options = ManifestImportOptions(
                expectedSigner: try input.optionalString("expected_signer"),
                allowUnsigned: try input.fields["allow_unsigned"] == nil ? false : input.bool("allow_unsigned"),
                maxBytes: Int(try input.optionalInteger("max_bytes") ?? Int64(ManifestImportOptions.defaultMaxBytes)),
                maxCapabilities: Int(
                    try input.optionalInteger("max_capabilities") ?? Int64(ManifestImportOptions.defaultMaxCapabilities)
                ),
                trustPolicy: try ImportTrustPolicy(name: try input.optionalString("trust_policy") ?? "most_restrictive")
            )
            let imported = try await registry.importManifest(
                Array(try input.string("manifest").utf8), signature: try input.optionalString("signature"),
                options: options, resolver: DIDKeyResolver(), now: try input.requireNow())
            var out = JSONObject(uniqueMembers: [
                .init("imported", .array(imported.map { .string($0.descriptor.capabilityID) })),
                .init(
                    "sensitivities",
                    .object(
                        JSONObject(
                            uniqueMembers: imported.map {
                                .init($0.descriptor.capabilityID, .string($0.sensitivity.name))
                            }))),
            ])
            if let signer = imported.first?.signedBy { out.set("signed_by", .string(signer)) }
            return out
        },
    ]
}
