import COpenSSL

/// Comparisons whose running time does not depend on the contents of what is compared.
public enum ConstantTime {
    /// Whether `a` and `b` hold the same bytes, in time independent of their contents (lengths are not secret:
    /// different lengths return `false` at once).
    public static func equals(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        withContiguousBytes(a) { x in withContiguousBytes(b) { y in equals(x, y) } }
    }

    /// The same comparison for raw buffers: no generic dispatch on a hot path (a caller in another module otherwise
    /// calls the unspecialised generic).
    public static func equals(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        // A word loop with a value barrier (`fedsec_constant_time_equal`, in the OpenSSL shim): the guarantee of
        // OpenSSL's `CRYPTO_memcmp` and libsodium's `sodium_memcmp` (every byte read, differences accumulated without
        // a branch), at a fraction of their per-byte cost on the 32-byte tags and digests compared per request.
        return fedsec_constant_time_equal(
            a.baseAddress!.assumingMemoryBound(to: UInt8.self), b.baseAddress!.assumingMemoryBound(to: UInt8.self),
            a.count) == 1
    }
}
