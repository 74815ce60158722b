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
}
