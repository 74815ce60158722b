extension JSONParser {
    /// The largest integer the reader keeps exactly: 2^53 − 1 (RFC 7493 §2.2).
    static let maxExactInteger: Int64 = (1 << 53) - 1

    /// Parses a number. The lexeme is the longest run of bytes that could belong to a number or a number-like word
    /// (`NaN`, `Infinity`, `0x1f`), so such words are reported as `invalid_number` rather than as trailing data.
    mutating func parseNumber() throws(FederationError) -> JSONNumber {
        let start = index
        while index < input.count, Self.isNumberLexemeByte(input[index]) { index += 1 }
        let lexeme = UnsafeBufferPointer(rebasing: input[start..<index])
        guard let shape = Self.grammarShape(lexeme) else {
            throw FederationError(.jsonInvalidNumber, "not a JSON number at byte \(start)")
        }
        if shape == .integer {
            return .integer(try Self.exactInteger(lexeme, at: start))
        }
        // The lexeme matches the RFC 8259 grammar, which Double's parser accepts; it rounds correctly.
        guard let value = Double(String(decoding: lexeme, as: UTF8.self)), value.isFinite else {
            throw FederationError(.jsonNumberOutOfRange, "number at byte \(start) overflows a double")
        }
        return .double(value)
    }

    private enum Shape { case integer, fractional }

    private static func isNumberLexemeByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    /// RFC 8259 §6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, or `nil` when the lexeme does not match.
    private static func grammarShape(_ s: UnsafeBufferPointer<UInt8>) -> Shape? {
        var i = 0
        let n = s.count
        func digits() -> Int {
            let from = i
            while i < n, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(s[i]) { i += 1 }
            return i - from
        }
        if i < n, s[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n else { return nil }
        if s[i] == UInt8(ascii: "0") {
            i += 1
        } else if digits() == 0 {
            return nil
        }
        var shape = Shape.integer
        if i < n, s[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return nil }
            shape = .fractional
        }
        if i < n, s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return nil }
            shape = .fractional
        }
        return i == n ? shape : nil
    }

    /// The value of a grammatical integer lexeme, which must lie within ±(2^53 − 1). `-0` is 0.
    private static func exactInteger(_ s: UnsafeBufferPointer<UInt8>, at offset: Int) throws(FederationError) -> Int64 {
        let negative = s.first == UInt8(ascii: "-")
        let digits = negative ? UnsafeBufferPointer(rebasing: s.dropFirst()) : s
        // Built only when thrown: interpolating the reason for every integer read costs more than reading it.
        func outOfRange() -> FederationError {
            FederationError(.jsonNumberOutOfRange, "integer at byte \(offset) beyond ±(2^53 − 1)")
        }
        guard digits.count <= 16 else { throw outOfRange() }  // 2^53 − 1 has 16 digits
        var value: Int64 = 0
        for d in digits { value = value * 10 + Int64(d - UInt8(ascii: "0")) }
        guard value <= maxExactInteger else { throw outOfRange() }
        return negative ? -value : value
    }
}
