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
