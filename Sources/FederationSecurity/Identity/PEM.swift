/// Strict PEM armour (RFC 7468 §3 "strict" textual encoding): one block, the given label, base64 lines of at most
/// 64 characters, no headers, nothing before or after except a final line break.
enum PEM {
    /// Text larger than this is refused before it is read.
    static let maxTextLength = 16 * 1024

    static func encode(_ der: [UInt8], label: String) -> String {
        let body = Base64.encode(der)
        var lines: [Substring] = []
        var rest = Substring(body)
        while !rest.isEmpty {
            lines.append(rest.prefix(64))
            rest = rest.dropFirst(64)
        }
        return "-----BEGIN \(label)-----\n" + lines.joined(separator: "\n") + "\n-----END \(label)-----\n"
    }

    /// The DER bytes of a PEM block labelled `label`.
    /// - Throws: `key.too_large`, `key.invalid_pem`.
    static func decode(_ text: String, label: String) throws(FederationError) -> [UInt8] {
        guard text.utf8.count <= maxTextLength else {
            throw FederationError(.keyTooLarge, "PEM text over \(maxTextLength) bytes")
        }
        // Lines by bytes: `String.split` on "\n" walks graphemes, and "\r\n" is one grapheme, so CRLF text (allowed
        // by RFC 7468 §2) never split; and the label is compared by bytes, not `String ==` (canonical equivalence:
        // "\u{212A}" is "K" to it).
        var lines = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).map {
            $0.last == 0x0D ? $0.dropLast() : $0
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard lines.count >= 3, let first = lines.first, let end = lines.last,
            first.elementsEqual("-----BEGIN \(label)-----".utf8), end.elementsEqual("-----END \(label)-----".utf8)
        else {
            throw FederationError(.keyInvalidPEM, "expected one '\(label)' block")
        }
        let body = lines.dropFirst().dropLast()
        guard body.dropLast().allSatisfy({ $0.count == 64 }), let last = body.last, (1...64).contains(last.count) else {
            throw FederationError(.keyInvalidPEM, "base64 lines must be 64 characters (the last 1 to 64)")
        }
        do {
            return try Base64.decode(String(decoding: body.joined(), as: UTF8.self))
        } catch {
            throw FederationError(.keyInvalidPEM, "body is not strict base64 (\(error.code))")
        }
    }
}
