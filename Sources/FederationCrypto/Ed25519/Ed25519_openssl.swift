import COpenSSL

/// An OpenSSL `EVP_PKEY` owned by Swift, freed (and, for private keys, cleansed by OpenSSL) on deinit.
///
/// `@unchecked Sendable` is safe: the key is never mutated after creation, and OpenSSL 3 allows one `EVP_PKEY` to be
/// used by several threads at once as long as each has its own `EVP_MD_CTX`, which every call below creates.
final class OpenSSLKey: @unchecked Sendable {
    let pkey: OpaquePointer

    init(pkey: OpaquePointer) {
        self.pkey = pkey
    }

    deinit {
        EVP_PKEY_free(pkey)
    }
}

/// OpenSSL EVP calls for Ed25519. Lengths are checked by the callers before they get here.
enum Ed25519OpenSSLBackend {
    static func publicKey(_ raw: UnsafeRawBufferPointer) throws(FederationError) -> OpenSSLKey {
        guard let pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, raw.cBytes, raw.count)
        else { throw CFailure.openSSL("EVP_PKEY_new_raw_public_key") }
        return OpenSSLKey(pkey: pkey)
    }

    static func privateKey(seed: SecretBytes) throws(FederationError) -> (key: OpenSSLKey, publicKey: [UInt8]) {
        let made = seed.withUnsafeBytes { s in
            EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, s.cBytes, s.count)
        }
        guard let pkey = made else { throw CFailure.openSSL("EVP_PKEY_new_raw_private_key") }
        let key = OpenSSLKey(pkey: pkey)
        var publicKey = [UInt8](repeating: 0, count: Ed25519.publicKeyByteCount)
        var length = publicKey.count
        try CFailure.checkOpenSSL(EVP_PKEY_get_raw_public_key(pkey, &publicKey, &length), "EVP_PKEY_get_raw_public_key")
        guard length == Ed25519.publicKeyByteCount else { throw CFailure.openSSL("EVP_PKEY_get_raw_public_key length") }
        return (key, publicKey)
    }

    static func sign(_ message: UnsafeRawBufferPointer, key: OpenSSLKey) throws(FederationError) -> [UInt8] {
        guard let ctx = EVP_MD_CTX_new() else { throw CFailure.openSSL("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(ctx) }
        try CFailure.checkOpenSSL(EVP_DigestSignInit(ctx, nil, nil, nil, key.pkey), "EVP_DigestSignInit")
        var signature = [UInt8](repeating: 0, count: Ed25519.signatureByteCount)
        var length = signature.count
        try CFailure.checkOpenSSL(
            EVP_DigestSign(ctx, &signature, &length, message.cBytes, message.count),
            "EVP_DigestSign")
        guard length == Ed25519.signatureByteCount else { throw CFailure.openSSL("EVP_DigestSign length") }
        return signature
    }

    static func verify(_ signature: UnsafeRawBufferPointer, _ message: UnsafeRawBufferPointer, key: OpenSSLKey) -> Bool
    {
        guard let ctx = EVP_MD_CTX_new() else { return false }
        defer {
            EVP_MD_CTX_free(ctx)
            ERR_clear_error()  // a failed verification may leave entries in the thread's error queue
        }
        guard EVP_DigestVerifyInit(ctx, nil, nil, nil, key.pkey) == 1 else { return false }
        return EVP_DigestVerify(
            ctx, signature.cBytes, signature.count,
            message.cBytes, message.count) == 1
    }
}
