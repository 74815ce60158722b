import FederationSecurity

/// Fuzz body for manifest import: the input as manifest bytes (unsigned import allowed), and as an XOR mask over
/// a signed fixture manifest.
///
/// Invariants: nothing crashes; an accepted manifest re-encodes to a manifest that imports to the same
/// descriptors; a changed signed manifest never imports, and the untouched one always does.
public func fuzzManifest(_ data: [UInt8]) {
    let fixture = ManifestFixture.shared
    var lax = fixture.options
    lax.allowUnsigned = true
    var registry = CapabilityRegistry()
    if let imported = try? registry.importManifest(data, signature: nil, options: lax, signerKey: fixture.key) {
        let value = try! JSONReader().parse(data)
        let manifest = try! CapabilityManifest(json: value, maxCapabilities: lax.maxCapabilities)
        var again = CapabilityRegistry()
        let reimported = try? again.importManifest(
            try! manifest.encoded(), signature: nil, options: lax, signerKey: fixture.key)
        precondition(reimported?.map(\.descriptor) == imported.map(\.descriptor), "a manifest does not round-trip")
    }
    var bytes = fixture.bytes
    for (i, byte) in data.prefix(bytes.count).enumerated() { bytes[i] ^= byte }
    var signed = CapabilityRegistry()
    let verified =
        (try? signed.importManifest(
            bytes, signature: fixture.signature, options: fixture.options, signerKey: fixture.key))
        != nil
    precondition(verified == (bytes == fixture.bytes), verified ? "a changed manifest imported" : "the fixture failed")
}

/// Fuzz body for AMF advertisements: any input.
///
/// Invariants: nothing crashes; an accepted advertisement is at most 512 bytes, has a SemVer version, a known
/// protocol and only `[a-z0-9-]` tags.
public func fuzzAdvertisement(_ data: [UInt8]) {
    guard let ad = try? Advertisement(bytes: data) else { return }
    precondition(data.count <= Advertisement.maxBytes, "an oversized advertisement was accepted")
    precondition(SemanticVersion.isValid(ad.version), "an invalid version was accepted")
    precondition(Advertisement.protocols.contains(ad.protocolName), "an unknown protocol was accepted")
    precondition(!ad.capabilities.isEmpty && ad.capabilities.allSatisfy(Advertisement.isTag), "a bad tag was accepted")
}

enum ManifestFixture {
    struct Values: Sendable {
        let key: Ed25519.PublicKey
        let bytes: [UInt8]
        let signature: String
        let options: ManifestImportOptions
    }

    static let shared: Values = {
        let identity = try! Ed25519Identity(seed: SecretBytes([UInt8](repeating: 3, count: 32)))
        let manifest = CapabilityManifest(
            kernelID: "kernel-a",
            capabilities: [
                CapabilityDescriptor(
                    capabilityID: "db.query", name: "query", description: "d", safetyClass: .read, sensitivity: .pii,
                    tags: ["db"])
            ], endpoint: "https://a.example")
        let bytes = try! manifest.encoded()
        return Values(
            key: identity.publicKey, bytes: bytes, signature: try! ManifestSignature.sign(bytes, identity: identity),
            options: ManifestImportOptions(expectedSigner: identity.didKey.did))
    }()
}

/// Fuzz body for the trust JSON decoders: the input as a policy expression, a delegation chain, a peer name and a
/// pair of side decisions.
///
/// Invariants: nothing crashes; a decoded policy evaluates (twice, with the same result); a composed decision
/// obeys the table of `Spec/trust.md` (never allowed when the local side denies, `local_only` is the local side,
/// `most_restrictive` sensitivity is the union); a normalised peer name normalises to itself.
public func fuzzTrustJSON(_ data: [UInt8]) {
    guard let value = try? JSONReader(limits: .init(maxBytes: 4096, maxDepth: 16)).parse(data) else {
        if let text = String(validating: data, as: UTF8.self), let peer = try? PeerName(text) {
            precondition((try? PeerName(peer.canonical)) == peer, "a canonical peer name is not canonical")
        }
        return
    }
    if let policy = try? PolicyExpression.parse(value) {
        let request = PolicyRequest(peer: nil, capability: "db.query", sensitivity: .pii, now: 1_800_000_000)
        let evaluator = PolicyEvaluator(AnyAllOf([policy]))
        precondition(
            evaluator.evaluate(request).meetsPolicy == evaluator.evaluate(request).meetsPolicy,
            "a policy is not deterministic")
    }
    if let links = value.arrayValue {
        let chain = links.compactMap { try? DelegationLink(json: $0) }
        if chain.count == links.count, let scopes = try? DelegationRules(maxDepth: 64).verify(chain) {
            precondition(scopes.isSubset(of: Set(chain[0].scopes)), "a verified chain widened its scopes")
        }
    }
    guard let local = value["local"].flatMap({ try? SideDecision(json: $0) }),
        let remote = value["remote"].flatMap({ try? SideDecision(json: $0) })
    else { return }
    for policy in ImportTrustPolicy.allCases {
        guard let decision = try? TrustComposition.compose(policy, local: local, remote: remote) else { continue }
        precondition(!decision.allowed || local.allowed, "\(policy) allowed what the local side denies")
        switch policy {
        case .localOnly:
            precondition(decision.allowed == local.allowed && decision.sensitivity == local.sensitivity, "local_only")
        case .mostRestrictive:
            precondition(decision.allowed == (local.allowed && remote.allowed), "most_restrictive allow")
            precondition(decision.sensitivity == max(local.sensitivity, remote.sensitivity), "most_restrictive union")
        case .remoteDeferred:
            precondition(decision.allowed == (local.allowed && remote.allowed), "remote_deferred allow")
            precondition(decision.sensitivity == remote.sensitivity, "remote_deferred keeps the remote tag")
        }
    }
}
