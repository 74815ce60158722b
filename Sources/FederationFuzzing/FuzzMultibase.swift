import FederationSecurity

/// Fuzz body for ``Multibase``: a decoded string re-encodes to itself with the encoding its prefix names,
/// `decode(_:expecting:)` agrees with `decode(_:)`, and data encoded with each encoding decodes back.
/// - Parameter data: the fuzz input, read as text and as data.
public func fuzzMultibase(_ data: [UInt8]) {
    if let text = String(validating: data, as: UTF8.self) {
        checkDecode(text)
    }
    let prefix = Array(data.prefix(128))  // base58 is quadratic; fuzz-base58 covers longer data
    for encoding in Multibase.Encoding.allCases {
        let text = Multibase.encode(prefix, as: encoding)
        do {
            let (named, bytes) = try Multibase.decode(text)
            precondition(named == encoding && bytes == prefix, "multibase: decode(encode(x)) != x")
        } catch {
            preconditionFailure("multibase: decode(encode(x)) failed with \(error.code)")
        }
    }
}

private func checkDecode(_ text: String) {
    let allowedCodes: Set<ErrorCode> = [
        .multibaseEmptyInput, .multibaseUnsupportedPrefix,
        .base58TooLarge, .base58InvalidCharacter,
        .base32TooLarge, .base32InvalidCharacter, .base32InvalidPadding, .base32InvalidLength,
        .base32NonZeroTrailingBits,
        .base64urlTooLarge, .base64urlInvalidCharacter, .base64urlInvalidPadding, .base64urlInvalidLength,
        .base64urlNonZeroTrailingBits,
    ]
    do {
        let (encoding, bytes) = try Multibase.decode(text)
        precondition(Multibase.encode(bytes, as: encoding) == text, "multibase: encode(decode(t)) != t")
        for other in Multibase.Encoding.allCases {
            let result = Result { () throws(FederationError) in try Multibase.decode(text, expecting: other) }
            switch result {
            case .success(let again):
                precondition(other == encoding && again == bytes, "multibase: decode(expecting:) disagrees")
            case .failure(let error):
                precondition(
                    other != encoding && error.code == .multibaseUnexpectedEncoding,
                    "multibase: decode(expecting:) failed with \(error.code)")
            }
        }
    } catch {
        precondition(allowedCodes.contains(error.code), "multibase: unexpected error code \(error.code)")
    }
}
