/// URL-safe base64 (RFC 4648 §5) without padding, as JWS and JWT use it (RFC 7515 §2), strict.
///
/// Decoding accepts exactly the text that ``encode(_:)`` produces: the `A–Z a–z 0–9 - _` alphabet, no `=` at all,
/// a length whose remainder mod 4 is not 1, and zero unused bits in the last symbol (RFC 4648 §3.5). Whitespace
/// and the standard characters `+` `/` are rejected.
public enum Base64URL {
    /// The default limit on the text given to ``decode(_:)``: 1 MiB of text (768 KiB of data).
    public static let defaultMaxTextLength = 1 << 20

    static let codec = RFC4648Codec(
        alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
        bitsPerSymbol: 6,
        padded: false,
        errors: RFC4648Errors(
            tooLarge: .base64urlTooLarge,
            invalidCharacter: .base64urlInvalidCharacter,
            invalidPadding: .base64urlInvalidPadding,
            invalidLength: .base64urlInvalidLength,
            nonZeroTrailingBits: .base64urlNonZeroTrailingBits
        )
    )

    /// Encodes bytes as unpadded base64url.
    /// - Parameter bytes: the data.
    /// - Returns: the base64url text, without `=`.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        codec.encode(bytes)
    }

    /// Decodes canonical unpadded base64url with the ``defaultMaxTextLength`` limit.
    /// - Parameter text: the base64url text.
    /// - Returns: the decoded bytes.
    /// - Throws: `base64url.too_large`, `base64url.invalid_character`, `base64url.invalid_padding`,
    ///   `base64url.invalid_length` or `base64url.non_zero_trailing_bits`, checked in that order.
    public static func decode(_ text: some StringProtocol) throws(FederationError) -> [UInt8] {
        try codec.decode(text, maxTextLength: defaultMaxTextLength)
    }

    /// Decodes canonical unpadded base64url with an explicit text-length limit.
    /// - Parameters:
    ///   - text: the base64url text.
    ///   - maxTextLength: the largest accepted text length in UTF-8 bytes, checked before anything else.
    /// - Returns: the decoded bytes.
    /// - Throws: as ``decode(_:)``.
    public static func decode(_ text: some StringProtocol, maxTextLength: Int) throws(FederationError) -> [UInt8] {
        try codec.decode(text, maxTextLength: maxTextLength)
    }
}
