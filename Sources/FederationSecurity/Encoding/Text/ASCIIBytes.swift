/// ASCII byte classes and case folding, used wherever bytes of a protocol text are checked (DIDs, URIs, tokens).
extension UInt8 {
    // Each range as one unsigned comparison (wrapping subtraction): these run per byte on hot paths.
    var isASCIILetter: Bool { (self | 0x20) &- 0x61 < 26 }
    var isASCIIDigit: Bool { self &- 0x30 < 10 }
    var isASCIILowercaseLetter: Bool { self &- 0x61 < 26 }
    /// An ASCII capital letter in lower case; any other byte unchanged.
    var asciiLowercased: UInt8 { self &- 0x41 < 26 ? self | 0x20 : self }
}
