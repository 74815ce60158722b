/// RFC 8410 encodings of Ed25519 keys: PKCS#8 (RFC 5208 / RFC 5958) private keys and SubjectPublicKeyInfo public keys.
///
/// Only the exact DER of RFC 8410 is accepted (§7 PrivateKeyInfo v1 `MC4CAQAwBQYDK2VwBCIEI…`, and v2 with the
/// optional public key, which must match the seed). Attributes, parameters and any other shape are rejected:
/// a byte comparison against the fixed prefix cannot be confused by BER variants.
enum Ed25519DER {
    /// SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32) } }
    static let privateKeyPrefixV1: [UInt8] = [
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
    ]
    /// As v1 with version 1 and a trailing `[1] IMPLICIT BIT STRING` public key (RFC 5958 OneAsymmetricKey).
    static let privateKeyPrefixV2: [UInt8] = [
        0x30, 0x51, 0x02, 0x01, 0x01, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
    ]
    static let publicKeyInV2Prefix: [UInt8] = [0x81, 0x21, 0x00]
    /// SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (32 bytes) }
    static let publicKeyPrefix: [UInt8] = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]
}

extension Ed25519.PrivateKey {
    /// PKCS#8 v1 PEM (`-----BEGIN PRIVATE KEY-----`), RFC 8410 §7. - Warning: contains the seed.
    public var pkcs8PEM: String {
        // The DER holds the seed: built in one buffer reserved at its final size (so appending never leaves a copy
        // behind in a freed buffer) and wiped once encoded, as the import wipes what it decodes.
        var der: [UInt8] = []
        der.reserveCapacity(Ed25519DER.privateKeyPrefixV1.count + 32)
        der.append(contentsOf: Ed25519DER.privateKeyPrefixV1)
        seed.withUnsafeBytes { der.append(contentsOf: $0) }
        defer { Wipe.zero(&der) }
        return PEM.encode(der, label: "PRIVATE KEY")
    }

    /// Imports a PKCS#8 PEM private key (v1, or v2 whose public key matches).
    /// - Throws: `key.invalid_pem`, `key.invalid_der`, `key.public_key_mismatch`, `key.too_large`.
    public init(pkcs8PEM text: String, backend: Ed25519.Backend = .sodium) throws(FederationError) {
        var der = try PEM.decode(text, label: "PRIVATE KEY")
        defer { Wipe.zero(&der) }
        let prefix = Array(der.prefix(16))
        let v1 = der.count == 48 && prefix == Ed25519DER.privateKeyPrefixV1
        let v2 =
            der.count == 83 && prefix == Ed25519DER.privateKeyPrefixV2
            && Array(der[48..<51]) == Ed25519DER.publicKeyInV2Prefix
        guard v1 || v2 else { throw FederationError(.keyInvalidDER, "not an RFC 8410 Ed25519 PrivateKeyInfo") }
        try self.init(seed: SecretBytes(der[16..<48]), backend: backend)
        if v2, Array(der[51..<83]) != publicKey.rawRepresentation {
            throw FederationError(.keyPublicKeyMismatch, "embedded public key does not match the seed")
        }
    }
}

extension Ed25519.PublicKey {
    /// SubjectPublicKeyInfo PEM (`-----BEGIN PUBLIC KEY-----`), RFC 8410 §4.
    public var spkiPEM: String {
        PEM.encode(Ed25519DER.publicKeyPrefix + rawRepresentation, label: "PUBLIC KEY")
    }

    /// Imports a SubjectPublicKeyInfo PEM public key.
    /// - Throws: `key.invalid_pem`, `key.invalid_der`, `key.too_large`, `crypto.invalid_public_key`.
    public init(spkiPEM text: String, backend: Ed25519.Backend = .sodium) throws(FederationError) {
        let der = try PEM.decode(text, label: "PUBLIC KEY")
        guard der.count == 44, Array(der.prefix(12)) == Ed25519DER.publicKeyPrefix else {
            throw FederationError(.keyInvalidDER, "not an RFC 8410 Ed25519 SubjectPublicKeyInfo")
        }
        try self.init(rawRepresentation: der[12...], backend: backend)
    }
}
