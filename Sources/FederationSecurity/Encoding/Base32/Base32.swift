/// Base32 (RFC 4648 §6) in lowercase without padding, as multibase prefix `b` and CIDv1 strings use it, strict.
///
/// Decoding accepts exactly the text that ``encode(_:)`` produces: the lowercase alphabet `a–z 2–7`, no `=`, a
/// length whose remainder mod 8 is 0, 2, 4, 5 or 7, and zero unused bits in the last symbol (RFC 4648 §3.5).
/// Uppercase letters are rejected: multibase gives uppercase base32 its own prefix (`B`), which is not supported.
public enum Base32 {
    /// The default limit on the text given to ``decode(_:)``: 1 MiB of text (640 KiB of data).
    public static let defaultMaxTextLength = 1 << 20

    static let codec = RFC4648Codec(
        alphabet: "abcdefghijklmnopqrstuvwxyz234567",
        bitsPerSymbol: 5,
        padded: false,
        errors: RFC4648Errors(
            tooLarge: .base32TooLarge,
            invalidCharacter: .base32InvalidCharacter,
            invalidPadding: .base32InvalidPadding,
            invalidLength: .base32InvalidLength,
            nonZeroTrailingBits: .base32NonZeroTrailingBits
        )
    )

    /// Encodes bytes as lowercase unpadded base32.
    /// - Parameter bytes: the data.
    /// - Returns: the base32 text, without `=`.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        codec.encode(bytes)
    }

    /// Decodes canonical lowercase unpadded base32 with the ``defaultMaxTextLength`` limit.
    /// - Parameter text: the base32 text.
    /// - Returns: the decoded bytes.
    /// - Throws: `base32.too_large`, `base32.invalid_character`, `base32.invalid_padding`,
    ///   `base32.invalid_length` or `base32.non_zero_trailing_bits`, checked in that order.
    public static func decode(_ text: some StringProtocol) throws(FederationError) -> [UInt8] {
        try codec.decode(text, maxTextLength: defaultMaxTextLength)
    }

    /// Decodes canonical lowercase unpadded base32 with an explicit text-length limit.
    /// - Parameters:
    ///   - text: the base32 text.
    ///   - maxTextLength: the largest accepted text length in UTF-8 bytes, checked before anything else.
    /// - Returns: the decoded bytes.
    /// - Throws: as ``decode(_:)``.
    public static func decode(_ text: some StringProtocol, maxTextLength: Int) throws(FederationError) -> [UInt8] {
        try codec.decode(text, maxTextLength: maxTextLength)
    }
}
