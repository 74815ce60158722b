extension ErrorCode {
    /// An object has the same key twice (compared after unescaping).
    public static let jsonDuplicateKey = ErrorCode("json.duplicate_key")
    /// The input is larger than the reader's `maxBytes` limit (checked before anything is read).
    public static let jsonTooLarge = ErrorCode("json.too_large")
    /// The input is empty or only whitespace.
    public static let jsonEmptyInput = ErrorCode("json.empty_input")
    /// The input starts with a UTF-8 byte order mark (RFC 8259 §8.1: implementations must not add one).
    public static let jsonByteOrderMark = ErrorCode("json.byte_order_mark")
    /// The input is not well-formed UTF-8 (RFC 8259 §8.1; Unicode Table 3-7).
    public static let jsonInvalidUTF8 = ErrorCode("json.invalid_utf8")
    /// Arrays and objects are nested deeper than `maxDepth`.
    public static let jsonTooDeep = ErrorCode("json.too_deep")
    /// A string or key decodes to more than `maxStringBytes` bytes of UTF-8.
    public static let jsonStringTooLong = ErrorCode("json.string_too_long")
    /// An array or object has more than `maxMembers` elements or members.
    public static let jsonTooManyMembers = ErrorCode("json.too_many_members")
    /// A character that cannot start or continue the value at that position.
    public static let jsonUnexpectedCharacter = ErrorCode("json.unexpected_character")
    /// The input ends inside a value.
    public static let jsonUnexpectedEnd = ErrorCode("json.unexpected_end")
    /// Something other than whitespace follows the value.
    public static let jsonTrailingData = ErrorCode("json.trailing_data")
    /// A backslash escape that RFC 8259 §7 does not define.
    public static let jsonInvalidEscape = ErrorCode("json.invalid_escape")
    /// A `\u` escape of a surrogate that is not part of a high-low pair (RFC 7493 §2.1).
    public static let jsonLoneSurrogate = ErrorCode("json.lone_surrogate")
    /// An unescaped control character (U+0000–U+001F) inside a string (RFC 8259 §7).
    public static let jsonControlCharacter = ErrorCode("json.control_character")
    /// A number that does not match the grammar of RFC 8259 §6 (including `NaN`, `Infinity`, hex, `+1`, `01`).
    public static let jsonInvalidNumber = ErrorCode("json.invalid_number")
    /// An integer beyond ±(2^53 − 1) or a number that overflows a double (RFC 7493 §2.2).
    public static let jsonNumberOutOfRange = ErrorCode("json.number_out_of_range")
}

// MARK: - Writers

extension ErrorCode {
    /// A writer was given NaN or an infinity, which JSON cannot represent (RFC 8259 §6; RFC 8785 §3.2.2.3).
    public static let jsonNonFiniteNumber = ErrorCode("json.non_finite_number")
}
