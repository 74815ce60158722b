import FederationSecurity
import Testing

@Suite struct OpenIntentUCANTests {
    typealias F = UCANFixtures
    let resolver = DIDKeyResolver()
    let scope = OpenIntentScope(permissions: ["a", "b"], deniedOperations: ["x"], maxDelegationDepth: 10)

    /// A chain of `links` tokens between did:key principals key(1) → key(2) → …
    func chain(_ links: Int, limits: UCANLimits = OpenIntentUCAN.defaultLimits) throws -> OpenIntentUCAN {
        var token = try OpenIntentUCAN.mint(
            issuer: F.did(F.key(1)), audience: F.did(F.key(2)), scope: scope, notBefore: 10, expiresAt: 1_000,
            nonce: "n", key: F.key(1), limits: limits)
        for n in 1..<links {
            token = try OpenIntentUCAN.attenuate(
                token, audience: F.did(F.key(UInt8(n + 2))), scope: scope, notBefore: 10, nonce: "n\(n)",
                key: F.key(UInt8(n + 1)), limits: limits)
        }
        return token
    }

    @Test func limits() async throws {
        let eight = try chain(8)
        _ = try await OpenIntentUCAN.verify(eight.encoded, options: .init(now: 20), resolver: resolver)
        let roomy = UCANLimits(maxTokenBytes: 1 << 20, maxChainDepth: 9, maxJSONDepth: 8)
        let nine = try chain(9, limits: roomy)
        await #expect(throws: FederationError(.ucanChainTooDeep)) {
            try await OpenIntentUCAN.verify(
                nine.encoded, options: .init(now: 20, limits: .init(maxTokenBytes: 1 << 20, maxChainDepth: 8)),
                resolver: resolver)
        }
        let small = UCANLimits(maxTokenBytes: eight.encoded.utf8.count - 1, maxChainDepth: 8, maxJSONDepth: 8)
        #expect(throws: FederationError(.ucanTooLarge)) { try OpenIntentUCAN(decoding: eight.encoded, limits: small) }
        let wide = OpenIntentScope(permissions: (0...64).map { "p\($0)" })
        #expect(throws: FederationError(.ucanTooManyCapabilities)) {
            try OpenIntentUCAN.mint(
                issuer: F.did(F.alice), audience: F.did(F.bob), scope: wide, notBefore: 0, expiresAt: 9, nonce: "n",
                key: F.alice)
        }
    }

    @Test func sharedProofsVerifyOnceWithACache() async throws {
        let parent = try chain(3)
        let cache = UCANSignatureCache()
        var total = 0
        for n in 0..<20 {
            let leaf = try OpenIntentUCAN.attenuate(
                parent, audience: F.did(F.key(99)), scope: scope, notBefore: 10, nonce: "leaf\(n)", key: F.key(4))
            total += try await OpenIntentUCAN.verify(
                leaf.encoded, options: .init(now: 20), resolver: resolver, cache: cache
            ).signaturesVerified
        }
        #expect(total == 20 + 3)
    }

    @Test func growthPerHopIsWhatOpenIntentInlines() throws {
        let sizes = try (1...4).map { try chain($0).encoded.utf8.count }
        for (a, b) in zip(sizes, sizes.dropFirst()) { #expect(Double(b) / Double(a) > 1.5) }
    }
}

extension OpenIntentUCANTests {
    /// A child claiming a permission that is canonically equivalent to, but not the same code points as, its
    /// parent's (NFD against NFC) escalates: Python consumers see another operation. Swift's `Set<String>` merged
    /// the two before.
    @Test func permissionsCompareByCodePoints() async throws {
        let root = try OpenIntentUCAN.mint(
            issuer: F.did(F.key(1)), audience: F.did(F.key(2)),
            scope: OpenIntentScope(permissions: ["caf\u{e9}"], deniedOperations: ["drop\u{e9}"], maxDelegationDepth: 3),
            notBefore: 10, expiresAt: 1_000, nonce: "r", key: F.key(1))
        func child(_ scope: OpenIntentScope) throws -> OpenIntentUCAN {
            try OpenIntentUCAN.mint(
                issuer: F.did(F.key(2)), audience: F.did(F.key(3)), scope: scope, notBefore: 10, expiresAt: 1_000,
                nonce: "c", proofs: [root.encoded], key: F.key(2))
        }
        let nfdPermission = try child(
            OpenIntentScope(permissions: ["cafe\u{301}"], deniedOperations: ["drop\u{e9}"], maxDelegationDepth: 2))
        await #expect(throws: FederationError(.ucanCapabilityEscalation)) {
            try await OpenIntentUCAN.verify(nfdPermission.encoded, options: .init(now: 20), resolver: resolver)
        }
        let nfdDenied = try child(
            OpenIntentScope(permissions: ["caf\u{e9}"], deniedOperations: ["drope\u{301}"], maxDelegationDepth: 2))
        await #expect(throws: FederationError(.ucanCapabilityEscalation)) {
            try await OpenIntentUCAN.verify(nfdDenied.encoded, options: .init(now: 20), resolver: resolver)
        }
        let same = try child(
            OpenIntentScope(permissions: ["caf\u{e9}"], deniedOperations: ["drop\u{e9}"], maxDelegationDepth: 2))
        let verified = try await OpenIntentUCAN.verify(same.encoded, options: .init(now: 20), resolver: resolver)
        #expect(verified.rootIssuer == F.did(F.key(1)))
        // Attenuation intersects by code points too.
        #expect(root.scope.attenuated(by: nfdPermission.scope).permissions.isEmpty)
        #expect(root.scope.attenuated(by: same.scope).permissions == ["caf\u{e9}"])
    }
}
