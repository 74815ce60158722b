extension ErrorCode {
    /// Base58 text is longer than the decoder's limit.
    public static let base58TooLarge = ErrorCode("base58.too_large")
    /// Base58 text contains a byte outside the Bitcoin alphabet (for example `0`, `O`, `I`, `l`, `+`, whitespace).
    public static let base58InvalidCharacter = ErrorCode("base58.invalid_character")
}
