/// Standard base64 (RFC 4648 §4), padded, strict.
///
/// Decoding accepts exactly the text that ``encode(_:)`` produces: the `A–Z a–z 0–9 + /` alphabet, a length that is
/// a multiple of 4, `=` only as the one or two characters that complete the last group, and zero unused bits in the
/// last symbol (RFC 4648 §3.5). Whitespace, line breaks and the URL-safe characters `-` `_` are rejected.
public enum Base64 {
    /// The default limit on the text given to ``decode(_:)``: 1 MiB of text (768 KiB of data).
    public static let defaultMaxTextLength = 1 << 20

    static let codec = RFC4648Codec(
        alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
        bitsPerSymbol: 6,
        padded: true,
        errors: RFC4648Errors(
            tooLarge: .base64TooLarge,
            invalidCharacter: .base64InvalidCharacter,
            invalidPadding: .base64InvalidPadding,
            invalidLength: .base64InvalidLength,
            nonZeroTrailingBits: .base64NonZeroTrailingBits
        )
    )

    /// Encodes bytes as padded standard base64.
    /// - Parameter bytes: the data.
    /// - Returns: the base64 text, `=`-padded to a multiple of 4 characters.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        codec.encode(bytes)
    }

    /// Decodes canonical padded base64 with the ``defaultMaxTextLength`` limit.
    /// - Parameter text: the base64 text.
    /// - Returns: the decoded bytes.
    /// - Throws: `base64.too_large`, `base64.invalid_character`, `base64.invalid_length`,
    ///   `base64.invalid_padding` or `base64.non_zero_trailing_bits`, checked in that order.
    public static func decode(_ text: some StringProtocol) throws(FederationError) -> [UInt8] {
        try codec.decode(text, maxTextLength: defaultMaxTextLength)
    }

    /// Decodes canonical padded base64 with an explicit text-length limit.
    /// - Parameters:
    ///   - text: the base64 text.
    ///   - maxTextLength: the largest accepted text length in UTF-8 bytes, checked before anything else.
    /// - Returns: the decoded bytes.
    /// - Throws: as ``decode(_:)``.
    public static func decode(_ text: some StringProtocol, maxTextLength: Int) throws(FederationError) -> [UInt8] {
        try codec.decode(text, maxTextLength: maxTextLength)
    }
}
