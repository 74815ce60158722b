import FederationSecurity
import Testing

/// RFC 9421 §2.3: `@signature-params` is the received inner list re-serialized, parameters in the order received.
@Suite struct RFC9421ParameterOrderTests {
    static let secret = [UInt8](repeating: 7, count: 32)

    /// A signature whose base was computed by hand from RFC 9421 §2.5 (not by the signer), for `Signature-Input`
    /// text `input` whose canonical inner list is `canonical`.
    static func message(input: String, canonical: String) throws -> SignableMessage {
        let base = "\"@method\": POST\n\"@signature-params\": " + canonical
        let mac = HMACSHA256.authenticationCode(for: Array(base.utf8), using: SecretBytes(secret))
        return try SignableMessage(
            method: "POST", targetURI: "https://kernel.example/v1",
            fields: [
                .init(name: "Signature-Input", value: "sig1=" + input),
                .init(name: "Signature", value: "sig1=:" + Base64.encode(mac) + ":"),
            ])
    }

    /// Parameters in another order than the signer of this library writes, in non-canonical text (a space after
    /// `(`), so the general parser reads it: verified with the received order. It was re-serialized in the
    /// library's own order before, so the base differed and a valid signature was rejected.
    @Test func receivedParameterOrderIsKept() throws {
        let key = try RequestSigningKey.hmacSHA256(keyID: "key-a", secret: SecretBytes(Self.secret))
        let verifier = RFC9421Verifier(
            keys: RequestKeySet([key]), policy: .coverageNotRequired(), replayStore: InMemoryReplayStore(capacity: 8))
        let canonical = #"("@method");nonce="n1";keyid="key-a";created=1800000000"#
        let spaced = try Self.message(
            input: #"( "@method");nonce="n1";keyid="key-a";created=1800000000"#, canonical: canonical)
        #expect(try verifier.authenticate(spaced, now: 1_800_000_000).verified.keyID == "key-a")
        let plain = try Self.message(input: canonical, canonical: canonical)
        #expect(try verifier.authenticate(plain, now: 1_800_000_000).verified.keyID == "key-a")
        // The order is signed: the same parameters in the library's order do not verify under this signature.
        let reordered = try Self.message(
            input: #"( "@method");created=1800000000;keyid="key-a";nonce="n1""#, canonical: canonical)
        #expect(throws: FederationError(.requestSignatureInvalid)) {
            try verifier.authenticate(reordered, now: 1_800_000_000)
        }
    }
}
