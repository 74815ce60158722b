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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
        if lines.last == "" { lines.removeLast() }
        guard lines.count >= 3, lines.first == "-----BEGIN \(label)-----", lines.last == "-----END \(label)-----" else {
            throw FederationError(.keyInvalidPEM, "expected one '\(label)' block")
        }
        let body = lines.dropFirst().dropLast()
        guard body.dropLast().allSatisfy({ $0.count == 64 }), let last = body.last, (1...64).contains(last.count) else {
            throw FederationError(.keyInvalidPEM, "base64 lines must be 64 characters (the last 1 to 64)")
        }
        do {
            return try Base64.decode(body.joined())
        } catch {
            throw FederationError(.keyInvalidPEM, "body is not strict base64 (\(error.code))")
        }
    }
}
