import FederationSecurity
import Testing

/// The identity limits of Spec/limits.md, each at the limit and one past it.
@Suite struct IdentityLimitTests {
    static func document(methods: Int) throws -> [UInt8] {
        let key = try Ed25519.PrivateKey(seed: SecretBytes([UInt8](repeating: 3, count: 32)))
        let value = DIDKey(publicKey: key.publicKey).multibaseValue
        let list = (0..<methods).map { ##"{"id":"#k\##($0)","type":"Multikey","publicKeyMultibase":"\##(value)"}"## }
        return Array(#"{"id":"did:web:example.com","verificationMethod":[\#(list.joined(separator: ","))]}"#.utf8)
    }

    @Test func verificationMethodCount() throws {
        #expect(try DIDDocument(json: Self.document(methods: 32), did: "did:web:example.com").keys.count == 32)
        #expect(throws: FederationError(.didInvalidDocument)) {
            try DIDDocument(json: Self.document(methods: 33), did: "did:web:example.com")
        }
    }

    /// Embedded methods count with the listed ones; each relationship holds at most as many entries.
    @Test func relationshipCounts() throws {
        let key = try Ed25519.PrivateKey(seed: SecretBytes([UInt8](repeating: 3, count: 32)))
        let value = DIDKey(publicKey: key.publicKey).multibaseValue
        func document(listed: Int, embedded: Int, references: Int) -> [UInt8] {
            let method = { (n: Int) in ##"{"id":"#k\##(n)","type":"Multikey","publicKeyMultibase":"\##(value)"}"## }
            let list = (0..<listed).map(method).joined(separator: ",")
            let inline = (listed..<(listed + embedded)).map(method)
            let refs = (0..<references).map { _ in ##""#k0""## }
            return Array(
                #"{"id":"did:web:example.com","verificationMethod":[\#(list)],"authentication":[\#((inline + refs).joined(separator: ","))]}"#
                    .utf8)
        }
        let did = "did:web:example.com"
        #expect(try DIDDocument(json: document(listed: 16, embedded: 16, references: 0), did: did).keys.count == 32)
        #expect(throws: FederationError(.didInvalidDocument)) {
            try DIDDocument(json: document(listed: 16, embedded: 17, references: 0), did: did)
        }
        #expect(try DIDDocument(json: document(listed: 1, embedded: 0, references: 32), did: did).keys.count == 1)
        #expect(throws: FederationError(.didInvalidDocument)) {
            try DIDDocument(json: document(listed: 1, embedded: 0, references: 33), did: did)
        }
    }

    @Test func documentSize() throws {
        let padding = String(repeating: "a", count: DIDDocument.maxBytes)
        #expect(throws: FederationError(.jsonTooLarge)) {
            try DIDDocument(
                json: Array(#"{"id":"did:web:example.com","x":"\#(padding)"}"#.utf8), did: "did:web:example.com")
        }
    }

    @Test func pemTextSize() throws {
        let pem = Ed25519.PrivateKey().publicKey.spkiPEM
        #expect(throws: FederationError(.keyTooLarge)) {
            try Ed25519.PublicKey(spkiPEM: pem + String(repeating: "\n", count: 16 * 1024))
        }
    }

    @Test func didURLLength() throws {
        let long = "did:web:" + String(repeating: "a", count: DIDURL.maxLength - 8)
        #expect(try DIDURL(long).method == "web")
        #expect(throws: FederationError(.didInvalidDID)) { try DIDURL(long + "a") }
    }

    /// A port's ':' becomes '%3A', so a URL 2 bytes under the limit makes a DID at it; one byte more is rejected
    /// by `did(fromURL:)` itself, never handed on as a DID that `documentURL(for:)` cannot read (fuzz-did).
    @Test func didWebFromURLStaysWithinTheDIDLength() throws {
        let prefix = "https://example.com:8443/"
        let url = prefix + String(repeating: "a", count: DIDURL.maxLength - 2 - prefix.utf8.count)
        let did = try DIDWeb.did(fromURL: url)
        #expect(did.utf8.count == DIDURL.maxLength)
        #expect(try DIDWeb.documentURL(for: did) == url + "/did.json")
        #expect(throws: FederationError(.didInvalidWebURL)) { try DIDWeb.did(fromURL: url + "a") }
    }

    @Test func privateKeysRoundTripThroughEveryFormat() throws {
        let key = Ed25519.PrivateKey()
        #expect(try Ed25519.PrivateKey(pkcs8PEM: key.pkcs8PEM).publicKey == key.publicKey)
        #expect(try Ed25519.PrivateKey(jwk: key.jwk).publicKey == key.publicKey)
        #expect(try Ed25519.PublicKey(spkiPEM: key.publicKey.spkiPEM) == key.publicKey)
        #expect(try Ed25519.PublicKey(jwk: key.publicKey.jwk) == key.publicKey)
        #expect(try DIDKey(parsing: DIDKey(publicKey: key.publicKey).keyID).publicKey == key.publicKey)
    }
}

@Suite struct Ed25519IdentityTests {
    @Test func documentItPublishesResolvesToItsKey() throws {
        let identity = try Ed25519Identity(seed: SecretBytes([UInt8](repeating: 4, count: 32)))
        let did = try identity.didWeb(serverURL: "https://Kernel.Example.com:8443")
        #expect(did == "did:web:kernel.example.com%3A8443")
        let text = try CanonicalJSON.encode(identity.didDocument(did: did))
        let document = try DIDDocument(json: text, did: did)
        #expect(try document.publicKey(for: DIDURL("\(did)#key-1")) == identity.publicKey)
        #expect(
            !identity.description.contains("Secret") && identity.description.hasPrefix("Ed25519Identity(did:key:z6Mk"))
    }
}
