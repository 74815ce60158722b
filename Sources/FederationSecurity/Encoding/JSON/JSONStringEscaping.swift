/// How the two writers quote strings.
enum JSONStringEscaping {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The two-character escape of a byte, if JSON has one: `\" \\ \b \t \n \f \r`.
    private static func shortEscape(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        case 0x08: UInt8(ascii: "b")
        case 0x09: UInt8(ascii: "t")
        case 0x0A: UInt8(ascii: "n")
        case 0x0C: UInt8(ascii: "f")
        case 0x0D: UInt8(ascii: "r")
        default: nil
        }
    }

    /// Appends `\u` and four lowercase hex digits.
    private static func appendUnicodeEscape(_ unit: UInt16, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(hexDigits[Int((unit >> UInt16(shift)) & 0xF)])
        }
    }

    /// The minimal quoting of RFC 8785 §3.2.2.2, which is also CPython's `json.dumps(…, ensure_ascii=False)`:
    /// `\" \\ \b \t \n \f \r`, other U+0000–U+001F as `\u00xx` (lowercase hex), everything else as literal UTF-8.
    static func appendMinimal(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            if let escape = shortEscape(byte) {
                out.append(UInt8(ascii: "\\"))
                out.append(escape)
            } else if byte < 0x20 {
                appendUnicodeEscape(UInt16(byte), to: &out)
            } else {
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// CPython's `json.dumps(…, ensure_ascii=True)` (`py_encode_basestring_ascii`): printable ASCII U+0020–U+007E
    /// literal except `"` and `\`; `\" \\ \b \t \n \f \r`; every other code point — other controls, DEL (U+007F) and
    /// all non-ASCII — as `\uxxxx` in lowercase hex, code points above U+FFFF as a UTF-16 surrogate pair.
    static func appendASCII(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings are printable ASCII without `"` or `\`: their UTF-8 is their output, copied at once (a UTF-16
        // walk costs several nanoseconds a character).
        let literal = TextBytes.withUTF8(string) { bytes -> Bool in
            guard bytes.allSatisfy(WordBytes.isStringPlainByte) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if literal {
            out.append(UInt8(ascii: "\""))
            return
        }
        for unit in string.utf16 {
            if unit < 0x80, let escape = shortEscape(UInt8(unit)) {
                out.append(UInt8(ascii: "\\"))
                out.append(escape)
            } else if unit >= 0x20 && unit <= 0x7E {
                out.append(UInt8(unit))
            } else {
                appendUnicodeEscape(unit, to: &out)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
