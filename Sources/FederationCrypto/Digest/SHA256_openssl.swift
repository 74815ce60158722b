import COpenSSL

/// OpenSSL's SHA-256 implementation, fetched once. `nonisolated(unsafe)` is safe: an `EVP_MD` is immutable after
/// the fetch and OpenSSL allows it to be used from any thread.
nonisolated(unsafe) private let sha256Digest: OpaquePointer? = EVP_MD_fetch(nil, "SHA256", nil)

extension SHA256 {
    /// Writes the digest of `data` into `digest` (at least ``byteCount`` bytes): no array and no generic dispatch,
    /// for hot paths that keep the digest in a stack buffer.
    ///
    /// This uses OpenSSL's SHA-256 (assembly with the CPU's SHA extensions where present), several times faster than
    /// libsodium's portable one on short inputs; the digest is the same (FIPS 180-4; `SHA256Tests` checks both).
    public static func hash(_ data: UnsafeRawBufferPointer, into digest: UnsafeMutableRawBufferPointer) {
        precondition(digest.count >= byteCount, "digest buffer too small")
        var size: UInt32 = 0
        guard let md = sha256Digest,
            EVP_Digest(
                data.baseAddress ?? UnsafeRawPointer(digest.baseAddress!), data.count, digest.cBytes, &size, md, nil)
                == 1, size == byteCount
        else {
            fatalError("OpenSSL SHA-256 failed: \(CFailure.openSSL("EVP_Digest").reason)")
        }
    }
}
