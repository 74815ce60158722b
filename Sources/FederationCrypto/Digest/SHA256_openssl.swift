import COpenSSL

extension SHA256 {
    /// Writes the digest of `data` into `digest` (at least ``byteCount`` bytes): no array, no allocation and no generic
    /// dispatch, for hot paths that keep the digest in a stack buffer.
    ///
    /// This uses OpenSSL's SHA-256 (assembly with the CPU's SHA extensions where present) on a stack context, several
    /// times faster than libsodium's portable one on short inputs, and than OpenSSL's `EVP_Digest`, which allocates a
    /// context per call; the digest is the same (FIPS 180-4; `SHA256Tests` checks both).
    public static func hash(_ data: UnsafeRawBufferPointer, into digest: UnsafeMutableRawBufferPointer) {
        precondition(digest.count >= byteCount, "digest buffer too small")
        // An empty input may have no base address; SHA256_Update reads nothing then.
        guard fedsec_sha256(data.baseAddress ?? UnsafeRawPointer(digest.baseAddress!), data.count, digest.cBytes) == 1
        else {
            fatalError("OpenSSL SHA-256 failed: \(CFailure.openSSL("SHA256").reason)")
        }
    }
}
