/// A fast, strict RFC 8941 dictionary parser for the shapes request signing meets: members that are items or inner
/// lists of items, bare items that are integers, strings, tokens, byte sequences or booleans, with parameters.
///
/// It returns `nil` — never a wrong answer — for anything else (decimals, dates, display strings, a duplicate key
/// or parameter, non-ASCII, any syntax error), and the caller then uses the reference parser, which decides. So
/// the fast path only changes speed: `fuzz-structured-fields` checks that whenever it returns a value, the
/// reference parser returns the same one.
struct StructuredFieldParser {
    private let bytes: [UInt8]
    private var i = 0
    /// Whether the member being read is already in RFC 8941 §4.1 serialized form.
    private var canonical = true
    /// Per member: the byte range of an inner list (with its parameters) that is already canonical.
    private var canonicalRanges: [Range<Int>?] = []

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    static func dictionary(_ bytes: [UInt8]) -> [SFDictionaryMember]? {
        var p = StructuredFieldParser(bytes)
        return p.parseDictionary()
    }

    /// The dictionary and, per member, the range of an inner-list member whose text is already its RFC 8941
    /// serialization (so a verifier can use the received bytes as the `@signature-params` value).
    static func dictionaryWithCanonicalRanges(_ bytes: [UInt8]) -> ([SFDictionaryMember], [Range<Int>?])? {
        var p = StructuredFieldParser(bytes)
        guard let members = p.parseDictionary() else { return nil }
        return (members, p.canonicalRanges)
    }

    private var atEnd: Bool { i >= bytes.count }
    private var current: UInt8 { bytes[i] }

    private mutating func skipSpaces() {
        while !atEnd && current == 0x20 { i += 1 }
    }

    private mutating func skipOWS() {
        while !atEnd && (current == 0x20 || current == 0x09) { i += 1 }
    }

    private mutating func parseDictionary() -> [SFDictionaryMember]? {
        skipSpaces()
        var members: [SFDictionaryMember] = []
        while !atEnd {
            guard let key = parseKey(), !members.contains(where: { $0.key == key }) else { return nil }
            let value: SFMember
            if !atEnd && current == UInt8(ascii: "=") {
                i += 1
                canonical = true
                let start = i
                guard let v = parseMemberValue() else { return nil }
                value = v
                if case .innerList = v, canonical {
                    canonicalRanges.append(start..<i)
                } else {
                    canonicalRanges.append(nil)
                }
            } else {
                canonicalRanges.append(nil)
                guard let params = parseParameters() else { return nil }
                value = .item(SFItem(bare: .boolean(true), parameters: params))
            }
            members.append(SFDictionaryMember(key: key, value: value))
            skipOWS()
            if atEnd { return members }
            guard current == UInt8(ascii: ",") else { return nil }
            i += 1
            skipOWS()
            if atEnd { return nil }  // trailing comma
        }
        return members.isEmpty ? nil : members
    }

    private mutating func parseMemberValue() -> SFMember? {
        guard !atEnd else { return nil }
        if current == UInt8(ascii: "(") {
            i += 1
            var items: [SFItem] = []
            items.reserveCapacity(8)
            while true {
                let before = i
                skipSpaces()
                // Canonical: no space after "(" or before ")", exactly one between items.
                let spaces = i - before
                guard !atEnd else { return nil }
                if current == UInt8(ascii: ")") ? spaces != 0 : spaces != (items.isEmpty ? 0 : 1) {
                    canonical = false
                }
                if current == UInt8(ascii: ")") {
                    i += 1
                    guard let params = parseParameters() else { return nil }
                    return .innerList(items, parameters: params)
                }
                guard let item = parseItem() else { return nil }
                items.append(item)
                guard !atEnd, current == 0x20 || current == UInt8(ascii: ")") else { return nil }
            }
        }
        return parseItem().map { .item($0) }
    }

    private mutating func parseItem() -> SFItem? {
        guard let bare = parseBareItem(), let params = parseParameters() else { return nil }
        return SFItem(bare: bare, parameters: params)
    }

