/// A key that signs or verifies RFC 9421 signatures, with its `keyid` and its algorithm.
///
/// The algorithm belongs to the key: a verifier never reads it from the request. A request whose `alg` parameter
/// names another algorithm is rejected (`request.algorithm_mismatch`).
public struct RequestSigningKey: Sendable {
    /// The RFC 9421 §3.3 algorithms this profile supports.
    public enum Algorithm: String, Sendable, CaseIterable {
        case hmacSHA256 = "hmac-sha256"
        case ed25519 = "ed25519"
    }

    enum Material: Sendable {
        case hmac(HMACSHA256.Key)
        case ed25519Private(Ed25519.PrivateKey)
        case ed25519Public(Ed25519.PublicKey)
    }

    public let keyID: String
    public let algorithm: Algorithm
    let material: Material

    /// Longest HMAC secret accepted.
    public static let maxSecretLength = 1024

    /// An `hmac-sha256` key (RFC 9421 §3.3.3), for signing and verifying.
    /// - Throws: `crypto.invalid_length` for an empty secret or one over ``maxSecretLength`` bytes.
    public static func hmacSHA256(keyID: String, secret: SecretBytes) throws(FederationError) -> Self {
        guard (1...maxSecretLength).contains(secret.count) else {
            throw FederationError(.cryptoInvalidLength, "HMAC secret must be 1–\(maxSecretLength) bytes")
        }
        return Self(keyID: keyID, algorithm: .hmacSHA256, material: .hmac(try HMACSHA256.Key(secret)))
    }

    /// An `ed25519` signing key (RFC 9421 §3.3.6).
    public static func ed25519(keyID: String, privateKey: Ed25519.PrivateKey) -> Self {
        Self(keyID: keyID, algorithm: .ed25519, material: .ed25519Private(privateKey))
    }

    /// An `ed25519` verification key.
    public static func ed25519(keyID: String, publicKey: Ed25519.PublicKey) -> Self {
        Self(keyID: keyID, algorithm: .ed25519, material: .ed25519Public(publicKey))
    }

    /// Signs a signature base.
    /// - Throws: `crypto.invalid_public_key` for a verification-only key; the backend's codes.
    func sign(_ base: [UInt8]) throws(FederationError) -> [UInt8] {
        switch material {
        case .hmac(let key): return key.authenticationCode(for: base)
        case .ed25519Private(let key): return try key.signature(for: base)
        case .ed25519Public:
            throw FederationError(.cryptoInvalidPublicKey, "an Ed25519 public key cannot sign")
        }
    }

    /// As ``isValidSignature(_:for:)``, over buffers.
    func isValidSignature(_ signature: UnsafeBufferPointer<UInt8>, for base: UnsafeBufferPointer<UInt8>) -> Bool {
        switch material {
        case .hmac(let key):
            return key.isValidAuthenticationCode(UnsafeRawBufferPointer(signature), for: UnsafeRawBufferPointer(base))
        case .ed25519Private(let key): return key.publicKey.isValidSignature(signature, for: base)
        case .ed25519Public(let key): return key.isValidSignature(signature, for: base)
        }
    }

    /// Whether `signature` is valid for `base`; HMAC tags are compared in constant time.
    func isValidSignature(_ signature: [UInt8], for base: [UInt8]) -> Bool {
        signature.withUnsafeBufferPointer { s in base.withUnsafeBufferPointer { isValidSignature(s, for: $0) } }
    }
}

/// The verifier's keys by `keyid`; several may be active at once (rotation).
///
/// A `keyid` is matched byte for byte (a received one is an RFC 8941 string, printable ASCII, so this is also what
/// `String ==` would do for it). A set of up to ``linearLimit`` keys is searched in order, which costs less per
/// request than hashing the `keyid`; a larger one through a dictionary.
public struct RequestKeySet: Sendable {
    private let byID: [ExactText: RequestSigningKey]
    private let ordered: [RequestSigningKey]

    /// Largest set searched in order.
    static let linearLimit = 8

    /// - Warning: two keys with the same `keyid` are a programming error and trap.
    public init(_ keys: [RequestSigningKey]) {
        var byID: [ExactText: RequestSigningKey] = [:]
        for key in keys {
            precondition(byID[ExactText(key.keyID)] == nil, "two request keys with keyid \(key.keyID)")
            byID[ExactText(key.keyID)] = key
        }
        self.byID = byID
        ordered = keys.count <= Self.linearLimit ? keys : []
    }

    public subscript(keyID: String) -> RequestSigningKey? {
        if ordered.isEmpty { return byID[ExactText(keyID)] }
        return TextBytes.withUTF8(keyID) { key(utf8: $0) }
    }

    /// The key whose `keyid` is `keyID`'s bytes (no string is built for a set searched in order).
    func key(utf8 keyID: UnsafeBufferPointer<UInt8>) -> RequestSigningKey? {
        if ordered.isEmpty { return byID[ExactText(String(decoding: keyID, as: UTF8.self))] }
        // By index through a buffer pointer: only the match is copied (and retained), not every key passed over.
        return ordered.withUnsafeBufferPointer { keys in
            for i in keys.indices where UTF8Equality.equal(keyID, keys[i].keyID) { return keys[i] }
            return nil
        }
    }
}
