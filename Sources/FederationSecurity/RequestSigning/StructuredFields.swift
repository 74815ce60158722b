import RawStructuredFieldValues

/// The RFC 8941 values request signing reads: a small, concrete model that both parsers fill.
///
/// ``StructuredFieldParser`` is the fast path for the common shapes of `Signature-Input`, `Signature` and
/// `Content-Digest`; anything it does not handle (decimals, dates, display strings, duplicate keys, any syntax
/// error) goes to apple/swift-http-structured-headers, the reference parser, whose result is converted here.
/// `fuzz-structured-fields` checks that the two agree on everything the fast path accepts.
enum SFBareItem: Hashable, Sendable {
    case integer(Int64)
    case string(String)
    case token(String)
    /// The base64 text between the colons (not decoded).
    case byteSequence(String)
    case boolean(Bool)
    /// A decimal, date or display string: no field of this profile accepts one.
    case unsupported(String)
}

struct SFParameter: Hashable, Sendable {
    let key: String
    let value: SFBareItem
}

struct SFItem: Hashable, Sendable {
    var bare: SFBareItem
    var parameters: [SFParameter]

    func parameter(_ key: String) -> SFBareItem? {
        parameters.first { $0.key == key }?.value
    }
}

enum SFMember: Hashable, Sendable {
    case item(SFItem)
    case innerList([SFItem], parameters: [SFParameter])
}

struct SFDictionaryMember: Hashable, Sendable {
    let key: String
    let value: SFMember
}

enum StructuredFields {
    /// Parses a dictionary field value: the fast path, else the reference parser.
    /// - Throws: nothing but `StructuredHeaderError` from the reference parser (callers map it to a code).
    static func dictionary(_ bytes: [UInt8]) throws -> [SFDictionaryMember] {
        if let fast = StructuredFieldParser.dictionary(bytes) { return fast }
        return try referenceDictionary(bytes)
    }

    /// Like ``dictionary(_:)``, with the canonical text ranges of inner-list members (none from the reference path).
    static func dictionaryWithCanonicalRanges(_ bytes: [UInt8]) throws -> ([SFDictionaryMember], [Range<Int>?]) {
        if let fast = StructuredFieldParser.dictionaryWithCanonicalRanges(bytes) { return fast }
        let members = try referenceDictionary(bytes)
        return (members, Array(repeating: nil, count: members.count))
    }

    /// Parses a list field value holding one inner list (a serialized `@signature-params` value).
    static func innerList(_ bytes: [UInt8]) throws -> ([SFItem], [SFParameter])? {
        var parser = StructuredFieldValueParser(bytes)
        let list = try parser.parseListFieldValue()
        guard list.count == 1, case .innerList(let inner) = list[0] else { return nil }
        return (inner.bareInnerList.map(item), parameters(inner.rfc9651Parameters))
    }

    /// Parses one item field value (a serialized component identifier).
    static func item(_ bytes: [UInt8]) throws -> SFItem {
        var parser = StructuredFieldValueParser(bytes)
        return item(try parser.parseItemFieldValue())
    }

    /// apple/swift-http-structured-headers' parser, converted.
    static func referenceDictionary(_ bytes: [UInt8]) throws -> [SFDictionaryMember] {
        var parser = StructuredFieldValueParser(bytes)
        return try parser.parseDictionaryFieldValue().map { key, value in
            switch value {
            case .item(let i): SFDictionaryMember(key: key, value: .item(item(i)))
            case .innerList(let list):
                SFDictionaryMember(
                    key: key,
                    value: .innerList(list.bareInnerList.map(item), parameters: parameters(list.rfc9651Parameters)))
            }
        }
    }

    static func item(_ item: Item) -> SFItem {
        SFItem(bare: bare(item.rfc9651BareItem), parameters: parameters(item.rfc9651Parameters))
    }

    static func parameters(_ map: OrderedMap<String, RFC9651BareItem>) -> [SFParameter] {
        map.map { SFParameter(key: $0.0, value: bare($0.1)) }
    }

    static func bare(_ value: RFC9651BareItem) -> SFBareItem {
        switch value {
        case .integer(let n): .integer(n)
        case .string(let s): .string(s)
        case .token(let t): .token(t)
        case .undecodedByteSequence(let b): .byteSequence(b)
        case .bool(let b): .boolean(b)
        case .decimal(let d): .unsupported("decimal \(d)")
        case .date(let d): .unsupported("date \(d)")
        case .displayString(let s): .unsupported("display string \(s)")
        }
    }

    // MARK: - To the reference types, for writing with its serializer

    static func referenceBare(_ value: SFBareItem) -> RFC9651BareItem {
        switch value {
        case .integer(let n): .integer(n)
        case .string(let s): .string(s)
        case .token(let t): .token(t)
        case .byteSequence(let b): .undecodedByteSequence(b)
        case .boolean(let b): .bool(b)
        case .unsupported(let s): .string(s)
        }
    }

    static func referenceParameters(_ parameters: [SFParameter]) -> OrderedMap<String, RFC9651BareItem> {
        var map = OrderedMap<String, RFC9651BareItem>()
        for p in parameters { map[p.key] = referenceBare(p.value) }
        return map
    }

    static func referenceItem(_ item: SFItem) -> Item {
        Item(bareItem: referenceBare(item.bare), parameters: referenceParameters(item.parameters))
    }

    static func referenceInnerList(_ items: [SFItem], _ parameters: [SFParameter]) -> InnerList {
        var list = BareInnerList()
        for i in items { list.append(referenceItem(i)) }
        return InnerList(bareInnerList: list, parameters: referenceParameters(parameters))
    }
}
