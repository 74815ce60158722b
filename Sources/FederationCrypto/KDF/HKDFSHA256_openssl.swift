import COpenSSL

/// HKDF with SHA-256 (RFC 5869), computed by OpenSSL's HKDF implementation.
public enum HKDFSHA256 {
    /// The largest output: 255 × HashLen (RFC 5869 §2.3).
    public static let maximumOutputByteCount = 255 * 32
    /// The largest `info` OpenSSL 3.0 accepts (its HKDF keeps `info` in a 1024-byte buffer).
    public static let maximumInfoByteCount = 1024

    /// HKDF-Extract (RFC 5869 §2.2): the 32-byte pseudorandom key.
    public static func extract(salt: some Collection<UInt8>, inputKeyMaterial: SecretBytes) -> SecretBytes {
        // Extract has no failure mode of its own; a failure is a broken C library.
        try! run(mode: EVP_KDF_HKDF_MODE_EXTRACT_ONLY, key: inputKeyMaterial, salt: Array(salt), info: [], length: 32)
    }

    /// HKDF-Expand (RFC 5869 §2.3) of a pseudorandom key.
    /// - Throws: ``ErrorCode/cryptoInvalidOutputLength`` for a length outside 1...8160;
    ///   ``ErrorCode/cryptoInvalidLength`` for a PRK shorter than 32 bytes or `info` over 1024 bytes.
    public static func expand(
        pseudoRandomKey: SecretBytes, info: some Collection<UInt8>, outputByteCount: Int
    ) throws(FederationError) -> SecretBytes {
        guard pseudoRandomKey.count >= 32 else {
            throw FederationError(.cryptoInvalidLength, "HKDF PRK must be at least 32 bytes")
        }
        return try run(
            mode: EVP_KDF_HKDF_MODE_EXPAND_ONLY, key: pseudoRandomKey, salt: nil, info: Array(info),
            length: outputByteCount)
    }

    /// HKDF (RFC 5869 §2): extract then expand.
    /// - Throws: as ``expand(pseudoRandomKey:info:outputByteCount:)``.
    public static func deriveKey(
        inputKeyMaterial: SecretBytes, salt: some Collection<UInt8>, info: some Collection<UInt8>, outputByteCount: Int
    ) throws(FederationError) -> SecretBytes {
        try run(
            mode: EVP_KDF_HKDF_MODE_EXTRACT_AND_EXPAND, key: inputKeyMaterial, salt: Array(salt), info: Array(info),
            length: outputByteCount)
    }

    private static func run(
        mode: Int32, key: SecretBytes, salt: [UInt8]?, info: [UInt8], length: Int
    ) throws(FederationError) -> SecretBytes {
        guard (1...maximumOutputByteCount).contains(length) else {
            throw FederationError(.cryptoInvalidOutputLength, "HKDF output must be 1...8160 bytes, got \(length)")
        }
        guard info.count <= maximumInfoByteCount else {
            throw FederationError(.cryptoInvalidLength, "HKDF info over \(maximumInfoByteCount) bytes")
        }
        guard let ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nil) else { throw CFailure.openSSL("EVP_PKEY_CTX_new_id") }
        defer { EVP_PKEY_CTX_free(ctx) }
        try CFailure.checkOpenSSL(EVP_PKEY_derive_init(ctx), "EVP_PKEY_derive_init")
        try CFailure.checkOpenSSL(EVP_PKEY_CTX_set_hkdf_md(ctx, EVP_sha256()), "EVP_PKEY_CTX_set_hkdf_md")
        try CFailure.checkOpenSSL(EVP_PKEY_CTX_set_hkdf_mode(ctx, mode), "EVP_PKEY_CTX_set_hkdf_mode")
        let keyRC = key.withUnsafeBytes { k in EVP_PKEY_CTX_set1_hkdf_key(ctx, k.cBytes, Int32(k.count)) }
        try CFailure.checkOpenSSL(keyRC, "EVP_PKEY_CTX_set1_hkdf_key")
        if let salt {
            let rc = salt.withUnsafeBytes { s in EVP_PKEY_CTX_set1_hkdf_salt(ctx, s.cBytes, Int32(s.count)) }
            try CFailure.checkOpenSSL(rc, "EVP_PKEY_CTX_set1_hkdf_salt")
        }
        if !info.isEmpty {
            let rc = info.withUnsafeBytes { i in EVP_PKEY_CTX_add1_hkdf_info(ctx, i.cBytes, Int32(i.count)) }
            try CFailure.checkOpenSSL(rc, "EVP_PKEY_CTX_add1_hkdf_info")
        }
        return try SecretBytes(count: length) { (out) throws(FederationError) in
            var produced = out.count
            try CFailure.checkOpenSSL(EVP_PKEY_derive(ctx, out.cBytes, &produced), "EVP_PKEY_derive")
            guard produced == length else { throw CFailure.openSSL("EVP_PKEY_derive length") }
        }
    }
}