    private mutating func parseParameters() -> [SFParameter]? {
        guard !atEnd && current == UInt8(ascii: ";") else { return [] }
        var params: [SFParameter] = []
        params.reserveCapacity(6)
        while !atEnd && current == UInt8(ascii: ";") {
            i += 1
            if !atEnd && current == 0x20 { canonical = false }
            skipSpaces()
            guard let key = parseKey(), !params.contains(where: { $0.key == key }) else { return nil }
            var value = SFBareItem.boolean(true)
            if !atEnd && current == UInt8(ascii: "=") {
                i += 1
                guard let v = parseBareItem() else { return nil }
                if v == .boolean(true) { canonical = false }  // serialized as a bare key
                value = v
            }
            params.append(SFParameter(key: key, value: value))
        }
        return params
    }

    private mutating func parseKey() -> String? {
        guard !atEnd, (0x61...0x7A).contains(current) || current == UInt8(ascii: "*") else { return nil }
        let start = i
        while !atEnd {
            let c = current
            guard (0x61...0x7A).contains(c) || c.isASCIIDigit || c == 0x5F || c == 0x2D || c == 0x2E || c == 0x2A
            else { break }
            i += 1
        }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private mutating func parseBareItem() -> SFBareItem? {
        guard !atEnd else { return nil }
        let c = current
        if c == UInt8(ascii: "-") || c.isASCIIDigit { return parseInteger() }
        if c == UInt8(ascii: "\"") { return parseString() }
        if c == UInt8(ascii: ":") { return parseByteSequence() }
        if c == UInt8(ascii: "?") {
            guard i + 1 < bytes.count, bytes[i + 1] == 0x30 || bytes[i + 1] == 0x31 else { return nil }
            i += 2
            return .boolean(bytes[i - 1] == 0x31)
        }
        if c.isASCIILetter || c == UInt8(ascii: "*") { return parseToken() }
        return nil
    }

    private mutating func parseInteger() -> SFBareItem? {
        var negative = false
        if current == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var value: Int64 = 0
        var digits = 0
        if !atEnd && current == 0x30 && i + 1 < bytes.count && bytes[i + 1].isASCIIDigit { canonical = false }
        while !atEnd && current.isASCIIDigit {
            value = value * 10 + Int64(current - 0x30)
            digits += 1
            i += 1
            if digits > 15 { return nil }
        }
        guard digits > 0, atEnd || current != UInt8(ascii: ".") else { return nil }
        if negative && value == 0 { canonical = false }
        return .integer(negative ? -value : value)
    }

    private mutating func parseString() -> SFBareItem? {
        i += 1
        // Common case: no escape, one slice.
        var j = i
        while j < bytes.count, bytes[j] != UInt8(ascii: "\""), bytes[j] != UInt8(ascii: "\\"),
            (0x20...0x7E).contains(bytes[j])
        {
            j += 1
        }
        if j < bytes.count && bytes[j] == UInt8(ascii: "\"") {
            let text = String(decoding: bytes[i..<j], as: UTF8.self)
            i = j + 1
            return .string(text)
        }
        var out: [UInt8] = []
        while !atEnd {
            let c = current
            i += 1
            if c == UInt8(ascii: "\\") {
                guard !atEnd, current == UInt8(ascii: "\"") || current == UInt8(ascii: "\\") else { return nil }
                out.append(current)
                i += 1
            } else if c == UInt8(ascii: "\"") {
                return .string(String(decoding: out, as: UTF8.self))
            } else {
                guard (0x20...0x7E).contains(c) else { return nil }
                out.append(c)
            }
        }
        return nil
    }

    private mutating func parseByteSequence() -> SFBareItem? {
        i += 1
        let start = i
        while !atEnd && current != UInt8(ascii: ":") {
            let c = current
            guard c.isASCIILetter || c.isASCIIDigit || c == 0x2B || c == 0x2F || c == 0x3D else { return nil }
            i += 1
        }
        guard !atEnd else { return nil }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        i += 1
        return .byteSequence(text)
    }

    private mutating func parseToken() -> SFBareItem? {
        let start = i
        while !atEnd && (ComponentIdentifier.isTokenByte(current) || current == 0x3A || current == 0x2F) { i += 1 }
        return .token(String(decoding: bytes[start..<i], as: UTF8.self))
    }
}
