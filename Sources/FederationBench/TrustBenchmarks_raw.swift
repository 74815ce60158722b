import CSodium
import FederationSecurity

/// Trust decisions (no C call to compare with: absolute rates; goal ≥ 5 M/s for a policy decision), and manifest
/// import beside the raw `crypto_sign_verify_detached` of the same JWS signing input.
enum TrustBenchmarks {
    static func all() -> [Comparison] {
        policies() + manifests()
    }

    static func policies() -> [Comparison] {
        let enforcer = try! TrustEnforcer(
            mode: .allowlist, peers: ["https://partner.example.com", "did:web:other.example.org", "https://b.example"])
        let evaluator = PolicyEvaluator {
            PeerTrustPolicy(enforcer: enforcer)
            CapabilityPolicy(allowed: ["db.query", "db.count"])
            MaxSensitivityPolicy(.pii)
            MaxRowsPolicy(100)
        }
        let request = PolicyRequest(
            peer: try! PeerName("https://partner.example.com"), capability: "db.query", sensitivity: .pii,
            fields: try! JSONObject(["rows": .number(.integer(10))]), now: 1_800_000_000)
        let denied = PolicyRequest(
            peer: request.peer, capability: "db.drop", sensitivity: .pii, fields: request.fields, now: request.now)
        let local = SideDecision(allowed: true, sensitivity: .pii)
        let remote = SideDecision(allowed: true, sensitivity: .memory)
        return [
            Comparison(
                "trust.policy AND of 4, allowed (decision)",
                library: { consume(evaluator.evaluate(request).meetsPolicy) }),
            Comparison(
                "trust.policy AND of 4, denied (reason not built)",
                library: { consume(evaluator.evaluate(denied).meetsPolicy) }),
            Comparison(
                "trust.enforcer.decide (normalises the origin)",
                library: { consume(enforcer.decide(origin: "HTTPS://Partner.example.com:443/").trusted) }),
            Comparison(
                "trust.compose most_restrictive",
                library: {
                    consume(
                        (try? TrustComposition.compose(.mostRestrictive, local: local, remote: remote))?.allowed
                            ?? false)
                }),
        ]
    }

    static func manifests() -> [Comparison] {
        precondition(sodium_init() >= 0)
        let identity = try! Ed25519Identity(seed: SecretBytes([UInt8](repeating: 9, count: 32)))
        let descriptors = (0..<50).map { n in
            CapabilityDescriptor(
                capabilityID: "billing.op\(n)", name: "op \(n)", description: "Operation \(n) of the billing kernel",
                safetyClass: .read, sensitivity: .pii, tags: ["billing", "read-only"],
                parametersSchema: try! JSONObject([
                    "type": .string("object"),
                    "properties": .object(
                        try! JSONObject(["limit": .object(try! JSONObject(["type": .string("integer")]))])),
                ]))
        }
        let bytes = try! CapabilityManifest(
            kernelID: "kernel-a", capabilities: descriptors, endpoint: "https://a.example"
        )
        .encoded()
        let jws = try! ManifestSignature.sign(bytes, identity: identity)
        let options = ManifestImportOptions(expectedSigner: identity.didKey.did)
        let key = identity.publicKey
        // The raw call: the JWS signing input (header "." base64url(manifest)) prepared once, as a C user would.
        let parts = jws.split(separator: ".", omittingEmptySubsequences: false)
        let signingInput = Array((parts[0] + "." + Base64URL.encode(bytes)).utf8)
        let signature = try! Base64URL.decode(parts[2])
        let publicBytes = key.rawRepresentation
        return [
            Comparison(
                "manifest.import (50 capabilities, \(bytes.count) B): verify + decode + register",
                baseline: "crypto_sign_verify_detached of the signing input",
                library: {
                    var registry = CapabilityRegistry()
                    consume(
                        (try? registry.importManifest(bytes, signature: jws, options: options, signerKey: key)) != nil)
                },
                baseline: {
                    consume(
                        crypto_sign_verify_detached(signature, signingInput, UInt64(signingInput.count), publicBytes)
                            == 0)
                }),
            Comparison(
                "manifest.verify only (\(bytes.count) B)", baseline: "crypto_sign_verify_detached of the signing input",
                library: {
                    consume(
                        (try? ManifestSignature.verify(
                            jws, manifest: bytes, expectedSigner: identity.didKey.did, key: key, maxBytes: 1 << 20))
                            != nil)
                },
                baseline: {
                    consume(
                        crypto_sign_verify_detached(signature, signingInput, UInt64(signingInput.count), publicBytes)
                            == 0)
                }),
        ]
    }
}
