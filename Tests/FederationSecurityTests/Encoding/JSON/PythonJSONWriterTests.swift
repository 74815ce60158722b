import FederationSecurity
import Testing

/// CPython 3.11 `json.dumps` behaviour. Expected texts were produced by running CPython 3.11.7
/// (`repr(float)`, `json.dumps(...)`) — see also `TestVectors/encoding/json-python.json`.
@Suite struct PythonJSONWriterTests {
    func dumps(_ value: JSONValue, _ options: PythonJSONWriter.Options = .init()) throws -> String {
        try PythonJSONWriter(options: options).encodeString(value)
    }

    /// `repr(float)`: exponent form below 1e-4 and from 1e16; `.0` on integral values; two-digit exponents.
    @Test(
        arguments: [
            (1.0, "1.0"), (-0.0, "-0.0"), (0.0, "0.0"), (100.0, "100.0"), (0.0001, "0.0001"), (1e-05, "1e-05"),
            (1.5e-05, "1.5e-05"), (1e15, "1000000000000000.0"), (1e16, "1e+16"), (1.5e300, "1.5e+300"),
            (1e100, "1e+100"), (5e-324, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
            (0.1, "0.1"), (123.456, "123.456"), (2.5e-5, "2.5e-05"), (9007199254740993.0, "9007199254740992.0"),
            (1234567890123456.7, "1234567890123456.8"), (0.30000000000000004, "0.30000000000000004"),
            (-1e-7, "-1e-07"),
        ] as [(Double, String)])
    func floatRepr(value: Double, expected: String) throws {
        #expect(try dumps(.number(.double(value))) == expected)
    }

    @Test func integersPrintExactly() throws {
        #expect(try dumps(.integer(.max)) == "9223372036854775807")
        #expect(try dumps(.integer(.min)) == "-9223372036854775808")
        #expect(try dumps(.integer(0)) == "0")
    }

    @Test func nonFiniteNumbersAreRejected() {
        for d in [Double.nan, .infinity, -.infinity] {
            #expect(thrownCode { try dumps(.number(.double(d))) } == ErrorCode.jsonNonFiniteNumber.rawValue)
        }
    }

    /// `ensure_ascii=True`: DEL and all non-ASCII escaped, astral as a lowercase surrogate pair.
    @Test func ensureASCII() throws {
        let s = JSONValue.string("a\"\\/\u{0}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}\u{7F}é\u{2028}😀")
        #expect(
            try dumps(s)
                == #""a\"\\/\u0000\b\t\n\f\r\u001f\u007f\u00e9\u2028\ud83d\ude00""#)
        #expect(
            try dumps(s, .init(ensureASCII: false))
                == "\"a\\\"\\\\/\\u0000\\b\\t\\n\\f\\r\\u001f\u{7F}é\u{2028}😀\"")
    }

    /// Insertion order by default; `sort_keys` by code point: U+E000 before U+1F600 (the reverse of UTF-16 order).
    @Test func keyOrder() throws {
        let object = JSONValue.object(
            try JSONObject(["b": .integer(1), "\u{1F600}": .integer(2), "\u{E000}": .integer(3), "a": .integer(4)]))
        #expect(try dumps(object) == #"{"b": 1, "\ud83d\ude00": 2, "\ue000": 3, "a": 4}"#)
        #expect(
            try dumps(object, .init(sortKeys: true)) == #"{"a": 4, "b": 1, "\ue000": 3, "\ud83d\ude00": 2}"#)
    }

    @Test func presets() throws {
        let value = JSONValue.object(
            try JSONObject(["b": .array([.integer(1), .number(.double(2.0))]), "a": .null, "c": .bool(true)]))
        #expect(try dumps(value, .compactSorted) == #"{"a":null,"b":[1,2.0],"c":true}"#)
        #expect(try dumps(value, .defaultSorted) == #"{"a": null, "b": [1, 2.0], "c": true}"#)
        #expect(try dumps(value) == #"{"b": [1, 2.0], "a": null, "c": true}"#)
        #expect(try dumps(.array([]), .compactSorted) == "[]")
        #expect(try dumps(.object(JSONObject())) == "{}")
    }

    @Test func bytesAreUTF8() throws {
        let writer = PythonJSONWriter(options: .init(ensureASCII: false))
        #expect(try writer.encode(.string("é")) == [0x22, 0xC3, 0xA9, 0x22])
    }
}
