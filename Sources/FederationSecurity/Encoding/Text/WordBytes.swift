/// Byte tests on eight bytes at once (a 64-bit word read from a byte buffer), for scanners that skip runs of
/// ordinary bytes. Each test is exact: it is true exactly when some byte of the word has the property.
enum WordBytes {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `word` is zero.
    @inline(__always) static func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }

    /// Whether some byte of `word` equals `byte`.
    @inline(__always) static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
        hasZeroByte(word ^ (ones &* UInt64(byte)))
    }

    /// The offset of the first `byte` in `bytes` at or after `start`, or `nil`: eight bytes at a time, then the word
    /// that holds it byte by byte.
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while i + 8 <= bytes.count, !contains(base.loadUnaligned(fromByteOffset: i, as: UInt64.self), byte) {
                i += 8
            }
        }
        while i < bytes.count {
            if bytes[i] == byte { return i }
            i += 1
        }
        return nil
    }
}
