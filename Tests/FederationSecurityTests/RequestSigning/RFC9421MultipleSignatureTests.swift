import FederationSecurity
import Testing

/// Messages with several signatures, and what a verifier must record of them; a digest covered as a byte sequence.
@Suite struct RFC9421MultipleSignatureTests {
    static let keyA = try! RequestSigningKey.hmacSHA256(
        keyID: "key-a", secret: SecretBytes([UInt8](repeating: 1, count: 32)))
    static let keyB = try! RequestSigningKey.hmacSHA256(
        keyID: "key-b", secret: SecretBytes([UInt8](repeating: 2, count: 32)))
    static let created: Int64 = 1_800_000_000
    static let body = Array(#"{"capability":"db.query"}"#.utf8)

    static func unsigned() throws -> SignableMessage {
        try SignableMessage(
            method: "POST", targetURI: "https://kernel.example/v1/invoke",
            fields: [
                .init(name: "Content-Type", value: "application/json"),
                .init(name: "Content-Digest", value: ContentDigest.field(for: body, algorithm: .sha256)),
            ], body: body)
    }

    /// The same request signed by key A as `sig1` and key B as `sig2`, each with its own nonce; `bFirst` puts
    /// B's members first, as a relay reordering the fields would.
    static func doublySigned(bFirst: Bool) throws -> SignableMessage {
        let components = try ["\"@method\"", "\"@target-uri\"", "\"content-digest\""].map {
            try ComponentIdentifier(parsing: $0)
        }
        let message = try unsigned()
        let a = try RFC9421Signer.sign(
            message, key: keyA, label: "sig1", components: components, created: created, nonce: "nonce-a")
        let b = try RFC9421Signer.sign(
            message, key: keyB, label: "sig2", components: components, created: created, nonce: "nonce-b")
        var signed = message
        for signature in bFirst ? [b, a] : [a, b] {
            signed.append(name: "Signature-Input", value: signature.signatureInput)
            signed.append(name: "Signature", value: signature.signature)
        }
        return signed
    }

    /// Before every verifying signature was recorded, each of a message's signatures got it accepted once: the
    /// label is not signed, so a relay picks which one the verifier checks.
    @Test func aMessageIsAcceptedOnceWhicheverSignatureIsChecked() async throws {
        let verifier = RFC9421Verifier(
            keys: RequestKeySet([Self.keyA, Self.keyB]), replayStore: InMemoryReplayStore(capacity: 64))
        let first = try await verifier.verify(try Self.doublySigned(bFirst: false), now: Self.created)
        #expect(first.keyID == "key-a")
        await #expect(throws: FederationError(.replayDetected)) {
            try await verifier.verify(try Self.doublySigned(bFirst: true), now: Self.created + 1)
        }
        await #expect(throws: FederationError(.replayDetected)) {
            try await verifier.verify(try Self.doublySigned(bFirst: false), label: "sig2", now: Self.created + 1)
        }
    }

    /// Only signatures that verify under a known key are recorded: one under an unknown key, or a forged one, adds
    /// nothing (it can never be accepted) and does not stop the message.
    @Test func onlyVerifyingSignaturesAreRecorded() throws {
        let onlyA = RFC9421Verifier(keys: RequestKeySet([Self.keyA]), replayStore: InMemoryReplayStore(capacity: 8))
        let authenticated = try onlyA.authenticate(
            try Self.doublySigned(bFirst: true), label: "sig1", now: Self.created)
        #expect(authenticated.records.map(\.key) == [authenticated.replayKey])
        let both = RFC9421Verifier(
            keys: RequestKeySet([Self.keyA, Self.keyB]), replayStore: InMemoryReplayStore(capacity: 8))
        var forged = try Self.doublySigned(bFirst: false)
        let last = forged.fields.count - 1
        forged.fields[last] = .init(name: "Signature", value: "sig2=:" + String(repeating: "A", count: 43) + "=:")
        #expect(try both.authenticate(forged, now: Self.created).records.count == 1)
        #expect(try both.authenticate(try Self.doublySigned(bFirst: false), now: Self.created).records.count == 2)
    }

    /// RFC 9530 §5 with RFC 9421 §2.1.3: `"content-digest";bs` signs the header as a byte sequence; the body must
    /// still match it (it was not checked in that form before).
    @Test func aDigestCoveredAsByteSequenceIsChecked() async throws {
        let components = try ["\"@method\"", "\"content-digest\";bs"].map { try ComponentIdentifier(parsing: $0) }
        var message = try Self.unsigned()
        let signature = try RFC9421Signer.sign(
            message, key: Self.keyA, label: "sig1", components: components, created: Self.created, nonce: "n1")
        message.append(name: "Signature-Input", value: signature.signatureInput)
        message.append(name: "Signature", value: signature.signature)
        // No `@target-uri` here; the default content rule stays on, and `"content-digest";bs` satisfies it.
        let verifier = RFC9421Verifier(
            keys: RequestKeySet([Self.keyA]), policy: .init(requiredComponents: []),
            replayStore: InMemoryReplayStore(capacity: 8))
        var tampered = message
        tampered.body = Array(#"{"capability":"db.drop"}"#.utf8)
        #expect(throws: FederationError(.requestDigestMismatch)) {
            try verifier.authenticate(tampered, now: Self.created)
        }
        #expect(try verifier.authenticate(message, now: Self.created).verified.keyID == "key-a")
    }
}
