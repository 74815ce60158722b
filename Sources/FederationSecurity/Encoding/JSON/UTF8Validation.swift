/// Well-formed UTF-8 per Unicode Table 3-7: no overlong forms, no encoded surrogates, nothing above U+10FFFF, no
/// truncated or stray continuation bytes.
enum UTF8Validation {
    /// The offset of the first byte of the first ill-formed sequence, or `nil` when all of `bytes` is well-formed.
    static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        let base = UnsafeRawPointer(bytes.baseAddress)
        while i < n {
            // Runs of ASCII eight bytes at a time.
            if let base {
                while i + 8 <= n, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & WordBytes.highs == 0 {
                    i += 8
                }
                if i == n { break }
            }
            let b0 = bytes[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0  // no overlong 3-byte forms
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F  // no surrogates U+D800–U+DFFF
            case 0xF0: length = 4; low = 0x90  // no overlong 4-byte forms
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F  // nothing above U+10FFFF
            default: return i  // continuation byte, C0, C1 or F5–FF as a lead byte
            }
            guard i + length <= n else { return i }
            guard (low...high).contains(bytes[i + 1]) else { return i }
            for k in 2..<length where !(0x80...0xBF).contains(bytes[i + k]) {
                return i
            }
            i += length
        }
        return nil
    }
}
