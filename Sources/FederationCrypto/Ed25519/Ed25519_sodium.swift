import CSodium

/// libsodium calls for Ed25519. Lengths are checked by the callers before they get here.
enum Ed25519SodiumBackend {
    /// Whether `key` encodes a point on the curve, canonically, of prime order L (`crypto_core_ed25519_is_valid_point`).
    static func isValidPoint(_ key: UnsafeRawBufferPointer) -> Bool {
        Sodium.ensureInitialised()
        return crypto_core_ed25519_is_valid_point(key.cBytes) == 1
    }

    /// The 64-byte libsodium secret key (seed ‖ public key) and the public key, from a 32-byte seed.
    static func keyPair(seed: SecretBytes) throws(FederationError) -> (secretKey: SecretBytes, publicKey: [UInt8]) {
        Sodium.ensureInitialised()
        var publicKey = [UInt8](repeating: 0, count: Ed25519.publicKeyByteCount)
        let secretKey = try SecretBytes(count: Int(crypto_sign_SECRETKEYBYTES)) { (sk) throws(FederationError) in
            let rc = seed.withUnsafeBytes { s in
                publicKey.withUnsafeMutableBytes { pk in
                    crypto_sign_seed_keypair(
                        pk.cBytes,
                        sk.cBytes,
                        s.cBytes)
                }
            }
            guard rc == 0 else { throw CFailure.sodium("crypto_sign_seed_keypair") }
        }
        return (secretKey, publicKey)
    }

    /// A detached signature of `message` with a 64-byte libsodium secret key.
    static func sign(_ message: UnsafeRawBufferPointer, secretKey: SecretBytes) throws(FederationError) -> [UInt8] {
        var signature = [UInt8](repeating: 0, count: Ed25519.signatureByteCount)
        let rc = secretKey.withUnsafeBytes { sk in
            signature.withUnsafeMutableBytes { sig in
                crypto_sign_detached(
                    sig.cBytes, nil,
                    message.cBytes, UInt64(message.count),
                    sk.cBytes)
            }
        }
        guard rc == 0 else { throw CFailure.sodium("crypto_sign_detached") }
        return signature
    }

    /// `crypto_sign_verify_detached`. - Precondition: 64-byte signature, 32-byte key.
    static func verify(
        _ signature: UnsafeRawBufferPointer, _ message: UnsafeRawBufferPointer, _ key: UnsafeRawBufferPointer
    ) -> Bool {
        crypto_sign_verify_detached(
            signature.cBytes,
            message.cBytes, UInt64(message.count),
            key.cBytes) == 0
    }
}
