extension ErrorCode {
    /// Base64 text is longer than the decoder's limit.
    public static let base64TooLarge = ErrorCode("base64.too_large")
    /// Base64 text contains a byte outside the RFC 4648 §4 alphabet (including whitespace and `-` `_`).
    public static let base64InvalidCharacter = ErrorCode("base64.invalid_character")
    /// Base64 padding is not exactly what RFC 4648 §4 requires for the last group.
    public static let base64InvalidPadding = ErrorCode("base64.invalid_padding")
    /// Base64 text length is not a multiple of 4.
    public static let base64InvalidLength = ErrorCode("base64.invalid_length")
    /// The unused low bits of the last base64 symbol are not zero (RFC 4648 §3.5).
    public static let base64NonZeroTrailingBits = ErrorCode("base64.non_zero_trailing_bits")

    /// Base64url text is longer than the decoder's limit.
    public static let base64urlTooLarge = ErrorCode("base64url.too_large")
    /// Base64url text contains a byte outside the RFC 4648 §5 alphabet (including whitespace and `+` `/`).
    public static let base64urlInvalidCharacter = ErrorCode("base64url.invalid_character")
    /// Base64url text contains `=`: padding is not allowed (RFC 7515 §2).
    public static let base64urlInvalidPadding = ErrorCode("base64url.invalid_padding")
    /// Base64url text length leaves an impossible final group (length mod 4 is 1).
    public static let base64urlInvalidLength = ErrorCode("base64url.invalid_length")
    /// The unused low bits of the last base64url symbol are not zero (RFC 4648 §3.5).
    public static let base64urlNonZeroTrailingBits = ErrorCode("base64url.non_zero_trailing_bits")
}
