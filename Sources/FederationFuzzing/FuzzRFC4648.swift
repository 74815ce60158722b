import FederationSecurity

/// Fuzz body for ``Base64``: strict decode re-encodes to the input; encode then decode returns the data.
/// - Parameter data: the fuzz input, read as text and as data.
public func fuzzBase64(_ data: [UInt8]) {
    TextCodecInvariants(
        name: "base64",
        codes: [
            .base64TooLarge, .base64InvalidCharacter, .base64InvalidPadding, .base64InvalidLength,
            .base64NonZeroTrailingBits,
        ],
        decode: { (text: Substring) throws(FederationError) in try Base64.decode(text) },
        encode: { Base64.encode($0) }
    ).check(data)
}

/// Fuzz body for ``Base64URL``: strict decode re-encodes to the input; encode then decode returns the data.
/// - Parameter data: the fuzz input, read as text and as data.
public func fuzzBase64URL(_ data: [UInt8]) {
    TextCodecInvariants(
        name: "base64url",
        codes: [
            .base64urlTooLarge, .base64urlInvalidCharacter, .base64urlInvalidPadding, .base64urlInvalidLength,
            .base64urlNonZeroTrailingBits,
        ],
        decode: { (text: Substring) throws(FederationError) in try Base64URL.decode(text) },
        encode: { Base64URL.encode($0) }
    ).check(data)
}

/// Fuzz body for ``Base32``: strict decode re-encodes to the input; encode then decode returns the data.
/// - Parameter data: the fuzz input, read as text and as data.
public func fuzzBase32(_ data: [UInt8]) {
    TextCodecInvariants(
        name: "base32",
        codes: [
            .base32TooLarge, .base32InvalidCharacter, .base32InvalidPadding, .base32InvalidLength,
            .base32NonZeroTrailingBits,
        ],
        decode: { (text: Substring) throws(FederationError) in try Base32.decode(text) },
        encode: { Base32.encode($0) }
    ).check(data)
}

/// Fuzz body for ``Hex``: decode re-encodes to the lowercased input; encode then decode returns the data.
/// - Parameter data: the fuzz input, read as text and as data.
public func fuzzHex(_ data: [UInt8]) {
    TextCodecInvariants(
        name: "hex",
        codes: [.hexTooLarge, .hexInvalidCharacter, .hexOddLength],
        decode: { (text: Substring) throws(FederationError) in try Hex.decode(text) },
        encode: { Hex.encode($0) },
        canonical: { $0.lowercased() }
    ).check(data)
}
