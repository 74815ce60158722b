import FederationSecurity
import Testing

@Suite struct DetachedJWSTests {
    let key = try! Ed25519.PrivateKey(seed: SecretBytes([UInt8](repeating: 9, count: 32)))
    var keyID: String { DIDKey(publicKey: key.publicKey).keyID }

    @Test func signThenVerifyAndPayloadLimit() async throws {
        let payload = [UInt8](repeating: 0x61, count: 1000)
        let jws = try DetachedJWS.sign(payload, with: key, keyID: keyID)
        let verified = try await DetachedJWS.verify(
            jws, payload: payload, resolver: DIDKeyResolver(), now: 0, maxPayloadBytes: 1000)
        #expect(verified.publicKey == key.publicKey && verified.keyID == keyID)
        await #expect(throws: FederationError(.envelopeTooLarge)) {
            try await DetachedJWS.verify(
                jws, payload: payload + [0], resolver: DIDKeyResolver(), now: 0, maxPayloadBytes: 1000)
        }
    }

    @Test func jwsTextLimit() async throws {
        let jws = try DetachedJWS.sign([UInt8](), with: key, keyID: keyID)
        let padded = jws + String(repeating: "A", count: DetachedJWS.maxJWSLength - jws.utf8.count)
        await #expect(throws: FederationError(.cryptoInvalidLength)) {  // within the limit: parsed, then rejected
            try await DetachedJWS.verify(padded, payload: [UInt8](), resolver: DIDKeyResolver(), now: 0)
        }
        await #expect(throws: FederationError(.envelopeTooLarge)) {
            try await DetachedJWS.verify(padded + "A", payload: [UInt8](), resolver: DIDKeyResolver(), now: 0)
        }
    }

    @Test func headerLimits() async throws {
        let signature = String(try DetachedJWS.sign([UInt8](), with: key, keyID: keyID).split(separator: ".").last!)
        let deep = Base64URL.encode(Array(#"{"alg":"EdDSA","kid":"x","a":[[[[1]]]]}"#.utf8))
        await #expect(throws: FederationError(.jsonTooDeep)) {
            try await DetachedJWS.verify(
                "\(deep)..\(signature)", payload: [UInt8](), resolver: DIDKeyResolver(), now: 0)
        }
        let big = Base64URL.encode(Array(#"{"alg":"EdDSA","kid":"\#(String(repeating: "k", count: 6200))"}"#.utf8))
        await #expect(throws: FederationError(.envelopeTooLarge)) {  // over 8 KiB of JWS text before the header
            try await DetachedJWS.verify("\(big)..\(signature)", payload: [UInt8](), resolver: DIDKeyResolver(), now: 0)
        }
        let large = Base64URL.encode(Array(#"{"alg":"EdDSA","kid":"\#(String(repeating: "k", count: 4080))"}"#.utf8))
        await #expect(throws: FederationError(.jsonTooLarge)) {  // under 8 KiB of text, over 4 KiB of header
            try await DetachedJWS.verify(
                "\(large)..\(signature)", payload: [UInt8](), resolver: DIDKeyResolver(), now: 0)
        }
    }
}
