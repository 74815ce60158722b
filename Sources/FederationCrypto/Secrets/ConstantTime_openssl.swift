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
        // OpenSSL's `CRYPTO_memcmp` (assembly, reads every byte, accumulates differences without branching): the same
        // guarantee as libsodium's `sodium_memcmp`, whose volatile byte loop costs several times as much on the hot
        // paths (digests, tags) that call this per request.
        return CRYPTO_memcmp(a.baseAddress, b.baseAddress, a.count) == 0
    }
}
