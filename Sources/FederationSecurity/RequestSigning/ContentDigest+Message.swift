extension ContentDigest {
    /// Checks the `Content-Digest` lines of `message` (combined with `, `, RFC 9110 §5.3) against its body: exactly
    /// ``verify(_:body:)`` on the combined value, with a shortcut for the common shape.
    ///
    /// The shortcut takes one line that is exactly `sha-256=:<44 base64 characters>:` decoding (with ``Base64``'s
    /// strict checks) to 32 bytes, and compares them with the body's SHA-256 without building the dictionary. For
    /// such a value the general path reads the same single member and compares the same bytes, so the verdict
    /// (`request.digest_mismatch` or success) is the same; anything else goes to the general path.
    /// - Throws: as ``verify(_:body:)``.
    static func verify(in message: SignableMessage) throws(FederationError) {
        if let matches = commonShapeMatches(in: message) {
            guard matches else {
                throw FederationError(.requestDigestMismatch, "Content-Digest sha-256 does not match the body")
            }
            return
        }
        try verify(message.lines(named: "content-digest").joined(separator: ", "), body: message.body)
    }

    /// The shortcut's verdict for `message`: whether its one `Content-Digest` line of the common shape matches the
    /// body; `nil` when there is not exactly one line or it does not have that shape.
    static func commonShapeMatches(in message: SignableMessage) -> Bool? {
        // Through a buffer pointer: reading `known` in place copies (and retains) no line.
        return message.fields.withUnsafeBufferPointer { fields in
            var only = -1
            for i in fields.indices where fields[i].known == .contentDigest {
                guard only < 0 else { return nil }
                only = i
            }
            guard only >= 0 else { return nil }
            return commonShapeMatches(fields[only].value, body: message.body)
        }
    }

    /// Whether a `sha-256=:…:` value matches `body`; `nil` when `value` does not have that exact shape.
    static func commonShapeMatches(_ value: String, body: [UInt8]) -> Bool? {
        let prefix = "sha-256=:"
        let textLength = 44  // base64 of 32 bytes
        return TextBytes.withUTF8(value) { bytes -> Bool? in
            guard bytes.count == prefix.utf8.count + textLength + 1, bytes[bytes.count - 1] == UInt8(ascii: ":"),
                UTF8Equality.equal(UnsafeBufferPointer(rebasing: bytes[..<prefix.utf8.count]), prefix)
            else { return nil }
            let text = UnsafeBufferPointer(rebasing: bytes[prefix.utf8.count..<(bytes.count - 1)])
            // Room for the decoded digest and the computed one, on the stack.
            let room = Base64.codec.maxDecodedCount(textLength)
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room + SHA256.byteCount) { buffer -> Bool? in
                let expected = UnsafeMutableBufferPointer(rebasing: buffer[..<room])
                guard (try? Base64.codec.decode(utf8: text, into: expected).get()) == SHA256.byteCount else {
                    return nil
                }
                let actual = UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[room...]))
                body.withUnsafeBytes { SHA256.hash($0, into: actual) }
                return ConstantTime.equals(
                    UnsafeRawBufferPointer(actual),
                    UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: expected[..<SHA256.byteCount])))
            }
        }
    }
}
