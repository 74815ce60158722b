import FederationSecurity
import Testing

/// Verification relationships (W3C DID Core §5.3) through the API: a key is returned only for the relationships
/// asked for, by default `authentication` or `assertionMethod`. (The vectors in `identity/did-documents.json` cover the
/// default purpose and the malformed cases.)
@Suite struct DIDRelationshipTests {
    static let did = "did:web:example.com"

    static func document(_ members: String) throws -> (DIDDocument, [Ed25519.PublicKey]) {
        let keys = try (1...3).map { try Ed25519.PrivateKey(seed: SecretBytes([UInt8](repeating: UInt8($0), count: 32))) }
        let methods = keys.enumerated().map { n, key in
            ##"{"id":"#k\##(n + 1)","type":"Multikey","publicKeyMultibase":"\##(DIDKey(publicKey: key.publicKey).multibaseValue)"}"##
        }
        let json = #"{"id":"\#(did)","verificationMethod":[\#(methods.joined(separator: ","))]\#(members)}"#
        return (try DIDDocument(json: Array(json.utf8), did: did), keys.map(\.publicKey))
    }

    @Test func eachKeyIsReturnedForItsOwnRelationshipsOnly() throws {
        let (document, keys) = try Self.document(
            ##","authentication":["#k1"],"keyAgreement":["#k2"],"capabilityDelegation":["did:web:example.com#k3"]"##)
        let k1 = try DIDURL(Self.did + "#k1")
        let k2 = try DIDURL(Self.did + "#k2")
        let k3 = try DIDURL(Self.did + "#k3")
        #expect(document.relationships(of: Self.did + "#k1") == [.authentication])
        #expect(document.relationships(of: Self.did + "#k2") == [.keyAgreement])
        #expect(document.relationships(of: Self.did + "#k3") == [.capabilityDelegation])
        #expect(try document.publicKey(for: k1) == keys[0])
        #expect(throws: FederationError(.didKeyNotAuthorized)) { try document.publicKey(for: k2) }
        #expect(throws: FederationError(.didKeyNotAuthorized)) { try document.publicKey(for: k3) }
        #expect(try document.publicKey(for: k3, purpose: [.capabilityDelegation]) == keys[2])
        #expect(throws: FederationError(.didKeyNotAuthorized)) { try document.publicKey(for: k1, purpose: [.keyAgreement]) }
        #expect(throws: FederationError(.didKeyNotAuthorized)) { try document.publicKey(for: k1, purpose: []) }
        // Without a fragment, the one key listed for the purpose.
        #expect(try document.publicKey(for: try DIDURL(Self.did)) == keys[0])
        #expect(try document.publicKey(for: try DIDURL(Self.did), purpose: [.keyAgreement]) == keys[1])
        #expect(throws: FederationError(.didKeyNotFound)) {
            try document.publicKey(for: try DIDURL(Self.did), purpose: [.authentication, .keyAgreement])
        }
    }

    @Test func anEmbeddedMethodBelongsToItsRelationshipAlone() throws {
        let key = try Ed25519.PrivateKey(seed: SecretBytes([UInt8](repeating: 9, count: 32)))
        let embedded =
            ##"{"id":"#e1","type":"Multikey","publicKeyMultibase":"\##(DIDKey(publicKey: key.publicKey).multibaseValue)"}"##
        let (document, _) = try Self.document(#","assertionMethod":[\#(embedded)]"#)
        let url = try DIDURL(Self.did + "#e1")
        #expect(document.relationships(of: Self.did + "#e1") == [.assertionMethod])
        #expect(try document.publicKey(for: url) == key.publicKey)
        #expect(throws: FederationError(.didKeyNotAuthorized)) { try document.publicKey(for: url, purpose: [.authentication]) }
        #expect(document.keys.count == 4)
    }

    @Test func theDocumentAnIdentityPublishesVerifiesItsKey() throws {
        // The library's own did:web document lists its key for authentication and assertionMethod.
        let identity = try Ed25519Identity(seed: SecretBytes([UInt8](repeating: 4, count: 32)))
        let document = try DIDDocument(value: identity.didDocument(did: Self.did), did: Self.did)
        #expect(try document.publicKey(for: try DIDURL(Self.did + "#key-1")) == identity.publicKey)
        #expect(document.relationships(of: Self.did + "#key-1") == DIDDocument.signingRelationships)
    }
}
