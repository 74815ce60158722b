/// Multibase strings (multiformats multibase): one prefix character naming the encoding, then the encoded data.
///
/// Only three encodings are supported, each through this package's strict codec: `z` ``Base58BTC``, `b` ``Base32``
/// (lowercase, unpadded) and `u` ``Base64URL`` (unpadded). Every other prefix, including the uppercase and padded
/// variants (`Z`, `B`, `U`, `M`), is rejected. A prefix with nothing after it is the empty byte string, and
/// ``encode(_:as:)`` of no bytes returns the prefix alone. The payload after the prefix is held to the codec's own
/// default limit (1 KiB for base58btc, 1 MiB for the others), which is checked before it is decoded.
public enum Multibase {
    /// A supported multibase encoding; its raw value is the multibase table's name.
    public enum Encoding: String, Sendable, CaseIterable {
        case base58btc
        case base32
        case base64url

        /// The prefix character, from the multibase table.
        public var prefix: Character {
            switch self {
            case .base58btc: "z"
            case .base32: "b"
            case .base64url: "u"
            }
        }

        init?(prefix byte: UInt8) {
            switch byte {
            case UInt8(ascii: "z"): self = .base58btc
            case UInt8(ascii: "b"): self = .base32
            case UInt8(ascii: "u"): self = .base64url
            default: return nil
            }
        }
    }

    /// Encodes bytes with a prefix naming the encoding.
    /// - Parameters:
    ///   - bytes: the data.
    ///   - encoding: the encoding to use.
    /// - Returns: the prefix character followed by the encoded data.
    public static func encode(_ bytes: some Collection<UInt8>, as encoding: Encoding) -> String {
        let payload: String
        switch encoding {
        case .base58btc: payload = Base58BTC.encode(bytes)
        case .base32: payload = Base32.encode(bytes)
        case .base64url: payload = Base64URL.encode(bytes)
        }
        return String(encoding.prefix) + payload
    }

    /// Decodes a multibase string whose encoding is one of the supported three.
    /// - Parameter text: the multibase string.
    /// - Returns: the encoding named by the prefix and the decoded bytes.
    /// - Throws: `multibase.empty_input`, `multibase.unsupported_prefix`, or the codec's own error
    ///   (`base58.*`, `base32.*`, `base64url.*`) for the payload.
    public static func decode(_ text: some StringProtocol) throws(FederationError) -> (
        encoding: Encoding, bytes: [UInt8]
    ) {
        guard let first = text.utf8.first else {
            throw FederationError(.multibaseEmptyInput, "no prefix character")
        }
        guard let encoding = Encoding(prefix: first) else {
            throw FederationError(.multibaseUnsupportedPrefix, "prefix byte 0x\(Hex.byte(first))")
        }
        // Slice after the prefix byte, not after the first Character: `dropFirst()` would also drop a combining
        // mark that follows the prefix and so accept text that does not re-encode to itself.
        let payload = text[text.utf8.index(after: text.utf8.startIndex)...]
        switch encoding {
        case .base58btc: return (encoding, try Base58BTC.decode(payload))
        case .base32: return (encoding, try Base32.decode(payload))
        case .base64url: return (encoding, try Base64URL.decode(payload))
        }
    }

    /// Decodes a multibase string that must use one given encoding.
    /// - Parameters:
    ///   - text: the multibase string.
    ///   - expected: the only encoding accepted.
    /// - Returns: the decoded bytes.
    /// - Throws: as ``decode(_:)``, and `multibase.unexpected_encoding` when the prefix names another supported
    ///   encoding (checked before the payload is decoded).
    public static func decode(_ text: some StringProtocol, expecting expected: Encoding) throws(FederationError)
        -> [UInt8]
    {
        guard let first = text.utf8.first else {
            throw FederationError(.multibaseEmptyInput, "no prefix character")
        }
        guard let encoding = Encoding(prefix: first) else {
            throw FederationError(.multibaseUnsupportedPrefix, "prefix byte 0x\(Hex.byte(first))")
        }
        guard encoding == expected else {
            throw FederationError(
                .multibaseUnexpectedEncoding, "expected \(expected.rawValue), got \(encoding.rawValue)")
        }
        return try decode(text).bytes
    }
}
