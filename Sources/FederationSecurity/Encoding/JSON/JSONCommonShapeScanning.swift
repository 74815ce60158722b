/// The byte steps shared by the single-pass readers of a common JSON shape (``KernelTokenClaimsCommonShape``,
/// ``UCANPayloadCommonShape``). Each step either consumes the form it names and returns its value, or returns
/// `nil`/`false`; a reader that gets `nil` declines the whole input, so a step never decides a rejection.
protocol JSONCommonShapeScanning {
    var input: UnsafeBufferPointer<UInt8> { get }
    var index: Int { get set }
}

extension JSONCommonShapeScanning {
    /// Consumes `byte` if it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard index < input.count, input[index] == byte else { return false }
        index += 1
        return true
    }

    /// `"xyz":` for a member name `xyz` of three ASCII bytes, packed big-endian into `Name`'s raw value.
    mutating func memberName<Name: RawRepresentable>() -> Name? where Name.RawValue == UInt32 {
        guard input.count - index >= 6, input[index] == UInt8(ascii: "\""), input[index + 4] == UInt8(ascii: "\""),
            input[index + 5] == UInt8(ascii: ":")
        else { return nil }
        let packed = UInt32(input[index + 1]) << 16 | UInt32(input[index + 2]) << 8 | UInt32(input[index + 3])
        guard let name = Name(rawValue: packed) else { return nil }
        index += 6
        return name
    }

    /// A string of printable ASCII (0x20–0x7E) without `"` or `\`: its text is its bytes.
    mutating func string() -> String? {
        guard let range = stringBytes() else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: input[range]), as: UTF8.self)
    }

    /// The bytes of a ``string()`` between its quotes, as offsets into the input (for readers that parse them
    /// without building the string).
    mutating func stringBytes() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        // Eight bytes at a time while none of them needs a look: no `"`, `\\`, control byte, DEL or non-ASCII.
        if let base = UnsafeRawPointer(input.baseAddress) {
            while index + 8 <= input.count,
                !WordBytes.hasStringSpecialByte(base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            {
                index += 8
            }
        }
        while index < input.count {
            let b = input[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                return start..<(index - 1)
            }
            guard b >= 0x20, b < 0x7F, b != UInt8(ascii: "\\") else { return nil }
            index += 1
        }
        return nil
    }

    /// `-?(0|[1-9][0-9]*)` of at most 16 digits and within ±(2^53 − 1); the next byte is checked by the caller,
    /// which accepts only a structural byte (so `1.5`, `1e3` and `01` decline).
    mutating func integer() -> Int64? {
        let negative = take(UInt8(ascii: "-"))
        let start = index
        var value: Int64 = 0
        while index < input.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(input[index]),
            index - start < 16
        {
            value = value * 10 + Int64(input[index] - UInt8(ascii: "0"))
            index += 1
            if value == 0 { break }  // a leading 0 is the whole integer part
        }
        guard index > start, value <= JSONParser.maxExactInteger else { return nil }
        return negative ? -value : value
    }

    /// `{}`.
    mutating func emptyObject() -> Bool {
        guard input.count - index >= 2, input[index] == UInt8(ascii: "{"), input[index + 1] == UInt8(ascii: "}")
        else { return false }
        index += 2
        return true
    }

    /// An object read by the generic ``JSONParser`` itself in place, as a value at `depth` (the object's own depth
    /// is one more), whose bytes are well-formed UTF-8 (the parser trusts its input to be validated).
    mutating func parsedObject(depth: Int, limits: JSONReader.Limits) -> JSONObject? {
        guard index < input.count, input[index] == UInt8(ascii: "{") else { return nil }
        var parser = JSONParser(input: input, limits: limits)
        parser.index = index
        guard case .object(let object)? = try? parser.parseValue(depth: depth),
            UTF8Validation.firstInvalidOffset(in: UnsafeBufferPointer(rebasing: input[index..<parser.index])) == nil
        else { return nil }
        index = parser.index
        return object
    }
}
