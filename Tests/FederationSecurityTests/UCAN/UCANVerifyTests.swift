import FederationSecurity
import Testing

@Suite struct UCANVerifyTests {
    typealias F = UCANFixtures

    /// `exp == now` is expired (RFC 7519 §4.1.4 "on or after"); `nbf == now` is valid (UCAN 0.10 §6.1 "inclusive").
    @Test func timeBoundariesArePinned() async throws {
        let token = F.root(exp: 1_000, nbf: 500).encoded
        let v = F.verifier()
        _ = try await v.verify(token, options: .init(now: 999))
        _ = try await v.verify(token, options: .init(now: 500))
        await #expect(throws: FederationError(.ucanExpired)) { try await v.verify(token, options: .init(now: 1_000)) }
        await #expect(throws: FederationError(.ucanNotYetValid)) { try await v.verify(token, options: .init(now: 499)) }
        _ = try await v.verify(token, options: .init(now: 1_059, leeway: 60))
        await #expect(throws: FederationError(.ucanExpired)) {
            try await v.verify(token, options: .init(now: 1_060, leeway: 60))
        }
    }

    /// Extreme caller times decide instead of trapping on overflow (found by the CLI tests: `--leeway` near
    /// `Int64.max` crashed `fedsec ucan verify`): the sums clamp, so a huge leeway accepts, and `now = .max` expires.
    @Test func extremeNowAndLeewayDecideWithoutOverflow() async throws {
        let token = F.root(exp: 1_000, nbf: 500).encoded
        let v = F.verifier()
        _ = try await v.verify(token, options: .init(now: 999, leeway: .max))
        await #expect(throws: FederationError(.ucanExpired)) {
            try await v.verify(token, options: .init(now: .max, leeway: .max))
        }
        await #expect(throws: FederationError(.ucanNotYetValid)) {
            try await v.verify(token, options: .init(now: .min, leeway: 0))
        }
    }

    @Test func chainVerifiesAndTracesCapabilitiesToTheRoot() async throws {
        let (token, store) = try F.chain(links: 3)
        let result = try await F.verifier(store).verify(token.encoded, options: .init(now: 100))
        #expect(result.chainTokens == 3)
        #expect(result.signaturesVerified == 3)
        #expect(result.capabilities.map(\.originators) == [[F.did(F.alice)]])
    }

    @Test func missingProofAndTamperedStoreAreRejected() async throws {
        let (token, store) = try F.chain(links: 2)
        await #expect(throws: FederationError(.ucanProofNotFound)) {
            try await F.verifier().verify(token.encoded, options: .init(now: 100))
        }
        let lying = InMemoryProofStore()
        lying.add(F.root(exp: 1_999).encoded, as: token.proofs[0])
        await #expect(throws: FederationError(.ucanInvalidProof)) {
            try await F.verifier(lying).verify(token.encoded, options: .init(now: 100))
        }
        _ = try await F.verifier(store).verify(token.encoded, options: .init(now: 100))
    }

    /// A store answering with decoded proofs (`UCANProofStore.decodedToken`) is trusted with neither the hash nor the
    /// limits: a decoded token whose text is not the CID's is `ucan.invalid_proof`, and one decoded under other
    /// limits is decoded again under the verifier's (here too large for them).
    @Test func decodedProofsAreHashedAndDecodedUnderTheVerifiersLimits() async throws {
        let (token, _) = try F.chain(links: 2)
        let other = F.root(exp: 1_999)
        let lying = DecodedProofStore(decoded: other, text: other.encoded)
        await #expect(throws: FederationError(.ucanInvalidProof)) {
            try await UCANVerifier(resolver: DIDKeyResolver(), proofs: lying).verify(
                token.encoded, options: .init(now: 100))
        }
        // A root granting five capabilities, a leaf delegating one: the root's text is the longer.
        let wide = UCANCapabilities(
            (0..<5).map { n in
                UCANCapability(resource: "mailto:user\(n)@example.com", ability: "msg/send", caveats: [JSONObject()])
            } + F.send.entries)
        let root = try UCANBuilder.build(
            .init(audience: F.did(F.bob), expiration: 2_000, capabilities: wide), key: F.alice)
        let leaf = try UCANBuilder.delegate(
            root, to: F.did(F.carol), capabilities: F.send, expiration: 2_000, key: F.bob)
        try #require(root.encoded.utf8.count > leaf.encoded.utf8.count)
        let tight = UCANLimits(maxTokenBytes: leaf.encoded.utf8.count)
        // The store's own decoded proofs: kept under the default limits by the first verification, not taken by the
        // second.
        let kept = InMemoryProofStore([root.encoded])
        _ = try await F.verifier(kept).verify(leaf.encoded, options: .init(now: 100))
        await #expect(throws: FederationError(.ucanTooLarge)) {
            try await F.verifier(kept).verify(leaf.encoded, options: .init(now: 100, limits: tight))
        }
        // A store that answers with its default-limits token whatever it is asked.
        let stubborn = DecodedProofStore(decoded: root, text: root.encoded)
        _ = try await UCANVerifier(resolver: DIDKeyResolver(), proofs: stubborn).verify(
            leaf.encoded, options: .init(now: 100))
        await #expect(throws: FederationError(.ucanTooLarge)) {
            try await UCANVerifier(resolver: DIDKeyResolver(), proofs: stubborn).verify(
                leaf.encoded, options: .init(now: 100, limits: tight))
        }
    }

    /// A token without proofs is verified without building the proof graph unless a revocation list holds records;
    /// both ways give the same verdict, code and capabilities (a list revoking an unrelated CID forces the graph).
    @Test func aLoneTokenVerifiesTheSameWithoutTheGraph() async throws {
        let unrelated = UCANRevocationList()
        try await unrelated.add(
            UCANRevocation.create(revoking: CID.rawSHA256(of: [1]), key: F.alice), resolver: DIDKeyResolver(), now: 1)
        var forged = F.root().encoded
        forged.removeLast(2)
        forged += F.root().encoded.hasSuffix("AA") ? "BA" : "AA"
        let cases: [(String, UCANVerifier.Options)] = [
            (F.root().encoded, .init(now: 100)),
            (F.root(exp: 1_000, nbf: 500).encoded, .init(now: 1_000)),
            (F.root(exp: 1_000, nbf: 500).encoded, .init(now: 499)),
            (F.root().encoded, .init(now: 100, audience: F.did(F.carol))),
            (F.root().encoded, .init(now: 100, audience: F.did(F.bob))),
            (forged, .init(now: 100)),
        ]
        var outcomes: [String] = []
        for (token, options) in cases {
            func outcome(_ verifier: UCANVerifier) async -> String {
                do {
                    let result = try await verifier.verify(token, options: options)
                    return "\(result.capabilities) \(result.chainTokens) \(result.signaturesVerified)"
                } catch {
                    return error.code.rawValue
                }
            }
            let alone = await outcome(F.verifier())
            #expect(alone == (await outcome(F.verifier(revocations: unrelated))))
            outcomes.append(alone)
        }
        #expect(outcomes[1...].map { $0.hasPrefix("[") } == [false, false, false, true, false])
    }

    @Test func forgedInnerSignatureIsRejected() async throws {
        let root = F.root()
        var forged = root.encoded
        forged.removeLast(2)
        forged += root.encoded.hasSuffix("AA") ? "BA" : "AA"
        let store = InMemoryProofStore([forged])
        let child = try UCANBuilder.build(
            .init(
                audience: F.did(F.carol), expiration: 2_000, capabilities: F.send,
                proofs: [CID.rawSHA256(of: forged.utf8)]), key: F.bob)
        await #expect(throws: FederationError(.cryptoSignatureInvalid)) {
            try await F.verifier(store).verify(child.encoded, options: .init(now: 100))
        }
    }

    @Test func audienceIsCheckedWhenGiven() async throws {
        let token = F.root().encoded
        _ = try await F.verifier().verify(token, options: .init(now: 1, audience: F.did(F.bob)))
        await #expect(throws: FederationError(.ucanAudienceMismatch)) {
            try await F.verifier().verify(token, options: .init(now: 1, audience: F.did(F.carol)))
        }
    }

    @Test func delegateRefusesWhatAVerifierWouldReject() throws {
        let root = F.root()
        let other = UCANCapabilities([
            UCANCapability(resource: "mailto:bob@example.com", ability: "msg/send", caveats: [JSONObject()])
        ])
        #expect(throws: FederationError(.ucanCapabilityEscalation)) {
            try UCANBuilder.delegate(root, to: F.did(F.carol), capabilities: other, expiration: 2_000, key: F.bob)
        }
        #expect(throws: FederationError(.ucanPrincipalMisaligned)) {
            try UCANBuilder.delegate(root, to: F.did(F.carol), capabilities: F.send, expiration: 2_000, key: F.carol)
        }
        #expect(throws: FederationError(.ucanTimeBoundsViolation)) {
            try UCANBuilder.delegate(root, to: F.did(F.carol), capabilities: F.send, expiration: nil, key: F.bob)
        }
    }

    @Test func everySingleByteChangeIsRejected() async throws {
        let token = Array(F.root().encoded.utf8)
        let v = F.verifier()
        for i in token.indices {
            var changed = token
            changed[i] = changed[i] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            do {
                _ = try await v.verify(String(decoding: changed, as: UTF8.self), options: .init(now: 100))
                Issue.record("byte \(i) changed and the token still verified")
            } catch {
                let code = error.code.rawValue
                #expect(code.hasPrefix("ucan.") || code.hasPrefix("did.") || code == "crypto.signature_invalid")
            }
        }
    }
}

/// A proof store answering every CID with one decoded token and its text, whatever it is asked.
private struct DecodedProofStore: UCANProofStore {
    let decoded: UCANToken
    let text: String

    func token(for cid: CID) async -> String? { text }
    func decodedToken(for cid: CID, limits: UCANLimits) -> UCANToken? { decoded }
}
