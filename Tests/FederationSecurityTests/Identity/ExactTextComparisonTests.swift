import FederationSecurity
import Testing

/// Identity formats compare their fixed strings byte for byte: Swift's `String ==` is canonical equivalence, under
/// which U+212A KELVIN SIGN is "K" and U+037E GREEK QUESTION MARK is ";", so a parser using it accepts text that
/// every other implementation rejects.
@Suite struct ExactTextComparisonTests {
    static let key = try! Ed25519.PrivateKey(seed: SecretBytes([UInt8](repeating: 7, count: 32)))

    @Test func jwkKeyTypeIsExact() throws {
        let x = Base64URL.encode(Self.key.publicKey.rawRepresentation)
        let good = try JSONReader().parse(Array(#"{"kty":"OKP","crv":"Ed25519","x":"\#(x)"}"#.utf8))
        #expect(try Ed25519.PublicKey(jwk: good) == Self.key.publicKey)
        let kelvin = try JSONReader().parse(Array(#"{"kty":"O\u212AP","crv":"Ed25519","x":"\#(x)"}"#.utf8))
        #expect(throws: FederationError(.keyInvalidJWK)) { try Ed25519.PublicKey(jwk: kelvin) }
    }

    /// RFC 7468 §2 allows CRLF line ends; they were rejected (`"\r\n"` is one grapheme, so splitting on "\n" never
    /// split). A label spelled with KELVIN SIGN is not the label.
    @Test func pemLinesAndLabelAreBytes() throws {
        let pem = Self.key.pkcs8PEM
        let crlf = pem.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try Ed25519.PrivateKey(pkcs8PEM: crlf).publicKey == Self.key.publicKey)
        let kelvin = pem.replacingOccurrences(of: "PRIVATE KEY", with: "PRIVATE \u{212A}EY")
        #expect(throws: FederationError(.keyInvalidPEM)) { try Ed25519.PrivateKey(pkcs8PEM: kelvin) }
    }

    @Test func didDocumentTypeIsExact() throws {
        let did = "did:web:example.com"
        let multibase = DIDKey(publicKey: Self.key.publicKey).multibaseValue
        func document(type: String) -> [UInt8] {
            Array(
                """
                {"id":"\(did)","verificationMethod":[{"id":"#k1","type":"\(type)","controller":"\(did)",\
                "publicKeyMultibase":"\(multibase)"}],"assertionMethod":["#k1"]}
                """.utf8)
        }
        let url = try DIDURL(did + "#k1")
        #expect(try DIDDocument(json: document(type: "Multikey"), did: did).publicKey(for: url) == Self.key.publicKey)
        let kelvin = try DIDDocument(json: document(type: "Multi\u{212A}ey"), did: did)
        #expect(throws: FederationError(.didInvalidDocument)) { try kelvin.publicKey(for: url) }
    }
}

extension ExactTextComparisonTests {
    /// The key cache is keyed by bytes: a DID URL canonically equivalent to a cached one (a "K" written as KELVIN
    /// SIGN) is a miss, and the resolver rejects it, instead of a hit answering for text the parser refuses.
    @Test func keyCacheIsKeyedByBytes() async throws {
        let resolver = CachingKeyResolver(DIDKeyResolver())
        var did = ""
        for n in UInt8(1)...UInt8(200) {
            let candidate = DIDKey(
                publicKey: try Ed25519.PrivateKey(seed: SecretBytes([UInt8](repeating: n, count: 32))).publicKey
            ).did
            if candidate.dropFirst("did:key:".count).contains("K") {
                did = candidate
                break
            }
        }
        try #require(!did.isEmpty)
        _ = try await resolver.resolveKey(did, now: 0)
        let lookalike = did.replacingOccurrences(of: "K", with: "\u{212A}")
        #expect(lookalike == did)  // Swift's `==` cannot tell them apart
        await #expect(throws: FederationError.self) { try await resolver.resolveKey(lookalike, now: 1) }
    }
}

extension ExactTextComparisonTests {
    /// A public import does not read `d` at all ("its d is not read"): a private JWK whose `d` is malformed or in
    /// another layout still yields its public key, and the seed is never decoded into a temporary.
    @Test func publicJWKImportIgnoresD() throws {
        let x = Base64URL.encode(Self.key.publicKey.rawRepresentation)
        let longD = Base64URL.encode([UInt8](repeating: 9, count: 64))
        let jwk = try JSONReader().parse(Array(#"{"kty":"OKP","crv":"Ed25519","x":"\#(x)","d":"\#(longD)"}"#.utf8))
        #expect(try Ed25519.PublicKey(jwk: jwk) == Self.key.publicKey)
        #expect(throws: FederationError(.keyInvalidJWK)) { try Ed25519.PrivateKey(jwk: jwk) }
    }
}
