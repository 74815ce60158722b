/// The recursive-descent parser behind ``JSONReader``, over input already checked to be well-formed UTF-8.
///
/// Recursion depth is bounded by `limits.maxDepth`.
struct JSONParser {
    let input: UnsafeBufferPointer<UInt8>
    let limits: JSONReader.Limits
    var index = 0

    init(input: UnsafeBufferPointer<UInt8>, limits: JSONReader.Limits) {
        self.input = input
        self.limits = limits
    }

    mutating func parseDocument() throws(FederationError) -> JSONValue {
        skipWhitespace()
        guard index < input.count else { throw FederationError(.jsonEmptyInput, "no value in input") }
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard index == input.count else {
            throw FederationError(.jsonTrailingData, "data after the value at byte \(index)")
        }
        return value
    }

    mutating func parseValue(depth: Int) throws(FederationError) -> JSONValue {
        skipWhitespace()
        guard index < input.count else { throw unexpectedEnd() }
        switch input[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "."),
            UInt8(ascii: "N"), UInt8(ascii: "I"):
            return .number(try parseNumber())
        default:
            throw unexpectedCharacter()
        }
    }

    private mutating func parseObject(depth: Int) throws(FederationError) -> JSONValue {
        try checkDepth(depth)
        index += 1  // {
        var members: [JSONObject.Member] = []
        // Keys compare by UTF-8 bytes (Swift `String ==` would merge canonically equivalent keys): by scanning the
        // earlier keys while the object is small, through a set once it is not, so large objects stay linear.
        var seen = Set<[UInt8]>()
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            index += 1
            return .object(JSONObject())
        }
        while true {
            skipWhitespace()
            guard try peek() == UInt8(ascii: "\"") else { throw unexpectedCharacter() }
            let key = try parseString()
            let repeated: Bool
            if members.count < 16 {
                // Byte for byte, eight at a time (the generic `elementsEqual` walks both views an index at a time).
                repeated = members.contains { UTF8Equality.equal($0.key, key) }
            } else {
                if seen.isEmpty { seen = Set(members.map { Array($0.key.utf8) }) }
                repeated = !seen.insert(Array(key.utf8)).inserted
            }
            guard !repeated else {
                throw FederationError(.jsonDuplicateKey, "key repeated in object (ending at byte \(index))")
            }
            guard members.count < limits.maxMembers else {
                throw FederationError(.jsonTooManyMembers, "object has more than \(limits.maxMembers) members")
            }
            skipWhitespace()
            guard try peek() == UInt8(ascii: ":") else { throw unexpectedCharacter() }
            index += 1
            members.append(JSONObject.Member(key, try parseValue(depth: depth)))
            skipWhitespace()
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(JSONObject(uniqueMembers: members))
            default: throw unexpectedCharacter()
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(FederationError) -> JSONValue {
        try checkDepth(depth)
        index += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            index += 1
            return .array([])
        }
        while true {
            guard elements.count < limits.maxMembers else {
                throw FederationError(.jsonTooManyMembers, "array has more than \(limits.maxMembers) elements")
            }
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements)
            default: throw unexpectedCharacter()
            }
        }
    }

    private func checkDepth(_ depth: Int) throws(FederationError) {
        guard depth <= limits.maxDepth else {
            throw FederationError(.jsonTooDeep, "nesting deeper than \(limits.maxDepth) at byte \(index)")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(FederationError) {
        let bytes = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for expected in bytes {
            guard index < input.count else { throw unexpectedEnd() }
            guard input[index] == expected else { throw unexpectedCharacter() }
            index += 1
        }
    }

    // MARK: - Helpers

    /// The current byte; throws `unexpected_end` at the end of input.
    func peek() throws(FederationError) -> UInt8 {
        guard index < input.count else { throw unexpectedEnd() }
        return input[index]
    }

    /// Skips the four whitespace characters of RFC 8259 §2: space, tab, line feed, carriage return.
    mutating func skipWhitespace() {
        while index < input.count {
            switch input[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    func unexpectedEnd() -> FederationError {
        FederationError(.jsonUnexpectedEnd, "input ends inside a value")
    }

    func unexpectedCharacter() -> FederationError {
        index < input.count
            ? FederationError(
                .jsonUnexpectedCharacter, "unexpected byte 0x\(String(input[index], radix: 16)) at \(index)")
            : unexpectedEnd()
    }
}
