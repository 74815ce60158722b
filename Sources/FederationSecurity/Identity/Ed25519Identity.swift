/// An Ed25519 identity: a signing key and the DIDs that name it.
///
/// The seed lives only in ``Ed25519/PrivateKey`` (zeroizing); `description` never shows it. Import and export go
/// through the key's encodings (raw seed, PKCS#8 PEM, JWK; `Spec/identity.md`).
public struct Ed25519Identity: Sendable, CustomStringConvertible {
    /// The signing key.
    public let privateKey: Ed25519.PrivateKey

    /// A new random identity.
    public init() {
        privateKey = Ed25519.PrivateKey()
    }

    /// The identity of an existing key (from a seed, PEM or JWK).
    public init(_ privateKey: Ed25519.PrivateKey) {
        self.privateKey = privateKey
    }

    /// The identity of a 32-byte seed (openintent's key file).
    /// - Throws: `crypto.invalid_length`.
    public init(seed: SecretBytes) throws(FederationError) {
        privateKey = try Ed25519.PrivateKey(seed: seed)
    }

    /// The public key.
    public var publicKey: Ed25519.PublicKey { privateKey.publicKey }

    /// Its did:key.
    public var didKey: DIDKey { DIDKey(publicKey: privateKey.publicKey) }

    /// The did:web DID of the server at `url` that publishes this key.
    /// - Throws: `did.invalid_web_url`.
    public func didWeb(serverURL url: String) throws(FederationError) -> String {
        try DIDWeb.did(fromURL: url)
    }

    /// A DID document for `did` (did:web) listing this key as `#key-1` (`Multikey`, authentication and
    /// assertion), ready to serve as `did.json`.
    public func didDocument(did: String) -> JSONValue {
        let method = JSONValue.object(
            JSONObject(uniqueMembers: [
                .init("id", .string("\(did)#key-1")), .init("type", .string("Multikey")),
                .init("controller", .string(did)), .init("publicKeyMultibase", .string(didKey.multibaseValue)),
            ]))
        return .object(
            JSONObject(uniqueMembers: [
                .init(
                    "@context",
                    .array([.string("https://www.w3.org/ns/did/v1"), .string("https://w3id.org/security/multikey/v1")])),
                .init("id", .string(did)), .init("verificationMethod", .array([method])),
                .init("authentication", .array([.string("\(did)#key-1")])),
                .init("assertionMethod", .array([.string("\(did)#key-1")])),
            ]))
    }

    public var description: String { "Ed25519Identity(\(didKey.did))" }
}
