extension ErrorCode {
    /// Hex text is longer than the decoder's limit.
    public static let hexTooLarge = ErrorCode("hex.too_large")
    /// Hex text contains a byte other than `0–9 a–f A–F`.
    public static let hexInvalidCharacter = ErrorCode("hex.invalid_character")
    /// Hex text has an odd number of digits.
    public static let hexOddLength = ErrorCode("hex.odd_length")
}
