extension ErrorCode {
    /// Base32 text is longer than the decoder's limit.
    public static let base32TooLarge = ErrorCode("base32.too_large")
    /// Base32 text contains a byte outside the lowercase RFC 4648 §6 alphabet `a–z 2–7` (uppercase included).
    public static let base32InvalidCharacter = ErrorCode("base32.invalid_character")
    /// Base32 text contains `=`: this profile is unpadded.
    public static let base32InvalidPadding = ErrorCode("base32.invalid_padding")
    /// Base32 text length leaves an impossible final group (length mod 8 is 1, 3 or 6).
    public static let base32InvalidLength = ErrorCode("base32.invalid_length")
    /// The unused low bits of the last base32 symbol are not zero (RFC 4648 §3.5).
    public static let base32NonZeroTrailingBits = ErrorCode("base32.non_zero_trailing_bits")
}
