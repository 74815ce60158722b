import CSodium

/// SHA-256 (FIPS 180-4).
public enum SHA256 {
    /// Bytes in a digest.
    public static let byteCount = 32

    /// The digest of `data`.
    public static func hash(_ data: some Collection<UInt8>) -> [UInt8] {
        Sodium.ensureInitialised()
        var digest = [UInt8](repeating: 0, count: byteCount)
        withContiguousBytes(data) { d in
            digest.withUnsafeMutableBytes { out in _ = crypto_hash_sha256(out.cBytes, d.cBytes, UInt64(d.count)) }
        }
        return digest
    }
}

/// SHA-512 (FIPS 180-4).
public enum SHA512 {
    /// Bytes in a digest.
    public static let byteCount = 64

    /// The digest of `data`.
    public static func hash(_ data: some Collection<UInt8>) -> [UInt8] {
        Sodium.ensureInitialised()
        var digest = [UInt8](repeating: 0, count: byteCount)
        withContiguousBytes(data) { d in
            digest.withUnsafeMutableBytes { out in _ = crypto_hash_sha512(out.cBytes, d.cBytes, UInt64(d.count)) }
        }
        return digest
    }
}
