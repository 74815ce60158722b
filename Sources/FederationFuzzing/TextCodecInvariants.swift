import FederationSecurity

/// The invariants every strict binary-to-text codec must keep, checked on one fuzz input.
///
/// 1. Decoding the input (when it is UTF-8) never crashes, fails only with one of `codes`, and when it succeeds
///    the data re-encodes to exactly the input (after `canonical`, which only hex needs: it accepts uppercase).
///    This is what "strict" means: one text per byte string.
/// 2. Decoding a `Substring` view of the same text gives the same answer as decoding the `String`.
/// 3. Encoding the first `roundTripLimit` input bytes and decoding the text returns those bytes.
struct TextCodecInvariants {
    let name: String
    let codes: Set<ErrorCode>
    let decode: (Substring) throws(FederationError) -> [UInt8]
    let encode: ([UInt8]) -> String
    var canonical: (String) -> String = { $0 }
    var roundTripLimit = Int.max

    func check(_ data: [UInt8]) {
        if let text = String(validating: data, as: UTF8.self) {
            checkDecode(text)
        }
        let prefix = Array(data.prefix(roundTripLimit))
        let encoded = encode(prefix)
        do {
            let decoded = try decode(Substring(encoded))
            precondition(decoded == prefix, "\(name): decode(encode(x)) != x")
        } catch {
            preconditionFailure("\(name): decode(encode(x)) failed with \(error.code)")
        }
    }

    private func checkDecode(_ text: String) {
        let whole = Result { () throws(FederationError) in try decode(Substring(text)) }
        // A substring that does not start at the string's start exercises non-zero index offsets.
        let padded = "#" + text
        let slice = padded[padded.utf8.index(after: padded.startIndex)...]
        let sliced = Result { () throws(FederationError) in try decode(slice) }
        switch (whole, sliced) {
        case (.success(let bytes), .success(let again)):
            precondition(bytes == again, "\(name): String and Substring decode differ")
            precondition(encode(bytes) == canonical(text), "\(name): encode(decode(t)) != t")
        case (.failure(let error), .failure(let again)):
            precondition(error.code == again.code, "\(name): String and Substring errors differ")
            precondition(codes.contains(error.code), "\(name): unexpected error code \(error.code)")
        default:
            preconditionFailure("\(name): String and Substring decode disagree")
        }
    }
}
