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

    /// Whether some byte of `word` is below `limit` (at most 0x80): the borrow of `byte - limit` sets the high bit of
    /// a byte that was below it, and `~word` keeps only bytes whose own high bit was clear.
    @inline(__always) static func hasByteBelow(_ word: UInt64, _ limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    /// Whether some byte of `word` is one a string scanner must look at: a quote, a backslash, or not printable ASCII
    /// (below 0x20, 0x7F, or 0x80 and above), i.e. not ``isStringPlainByte(_:)``. JSON and RFC 8941 strings are runs
    /// of other bytes.
    @inline(__always) static func hasStringSpecialByte(_ word: UInt64) -> Bool {
        word & highs != 0 || hasByteBelow(word, 0x20) || contains(word, 0x22) || contains(word, 0x5C)
            || contains(word, 0x7F)
    }

    /// Whether `byte` is printable ASCII other than `"` and `\`: what an RFC 8941 string holds unescaped (§3.3.3),
    /// and what a JSON string may hold as itself and write as itself in ASCII. The byte-wise twin of
    /// ``hasStringSpecialByte(_:)``.
    @inline(__always) static func isStringPlainByte(_ byte: UInt8) -> Bool {
        byte &- 0x20 <= 0x5E && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
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
