import FederationSecurity
import Testing

/// Rules of `Spec/json.md`, each from RFC 8259 / RFC 7493; expected values written by hand from those texts.
@Suite struct JSONReaderTests {
    let reader = JSONReader()

    func code(_ text: String, _ reader: JSONReader = JSONReader()) -> String? {
        do {
            _ = try reader.parse(text)
            return nil
        } catch {
            return error.code.rawValue
        }
    }

    func code(bytes: [UInt8]) -> String? {
        do {
            _ = try reader.parse(bytes)
            return nil
        } catch {
            return error.code.rawValue
        }
    }

    @Test func valuesOfEveryKind() throws {
        let value = try reader.parse(#" {"a": [1, -2.5, true, false, null, "x\u00e9\ud83d\ude00\n"], "b": {}} "#)
        let expected = JSONValue.object(
            try JSONObject([
                "a": .array([
                    .number(.integer(1)), .number(.double(-2.5)), .bool(true), .bool(false), .null,
                    .string("xé😀\n"),
                ]),
                "b": .object(JSONObject()),
            ]))
        #expect(value == expected)
        #expect(try reader.parse("[]") == .array([]))
        #expect(try reader.parse("\"\"") == .string(""))
        #expect(try reader.parse("0") == .number(.integer(0)))
        #expect(try reader.parse("-0") == .number(.integer(0)))
        #expect(try reader.parse("-0.0") == .number(.double(-0.0)))
        #expect(try reader.parse("1E2") == .number(.double(100)))
        #expect(try reader.parse("1e-400") == .number(.double(0)))
        #expect(try reader.parse(#""\/\\\"\b\f\r\t""#) == .string("/\\\"\u{8}\u{c}\r\t"))
        #expect(try reader.parse("\"\\u0000\"") == .string("\u{0}"))
    }

    @Test func memberOrderIsKept() throws {
        let object = try reader.parse(#"{"z":1,"a":2,"m":3}"#).objectValue!
        #expect(object.keys == ["z", "a", "m"])
    }

    @Test func integerRangeIsIJSON() throws {
        #expect(try reader.parse("9007199254740991") == .number(.integer(9_007_199_254_740_991)))
        #expect(try reader.parse("-9007199254740991") == .number(.integer(-9_007_199_254_740_991)))
        #expect(code("9007199254740992") == "json.number_out_of_range")
        #expect(code("-9007199254740992") == "json.number_out_of_range")
        #expect(code("123456789012345678901234567890") == "json.number_out_of_range")
        #expect(code("1e400") == "json.number_out_of_range")
        #expect(code("-1e400") == "json.number_out_of_range")
        #expect(try reader.parse("9007199254740992.0") == .number(.double(9_007_199_254_740_992)))
    }

    @Test(arguments: [
        "01", "-01", "+1", ".5", "1.", "1e", "1e+", "-", "--1", "0x10", "NaN", "Infinity", "-Infinity", "1.5x", "1.0e",
        "[01]", "[1.]",
    ])
    func invalidNumbers(text: String) {
        #expect(code(text) == "json.invalid_number", "\(text)")
    }

    @Test(arguments: [
        ("{\"a\":1,\"a\":2}", "json.duplicate_key"),
        ("{\"a\":1,\"\\u0061\":2}", "json.duplicate_key"),
        ("[1] [2]", "json.trailing_data"),
        ("1 2", "json.trailing_data"),
        ("{}x", "json.trailing_data"),
        ("", "json.empty_input"),
        (" \t\r\n", "json.empty_input"),
        ("[1,]", "json.unexpected_character"),
        ("[1 2]", "json.unexpected_character"),
        ("{\"a\" 1}", "json.unexpected_character"),
        ("{'a':1}", "json.unexpected_character"),
        ("{\"a\":1,}", "json.unexpected_character"),
        ("{,}", "json.unexpected_character"),
        ("tru", "json.unexpected_end"),
        ("trux", "json.unexpected_character"),
        ("nul", "json.unexpected_end"),
        ("[1, // c\n 2]", "json.unexpected_character"),
        ("\u{0C}1", "json.unexpected_character"),
        ("[1,\u{A0}2]", "json.unexpected_character"),
        ("[", "json.unexpected_end"),
        ("{\"a\":", "json.unexpected_end"),
        ("\"abc", "json.unexpected_end"),
        ("\"a\\", "json.unexpected_end"),
        ("\"\\x\"", "json.invalid_escape"),
        ("\"\\u12\"", "json.invalid_escape"),
        ("\"\\U0041\"", "json.invalid_escape"),
        ("\"\\u12G4\"", "json.invalid_escape"),
        ("\"\\ud800\"", "json.lone_surrogate"),
        ("\"\\ud800x\"", "json.lone_surrogate"),
        ("\"\\ud800\\u0041\"", "json.lone_surrogate"),
        ("\"\\udc00\"", "json.lone_surrogate"),
        ("\"\\udc00\\ud800\"", "json.lone_surrogate"),
        ("\"a\tb\"", "json.control_character"),
        ("\"a\nb\"", "json.control_character"),
        ("\"\u{1F}\"", "json.control_character"),
    ])
    func rejections(text: String, expected: String) {
        #expect(code(text) == expected, "\(text.debugDescription)")
    }

    @Test func byteLevelRejections() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{}".utf8)
        #expect(code(bytes: bom) == "json.byte_order_mark")
        let invalid: [[UInt8]] = [
            [0x22, 0xC0, 0xAF, 0x22],  // overlong "/"
            [0x22, 0xE0, 0x80, 0xAF, 0x22],  // overlong 3-byte
            [0x22, 0xED, 0xA0, 0x80, 0x22],  // encoded surrogate U+D800
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // above U+10FFFF
            [0x22, 0xE2, 0x82, 0x22],  // truncated
            [0x22, 0x80, 0x22],  // stray continuation
            [0x22, 0xFF, 0x22],
            Array("[1,".utf8) + [0xC3],  // invalid UTF-8 wins over the syntax error
        ]
        for bytes in invalid {
            #expect(code(bytes: bytes) == "json.invalid_utf8", "\(bytes)")
        }
        #expect(code(bytes: [0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22]) == nil)  // U+1F600
        #expect(code(bytes: [0x22, 0xEF, 0xBF, 0xBF, 0x22]) == nil)  // U+FFFF is a scalar
    }

    @Test func depthLimitBoundary() {
        let limited = JSONReader(limits: .init(maxDepth: 3))
        #expect(code("[[[]]]", limited) == nil)
        #expect(code("[[[[]]]]", limited) == "json.too_deep")
        #expect(code("{\"a\":{\"b\":{\"c\":{}}}}", limited) == "json.too_deep")
        #expect(code(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) == nil)
        #expect(code(String(repeating: "[", count: 65) + String(repeating: "]", count: 65)) == "json.too_deep")
        #expect(code(String(repeating: "[", count: 100_000)) == "json.too_deep")  // no stack exhaustion
    }

    @Test func sizeLimitIsCheckedFirst() {
        let limited = JSONReader(limits: .init(maxBytes: 8))
        #expect(code("[1,2,3] ", limited) == nil)  // 8 bytes
        #expect(code("[1,2,3]  ", limited) == "json.too_large")  // 9 bytes
        #expect(code(bytes: [UInt8](repeating: 0xFF, count: (1 << 20) + 1)) == "json.too_large")
        #expect(code(bytes: [0x22] + [UInt8](repeating: 0x61, count: (1 << 20) - 2) + [0x22]) == "json.string_too_long")
    }

    @Test func stringLimitBoundary() {
        let limited = JSONReader(limits: .init(maxStringBytes: 4))
        #expect(code("\"abcd\"", limited) == nil)
        #expect(code("\"abcde\"", limited) == "json.string_too_long")
        #expect(code("\"ab\\u00e9\"", limited) == nil)  // é is 2 bytes: 4 in all
        #expect(code("\"abc\\u00e9\"", limited) == "json.string_too_long")
        #expect(code("{\"abcde\":1}", limited) == "json.string_too_long")
    }

    @Test func memberLimitBoundary() {
        let limited = JSONReader(limits: .init(maxMembers: 3))
        #expect(code("[1,2,3]", limited) == nil)
        #expect(code("[1,2,3,4]", limited) == "json.too_many_members")
        #expect(code("{\"a\":1,\"b\":2,\"c\":3}", limited) == nil)
        #expect(code("{\"a\":1,\"b\":2,\"c\":3,\"d\":4}", limited) == "json.too_many_members")
        let tenThousand = "[" + Array(repeating: "0", count: 10_000).joined(separator: ",") + "]"
        #expect(code(tenThousand) == nil)
        #expect(code("[0," + tenThousand.dropFirst()) == "json.too_many_members")
    }

    @Test func nonContiguousInputParsesTheSame() throws {
        let text = #"{"k":[1,2,{"x":"y"}]}"#
        #expect(try reader.parse(Array(text.utf8).lazy.map { $0 }) == (try reader.parse(text)))
    }
}

@Suite struct JSONScalarEqualityTests {
    /// RFC 8259 §8.3: strings are equal when their code units are; canonical equivalence does not count.
    @Test func canonicallyEquivalentStringsAreDifferentValues() throws {
        let composed = JSONValue.string("\u{e9}")
        let decomposed = JSONValue.string("e\u{301}")
        #expect(composed != decomposed)
        #expect(Set([composed, decomposed]).count == 2)
        let object = try JSONReader().parse(#"{"\u00e9":1,"e\u0301":2}"#).objectValue!
        #expect(object.count == 2)
        #expect(object["\u{e9}"] == .number(.integer(1)) && object["e\u{301}"] == .number(.integer(2)))
    }
}

@Suite struct JSONDuplicateKeyScaleTests {
    func object(_ keys: [String]) -> String {
        "{" + keys.map { "\"\($0)\":0" }.joined(separator: ",") + "}"
    }

    /// Duplicates are found on both sides of the small-object scan / hash-set switch-over (16 members).
    @Test(arguments: [(3, 15), (3, 16), (3, 40), (20, 39), (0, 1)])
    func duplicateFoundAtAnyDistance(first: Int, second: Int) {
        var keys = (0..<50).map { "k\($0)" }
        keys[second] = keys[first]
        #expect(throws: FederationError(.jsonDuplicateKey)) { try JSONReader().parse(object(keys)) }
    }

    @Test func distinctKeysIncludingEquivalentOnesPass() throws {
        var keys = (0..<50).map { "k\($0)" }
        keys[30] = "\\u00e9"
        keys[31] = "e\\u0301"
        #expect(try JSONReader().parse(object(keys)).objectValue?.count == 50)
    }
}
