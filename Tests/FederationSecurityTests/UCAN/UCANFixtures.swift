import FederationSecurity

/// Keys and helpers shared by the UCAN tests.
enum UCANFixtures {
    static func key(_ n: UInt8) -> Ed25519.PrivateKey {
        try! Ed25519.PrivateKey(seed: SecretBytes([UInt8](repeating: n, count: 32)))
    }

    static func did(_ key: Ed25519.PrivateKey) -> String { DIDKey(publicKey: key.publicKey).did }

    static let alice = key(1)
    static let bob = key(2)
    static let carol = key(3)
    static let dan = key(4)

    static let send = UCANCapabilities([
        UCANCapability(resource: "mailto:alice@example.com", ability: "msg/send", caveats: [JSONObject()])
    ])

    /// A root token alice → `audience`.
    static func root(
        to audience: Ed25519.PrivateKey = bob, exp: Int64? = 2_000, nbf: Int64? = nil,
        capabilities: UCANCapabilities = send
    ) -> UCANToken {
        try! UCANBuilder.build(
            .init(audience: did(audience), expiration: exp, notBefore: nbf, capabilities: capabilities), key: alice)
    }

    /// A chain alice → key(2) → key(3) → … of `links` tokens; returns (outer token, store of the rest).
    static func chain(links: Int, limits: UCANLimits = .default) throws -> (UCANToken, InMemoryProofStore) {
        let store = InMemoryProofStore()
        var token = root(to: key(2))
        for n in 1..<links {
            store.add(token.encoded)
            token = try UCANBuilder.delegate(
                token, to: did(key(UInt8(n + 2))), capabilities: send, expiration: 2_000, key: key(UInt8(n + 1)))
        }
        return (token, store)
    }

    static func verifier(
        _ store: InMemoryProofStore = InMemoryProofStore(), cache: UCANSignatureCache? = nil,
        revocations: UCANRevocationList? = nil
    ) -> UCANVerifier {
        UCANVerifier(resolver: DIDKeyResolver(), proofs: store, revocations: revocations, cache: cache)
    }
}
