/// `did:key` for Ed25519 (W3C CCG did:key method): `did:key:z` + base58btc(0xed 0x01 ‖ public key), `z6Mk…`.
public struct DIDKey: Sendable, Hashable, CustomStringConvertible {
    /// The key the DID names.
    public let publicKey: Ed25519.PublicKey

    /// The DID for `publicKey`.
    public init(publicKey: Ed25519.PublicKey) {
        self.publicKey = publicKey
    }

    /// `did:key:z6Mk…`.
    public var did: String { "did:key:\(multibaseValue)" }

    /// The DID URL of its verification method: `did:key:z6Mk…#z6Mk…`.
    public var keyID: String { "\(did)#\(multibaseValue)" }

    /// `z` + base58btc(0xed01 ‖ key).
    public var multibaseValue: String {
        Multibase.encode(Multicodec.prefix(.ed25519Pub, to: publicKey.rawRepresentation), as: .base58btc)
    }

    public var description: String { did }

    /// Parses a did:key DID or DID URL; a fragment, when present, must be the key's own multibase value.
    /// - Throws: the did:key spec's errors: `did.invalid_did` (`invalidDid`), `did.unsupported_method`,
    ///   `did.unsupported_key_type` (`unsupportedPublicKeyType`), `did.invalid_key_length`
    ///   (`invalidPublicKeyLength`), `did.invalid_public_key` (`invalidPublicKey`), `did.key_not_found`.
    public init(parsing text: String, backend: Ed25519.Backend = .sodium) throws(FederationError) {
        let url = try DIDURL(text)
        guard url.method == "key" else { throw FederationError(.didUnsupportedMethod, "not did:key") }
        let value = url.methodSpecificID
        guard value.first == "z", !value.contains(":") else {
            throw FederationError(.didInvalidDID, "did:key value must be one multibase base58btc ('z') string")
        }
        let bytes: [UInt8]
        let split: (codec: Multicodec, payload: [UInt8])
        do {
            bytes = try Multibase.decode(value, expecting: .base58btc)
            split = try Multicodec.split(bytes)
        } catch {
            throw FederationError(.didInvalidDID, "did:key value does not decode (\(error.code))")
        }
        guard split.codec == .ed25519Pub else {
            throw FederationError(
                .didUnsupportedKeyType, "multicodec 0x\(String(split.codec.code, radix: 16)) is not ed25519-pub")
        }
        guard split.payload.count == Ed25519.publicKeyByteCount else {
            throw FederationError(.didInvalidKeyLength, "ed25519-pub key of \(split.payload.count) bytes")
        }
        do {
            publicKey = try Ed25519.PublicKey(rawRepresentation: split.payload, backend: backend)
        } catch {
            throw FederationError(.didInvalidPublicKey, "key rejected by the Ed25519 policy (\(error.code))")
        }
        if let fragment = url.fragment, fragment != value {
            throw FederationError(.didKeyNotFound, "a did:key document has one verification method, #\(value)")
        }
        // Canonical form: re-encoding must give the same text (base58 has one encoding per value; this also pins it).
        guard multibaseValue == value else { throw FederationError(.didInvalidDID, "non-canonical did:key") }
    }
}
