extension ErrorCode {
    /// The input ended before the varint's last byte (a byte with the high bit clear); empty input included.
    public static let varintTruncated = ErrorCode("varint.truncated")
    /// The varint would need more than 9 bytes: the ninth byte has its continuation bit set.
    public static let varintTooLong = ErrorCode("varint.too_long")
    /// The varint is not minimally encoded: its last byte is 0x00 and it has more than one byte.
    public static let varintNotMinimal = ErrorCode("varint.not_minimal")
}
