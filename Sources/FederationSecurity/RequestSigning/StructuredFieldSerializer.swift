/// RFC 8941 §4.1 serialization of the model, for the values a verifier re-serializes on every request (component
/// identifiers and the `@signature-params` inner list). The signer writes its fields with the reference serializer
/// (apple/swift-http-structured-headers); `fuzz-structured-fields` checks that both write the same bytes.
enum StructuredFieldSerializer {
    /// - Returns: `nil` for a value RFC 8941 cannot serialize (a string with a byte outside 0x20–0x7E, an integer of
    ///   more than 15 digits, a bad key or token, an unsupported item).
    static func item(_ item: SFItem, into out: inout [UInt8]) -> Bool {
        bare(item.bare, into: &out) && parameters(item.parameters, into: &out)
    }

    static func innerList(_ items: [SFItem], _ params: [SFParameter], into out: inout [UInt8]) -> Bool {
        out.append(UInt8(ascii: "("))
        for (n, i) in items.enumerated() {
            if n > 0 { out.append(0x20) }
            guard item(i, into: &out) else { return false }
        }
        out.append(UInt8(ascii: ")"))
        return parameters(params, into: &out)
    }

    static func parameters(_ params: [SFParameter], into out: inout [UInt8]) -> Bool {
        for p in params {
            out.append(UInt8(ascii: ";"))
            guard isKey(p.key) else { return false }
            out += p.key.utf8
            if case .boolean(true) = p.value { continue }
            out.append(UInt8(ascii: "="))
            guard bare(p.value, into: &out) else { return false }
        }
        return true
    }

    static func bare(_ value: SFBareItem, into out: inout [UInt8]) -> Bool {
        switch value {
        case .integer(let n):
            guard (-999_999_999_999_999...999_999_999_999_999).contains(n) else { return false }
            out += String(n).utf8
        case .string(let s):
            out.append(UInt8(ascii: "\""))
            for c in s.utf8 {
                guard (0x20...0x7E).contains(c) else { return false }
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") { out.append(UInt8(ascii: "\\")) }
                out.append(c)
            }
            out.append(UInt8(ascii: "\""))
        case .token(let t):
            guard let first = t.utf8.first, first.isASCIILetter || first == UInt8(ascii: "*"),
                t.utf8.allSatisfy({ ComponentIdentifier.isTokenByte($0) || $0 == 0x3A || $0 == 0x2F })
            else { return false }
            out += t.utf8
        case .byteSequence(let b):
            out.append(UInt8(ascii: ":"))
            out += b.utf8
            out.append(UInt8(ascii: ":"))
        case .boolean(let b):
            out += (b ? "?1" : "?0").utf8
        case .unsupported:
            return false
        }
        return true
    }

    static func isKey(_ key: String) -> Bool {
        guard let first = key.utf8.first, (0x61...0x7A).contains(first) || first == UInt8(ascii: "*") else {
            return false
        }
        return key.utf8.allSatisfy {
            (0x61...0x7A).contains($0) || $0.isASCIIDigit || $0 == 0x5F || $0 == 0x2D || $0 == 0x2E || $0 == 0x2A
        }
    }
}
