import COpenSSL

/// A raw OpenSSL Ed25519 public key for the baseline (kept for the process lifetime; never freed).
///
/// `@unchecked Sendable` is safe: the key is read-only after creation and each verify has its own `EVP_MD_CTX`.
final class EVPKeyBox: @unchecked Sendable {
    let pkey: OpaquePointer

    init(_ raw: [UInt8]) {
        pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, raw, raw.count)!
    }

    func verify(_ signature: [UInt8], _ message: [UInt8]) -> Bool {
        let ctx = EVP_MD_CTX_new()
        defer { EVP_MD_CTX_free(ctx) }
        guard EVP_DigestVerifyInit(ctx, nil, nil, nil, pkey) == 1 else { return false }
        return EVP_DigestVerify(ctx, signature, signature.count, message, message.count) == 1
    }
}

/// A raw keyed `EVP_MAC_CTX` reused for every MAC, as a C caller would.
///
/// `@unchecked Sendable` is safe for the benchmark: it is used from one thread only.
final class EVPMACBox: @unchecked Sendable {
    let ctx: OpaquePointer
    var out = [UInt8](repeating: 0, count: 32)

    init(key: [UInt8]) {
        let mac = EVP_MAC_fetch(nil, "HMAC", nil)
        ctx = EVP_MAC_CTX_new(mac)!
        EVP_MAC_free(mac)
        "digest".withCString { name in
            "SHA256".withCString { digest in
                var params = [
                    OSSL_PARAM_construct_utf8_string(name, UnsafeMutablePointer(mutating: digest), 0),
                    OSSL_PARAM_construct_end(),
                ]
                precondition(EVP_MAC_init(ctx, key, key.count, &params) == 1)
            }
        }
    }

    func mac(_ message: [UInt8]) -> UInt8 {
        var length = 0
        EVP_MAC_init(ctx, nil, 0, nil)
        EVP_MAC_update(ctx, message, message.count)
        EVP_MAC_final(ctx, &out, &length, out.count)
        return out[0]
    }
}
