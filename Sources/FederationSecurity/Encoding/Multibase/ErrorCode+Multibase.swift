extension ErrorCode {
    /// Multibase text is empty: there is no prefix character.
    public static let multibaseEmptyInput = ErrorCode("multibase.empty_input")
    /// The multibase prefix is not one of `z` (base58btc), `b` (base32), `u` (base64url).
    public static let multibaseUnsupportedPrefix = ErrorCode("multibase.unsupported_prefix")
    /// The multibase prefix is supported but is not the encoding the caller required.
    public static let multibaseUnexpectedEncoding = ErrorCode("multibase.unexpected_encoding")
}
