import FederationSecurity
import Testing

/// RFC 8785 rules; expected texts are the RFC's own (§3.2.2, §3.2.3, Appendix B) or follow from ECMA-262 §7.1.12.1.
@Suite struct CanonicalJSONTests {
    func canonical(_ text: String) throws -> String {
        try CanonicalJSON.encodeString(try JSONReader().parse(text))
    }

    func number(_ d: Double) throws -> String {
        try CanonicalJSON.encodeString(.number(.double(d)))
    }

    @Test func rfcExampleObject() throws {
        let input = #"""
            {
              "numbers": [333333333.33333329, 1E30, 4.50,
                          2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """#
        let expected =
            #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"#
            + #""string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(try canonical(input) == expected)
    }

    @Test func rfcSortingExample() throws {
        let input =
            #"{"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","#
            + #""\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}"#
        let expected =
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{80}\":\"Control\","
            + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\","
            + "\"\u{FB33}\":\"Hebrew Letter Dalet With Dagesh\"}"
        #expect(try canonical(input) == expected)
    }

    /// RFC 8785 Appendix B: IEEE-754 bit pattern → text.
    @Test(
        arguments: [
            (0x0000_0000_0000_0000, "0"), (0x8000_0000_0000_0000, "0"), (0x0000_0000_0000_0001, "5e-324"),
            (0x8000_0000_0000_0001, "-5e-324"), (0x7FEF_FFFF_FFFF_FFFF, "1.7976931348623157e+308"),
            (0xFFEF_FFFF_FFFF_FFFF, "-1.7976931348623157e+308"), (0x4340_0000_0000_0000, "9007199254740992"),
            (0xC340_0000_0000_0000, "-9007199254740992"), (0x4430_0000_0000_0000, "295147905179352830000"),
            (0x44B5_2D02_C7E1_4AF5, "9.999999999999997e+22"), (0x44B5_2D02_C7E1_4AF6, "1e+23"),
            (0x44B5_2D02_C7E1_4AF7, "1.0000000000000001e+23"), (0x444B_1AE4_D6E2_EF4E, "999999999999999700000"),
            (0x444B_1AE4_D6E2_EF4F, "999999999999999900000"), (0x444B_1AE4_D6E2_EF50, "1e+21"),
            (0x3EB0_C6F7_A0B5_ED8C, "9.999999999999997e-7"), (0x3EB0_C6F7_A0B5_ED8D, "0.000001"),
            (0x41B3_DE43_5555_5553, "333333333.3333332"), (0x41B3_DE43_5555_5554, "333333333.33333325"),
            (0x41B3_DE43_5555_5555, "333333333.3333333"), (0x41B3_DE43_5555_5556, "333333333.3333334"),
            (0x41B3_DE43_5555_5557, "333333333.33333343"), (0xBECB_F647_612F_3696, "-0.0000033333333333333333"),
            (0x4314_3FF3_C1CB_0959, "1424953923781206.2"),
        ] as [(UInt64, String)])
    func appendixBNumbers(bits: UInt64, expected: String) throws {
        #expect(try number(Double(bitPattern: bits)) == expected)
    }

    /// ECMA-262 §7.1.12.1 layout boundaries: plain up to 21 integer digits, `0.000001` down to 1e-6.
    @Test func numberLayoutBoundaries() throws {
        #expect(try number(1.0) == "1")
        #expect(try number(-0.0) == "0")
        #expect(try number(1e20) == "100000000000000000000")
        #expect(try number(1e21) == "1e+21")
        #expect(try number(1.5e21) == "1.5e+21")
        #expect(try number(0.000001) == "0.000001")
        #expect(try number(1e-7) == "1e-7")
        #expect(try number(1.25e-7) == "1.25e-7")
        #expect(try number(123.456) == "123.456")
        #expect(try number(0.1) == "0.1")
    }

    @Test func nonFiniteNumbersAreRejected() {
        for d in [Double.nan, .infinity, -.infinity, .signalingNaN] {
            #expect(throws: FederationError.self) { try number(d) }
            #expect(thrownCode { try number(d) } == ErrorCode.jsonNonFiniteNumber.rawValue)
        }
        let nested = JSONValue.array([.object(JSONObject(uniqueMembers: [.init("x", .number(.double(.nan)))]))])
        #expect(thrownCode { try CanonicalJSON.encode(nested) } == ErrorCode.jsonNonFiniteNumber.rawValue)
    }

    /// RFC 7493 §2.2: beyond ±(2^53 − 1) a double cannot hold the integer, so it has no canonical text.
    @Test func integerRangeBoundary() throws {
        let max: Int64 = (1 << 53) - 1
        #expect(try CanonicalJSON.encodeString(.number(.integer(max))) == "9007199254740991")
        #expect(try CanonicalJSON.encodeString(.number(.integer(-max))) == "-9007199254740991")
        for bad in [max + 1, -max - 1, .max, .min] {
            #expect(thrownCode { try CanonicalJSON.encode(.number(.integer(bad))) } == "json.number_out_of_range")
        }
    }

    /// §3.2.2.2: only `\b \t \n \f \r \" \\` and `\u00xx` for other controls; DEL, U+2028 and astral stay literal.
    @Test func stringEscapes() throws {
        let value = JSONValue.string("\u{0}\u{1}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1F}\"\\/\u{7F}\u{2028}😀é")
        #expect(
            try CanonicalJSON.encodeString(value)
                == "\"\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f\\\"\\\\/\u{7F}\u{2028}😀é\"")
    }

    /// §3.2.3 sorts by UTF-16 code units: U+1F600 (D83D DE00) before U+E000, unlike code-point order.
    @Test func keysSortByUTF16() throws {
        let object = try JSONObject(["\u{E000}": .integer(1), "\u{1F600}": .integer(2), "z": .integer(3)])
        #expect(try CanonicalJSON.encodeString(.object(object)) == "{\"z\":3,\"😀\":2,\"\u{E000}\":1}")
    }

    /// Canonically equivalent keys are different keys and keep their own bytes.
    @Test func equivalentKeysStayDistinct() throws {
        #expect(try canonical(#"{"\u00e9":1,"e\u0301":2}"#) == "{\"e\u{301}\":2,\"\u{E9}\":1}")
        let object = try JSONReader().parse(#"{"\u00e9":1,"e\u0301":2}"#).objectValue
        #expect(object?["\u{E9}"] == .number(.integer(1)))
        #expect(object?["e\u{301}"] == .number(.integer(2)))
    }

    @Test func emptyContainersAndLiterals() throws {
        #expect(try canonical(" [ {} , [ ] , null , true , false ] ") == "[{},[],null,true,false]")
        #expect(try CanonicalJSON.encode(.string("")) == Array("\"\"".utf8))
    }
}

extension JSONValue {
    static func integer(_ i: Int64) -> JSONValue { .number(.integer(i)) }
}

/// The code of the error `body` throws, or nil.
func thrownCode(_ body: () throws -> some Any) -> String? {
    do {
        _ = try body()
        return nil
    } catch {
        return (error as? FederationError)?.code.rawValue ?? "not a FederationError: \(error)"
    }
}
