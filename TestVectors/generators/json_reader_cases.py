"""Cases for TestVectors/encoding/json-reader.json (imported by json_vectors.py).

Valid cases: expected canonical text from rfc8785 over CPython json.loads (cross-checked with Node.js).
Invalid cases: the error code follows from the rules in Spec/json.md (RFC 8259 §2, §6, §7, §8.1; RFC 7493 §2);
CPython json.loads is run on each and the case is flagged `PeerAccepts` when it accepts the input.
"""
import json

NBSP = "\u00a0"

POSITIVES = [
    # (id, text, description)
    ("null", "null", "literal null"),
    ("true", "true", "literal true"),
    ("false", "false", "literal false"),
    ("zero", "0", "integer 0"),
    ("minus-zero-integer", "-0", "-0 is the integer 0"),
    ("minus-zero-double", "-0.0", "-0.0 is the double -0, canonical 0"),
    ("max-safe-integer", "9007199254740991", "2^53-1 is accepted (RFC 7493 §2.2)"),
    ("min-safe-integer", "-9007199254740991", "-(2^53-1) is accepted"),
    ("double-beyond-2-53", "9007199254740993.0", "a double literal beyond 2^53 is rounded, not rejected"),
    ("exponent-forms", "[1e2, 1E2, 1e+2, 1E-2, 0.5e1, -1.5e-3]", "every exponent spelling"),
    ("max-double", "1.7976931348623157e308", "largest finite double"),
    ("min-subnormal", "5e-324", "smallest subnormal"),
    ("underflow-to-zero", "1e-400", "underflow becomes 0 and is accepted"),
    ("negative-underflow", "-1e-400", "negative underflow becomes -0, canonical 0"),
    ("long-fraction", "0.1000000000000000055511151231257827021181583404541015625", "correctly rounded"),
    ("many-digits", "123456789012345678901234567890.0", "a long double literal"),
    ("empty-string", '""', "empty string"),
    ("all-escapes", '"\\" \\\\ \\/ \\b \\f \\n \\r \\t"', "every two-character escape of RFC 8259 §7"),
    ("unicode-escapes-both-cases", '"\\u00e9\\u00E9\\uABCD\\uabcd"', "hex digits of either case"),
    ("escaped-nul", '"a\\u0000b"', "\\u0000 is allowed"),
    ("escaped-controls", '"\\u0001\\u001f\\u007f"', "escaped controls and DEL"),
    ("surrogate-pair-escape", '"\\ud83d\\ude00"', "astral character as a surrogate pair escape"),
    ("surrogate-pair-escape-upper", '"\\uD834\\uDD1E"', "surrogate pair, upper-case hex"),
    ("surrogate-pair-extremes", '"\\uD800\\uDC00\\uDBFF\\uDFFF"', "U+10000 and U+10FFFF"),
    ("literal-utf8", '"é€😀"', "literal 2-, 3- and 4-byte UTF-8"),
    ("literal-del", '"\u007f"', "DEL is not a control character for RFC 8259"),
    ("literal-line-separator", '"\u2028\u2029"', "U+2028 and U+2029 literal"),
    ("noncharacter-escape", '"\\uFFFF\\uFFFE"', "noncharacters are allowed"),
    ("bom-inside-string", '"\\uFEFF"', "U+FEFF inside a string is just a character"),
    ("empty-array", "[]", "empty array"),
    ("empty-object", "{}", "empty object"),
    ("all-kinds", '{"a": [1, -2.5, true, false, null, "x"], "b": {}, "c": [[]]}', "every kind of value"),
    ("empty-key", '{"": 0}', "empty key"),
    ("escaped-key", '{"\\u0061b": 1, "\\n": 2}', "escaped keys"),
    ("case-differs", '{"a": 1, "A": 2}', "keys differ by case"),
    ("canonically-equivalent-keys", '{"\\u00e9": 1, "e\\u0301": 2}',
     "U+00E9 and e+U+0301 are different keys: RFC 8259 §8.3 compares code units, no normalisation"),
    ("whitespace-everywhere", ' \t\n\r{ \t\n\r"a" \t\n\r: \t\n\r[ \t\n\r1 \t\n\r, \t\n\r2 \t\n\r] \t\n\r} \t\n\r',
     "all four whitespace characters between every token"),
    ("scalar-with-whitespace", "\r\n 7 \t", "top-level scalar surrounded by whitespace"),
    ("depth-64-arrays", "[" * 64 + "]" * 64, "64 nested arrays: the depth limit is accepted"),
    ("depth-64-objects", '{"a":' * 63 + "{}" + "}" * 63, "64 nested objects"),
    ("depth-64-mixed", '[{"a":' * 31 + "[{}]" + "}]" * 31, "arrays and objects alternating, depth 64"),
    ("array-10000-elements", "[" + ",".join(["0"] * 10000) + "]", "10 000 elements: the member limit is accepted"),
]

NEGATIVES = [
    # (id, input dict, code, description)
    ("empty", {"text": ""}, "json.empty_input", "no bytes at all"),
    ("whitespace-only", {"text": " \t\r\n "}, "json.empty_input", "only whitespace"),
    ("bom-object", {"hex": "efbbbf7b7d"}, "json.byte_order_mark", "UTF-8 BOM then {} (RFC 8259 §8.1)"),
    ("bom-only", {"hex": "efbbbf"}, "json.byte_order_mark", "a BOM alone: the BOM check runs before the empty check"),
    ("utf8-overlong-2", {"hex": "22c0af22"}, "json.invalid_utf8", "overlong '/' (C0 AF) in a string"),
    ("utf8-overlong-3", {"hex": "22e080af22"}, "json.invalid_utf8", "3-byte overlong"),
    ("utf8-overlong-4", {"hex": "22f080808022"}, "json.invalid_utf8", "4-byte overlong"),
    ("utf8-surrogate", {"hex": "22eda08022"}, "json.invalid_utf8", "encoded surrogate U+D800"),
    ("utf8-above-10ffff", {"hex": "22f490808022"}, "json.invalid_utf8", "U+110000"),
    ("utf8-f5", {"hex": "22f580808022"}, "json.invalid_utf8", "lead byte F5"),
    ("utf8-truncated", {"hex": "22e282"}, "json.invalid_utf8", "truncated 3-byte sequence at end of input"),
    ("utf8-truncated-inside", {"hex": "22e28222"}, "json.invalid_utf8", "truncated sequence inside a string"),
    ("utf8-stray-continuation", {"hex": "2280"}, "json.invalid_utf8", "continuation byte without a lead"),
    ("utf8-ff", {"hex": "5bff5d"}, "json.invalid_utf8", "byte FF outside a string"),
    ("utf8-wins-over-syntax", {"hex": "5b312c5dfe"}, "json.invalid_utf8",
     "[1,] then FE: UTF-8 is validated over the whole input before parsing, so it wins"),
    ("too-deep-arrays", {"text": "[" * 65 + "]" * 65}, "json.too_deep", "65 nested arrays"),
    ("too-deep-objects", {"text": '{"a":' * 64 + "{}" + "}" * 64}, "json.too_deep", "65 nested objects"),
    ("too-deep-mixed", {"text": "[" * 64 + "{}" + "]" * 64}, "json.too_deep", "64 arrays around an object"),
    ("array-10001-elements", {"text": "[" + ",".join(["0"] * 10001) + "]"}, "json.too_many_members",
     "10 001 elements"),
    ("object-10001-members", {"text": "{" + ",".join(f'"{i}":0' for i in range(10001)) + "}"},
     "json.too_many_members", "10 001 members"),
    ("control-tab", {"text": '"a\tb"'}, "json.control_character", "literal tab in a string"),
    ("control-newline", {"text": '"a\nb"'}, "json.control_character", "literal line feed in a string"),
    ("control-nul", {"text": '"a\u0000b"'}, "json.control_character", "literal NUL in a string"),
    ("control-1f", {"text": '"\u001f"'}, "json.control_character", "literal U+001F"),
    ("control-in-key", {"text": '{"a\rb": 1}'}, "json.control_character", "literal CR in a key"),
    ("escape-x", {"text": '"\\x41"'}, "json.invalid_escape", "\\x is not an escape"),
    ("escape-short-u", {"text": '"\\u12"'}, "json.invalid_escape", "\\u with two hex digits"),
    ("escape-capital-u", {"text": '"\\U0041"'}, "json.invalid_escape", "\\U is not an escape"),
    ("escape-non-hex", {"text": '"\\u00G0"'}, "json.invalid_escape", "non-hex digit in \\u"),
    ("escape-single-quote", {"text": '"\\\'"'}, "json.invalid_escape", "\\' is not an escape"),
    ("escape-a", {"text": '"\\a"'}, "json.invalid_escape", "\\a is not an escape"),
    ("escape-zero", {"text": '"\\0"'}, "json.invalid_escape", "\\0 is not an escape"),
    ("escape-in-key", {"text": '{"\\q": 1}'}, "json.invalid_escape", "bad escape in a key"),
    ("lone-high", {"text": '"\\uD800"'}, "json.lone_surrogate", "high surrogate at end of string"),
    ("lone-low", {"text": '"\\uDC00"'}, "json.lone_surrogate", "low surrogate alone"),
    ("high-then-char", {"text": '"\\uD800x"'}, "json.lone_surrogate", "high surrogate then a character"),
    ("high-then-bmp-escape", {"text": '"\\uD800\\u0041"'}, "json.lone_surrogate", "high surrogate then \\u0041"),
    ("high-then-high", {"text": '"\\uDBFF\\uDBFF"'}, "json.lone_surrogate", "two high surrogates"),
    ("high-then-short-escape", {"text": '"\\uD800\\n"'}, "json.lone_surrogate", "high surrogate then \\n"),
    ("low-then-high", {"text": '"\\uDC00\\uD800"'}, "json.lone_surrogate", "reversed pair"),
    ("lone-surrogate-in-key", {"text": '{"\\uDFFF": 1}'}, "json.lone_surrogate", "lone surrogate in a key"),
    ("number-leading-zero", {"text": "01"}, "json.invalid_number", "leading zero"),
    ("number-leading-zero-negative", {"text": "-01"}, "json.invalid_number", "leading zero after minus"),
    ("number-double-zero", {"text": "[00]"}, "json.invalid_number", "00"),
    ("number-plus", {"text": "+1"}, "json.invalid_number", "leading plus"),
    ("number-leading-dot", {"text": ".5"}, "json.invalid_number", "no integer part"),
    ("number-trailing-dot", {"text": "1."}, "json.invalid_number", "no fraction digits"),
    ("number-dot-exponent", {"text": "[1.e5]"}, "json.invalid_number", "no fraction digits before exponent"),
    ("number-bare-exponent", {"text": "1e"}, "json.invalid_number", "exponent without digits"),
    ("number-exponent-sign-only", {"text": "[1e+]"}, "json.invalid_number", "exponent sign without digits"),
    ("number-minus-only", {"text": "-"}, "json.invalid_number", "minus alone"),
    ("number-minus-in-array", {"text": "[-]"}, "json.invalid_number", "minus alone in an array"),
    ("number-hex", {"text": "0x10"}, "json.invalid_number", "hexadecimal"),
    ("number-nan", {"text": "NaN"}, "json.invalid_number", "NaN"),
    ("number-nan-in-array", {"text": "[NaN]"}, "json.invalid_number", "NaN in an array"),
    ("number-infinity", {"text": "Infinity"}, "json.invalid_number", "Infinity"),
    ("number-minus-infinity", {"text": "-Infinity"}, "json.invalid_number", "-Infinity"),
    ("number-letter-suffix", {"text": "[1.5x]"}, "json.invalid_number", "letters run into the number lexeme"),
    ("number-two-points", {"text": "[1.2.3]"}, "json.invalid_number", "two decimal points"),
    ("integer-2-53", {"text": "9007199254740992"}, "json.number_out_of_range", "2^53 (RFC 7493 §2.2)"),
    ("integer-minus-2-53", {"text": "-9007199254740992"}, "json.number_out_of_range", "-2^53"),
    ("integer-2-64", {"text": "[18446744073709551616]"}, "json.number_out_of_range", "2^64"),
    ("integer-huge", {"text": '{"n": 123456789012345678901234567890}'}, "json.number_out_of_range",
     "30-digit integer"),
    ("double-overflow", {"text": "1e400"}, "json.number_out_of_range", "overflows a double"),
    ("double-overflow-negative", {"text": "-1e400"}, "json.number_out_of_range", "overflows to -infinity"),
    ("double-overflow-just", {"text": "[1.8e308]"}, "json.number_out_of_range", "just above the largest double"),
    ("duplicate-key", {"text": '{"a": 1, "a": 2}'}, "json.duplicate_key", "same key twice (RFC 7493 §2.3)"),
    ("duplicate-key-escaped", {"text": '{"a": 1, "\\u0061": 2}'}, "json.duplicate_key", "same key after unescaping"),
    ("duplicate-key-nested", {"text": '{"x": {"k": 1, "k": 1}}'}, "json.duplicate_key", "duplicate in a nested object"),
    ("duplicate-key-not-adjacent", {"text": '{"a": 1, "b": 2, "a": 3}'}, "json.duplicate_key", "not adjacent"),
    ("duplicate-key-astral", {"text": '{"\\ud83d\\ude00": 1, "\U0001F600": 2}'}, "json.duplicate_key",
     "escaped pair and literal UTF-8 of the same astral key"),
    ("trailing-value", {"text": "1 2"}, "json.trailing_data", "two values"),
    ("trailing-object", {"text": "{} {}"}, "json.trailing_data", "two objects"),
    ("trailing-bracket", {"text": "[1]]"}, "json.trailing_data", "extra closing bracket"),
    ("trailing-comma", {"text": "null,"}, "json.trailing_data", "comma after the value"),
    ("trailing-literal", {"text": "true false"}, "json.trailing_data", "two literals"),
    ("trailing-comment", {"text": "[1] // comment"}, "json.trailing_data", "a comment after the value"),
    ("trailing-form-feed", {"text": "{}\f"}, "json.trailing_data", "form feed is not JSON whitespace"),
    ("trailing-nbsp", {"text": "[]" + NBSP}, "json.trailing_data", "NBSP is not JSON whitespace"),
    ("end-open-array", {"text": "["}, "json.unexpected_end", "open array"),
    ("end-open-object", {"text": "{"}, "json.unexpected_end", "open object"),
    ("end-after-comma", {"text": "[1,"}, "json.unexpected_end", "after a comma"),
    ("end-after-element", {"text": "[1.5"}, "json.unexpected_end", "after an element"),
    ("end-after-key", {"text": '{"a"'}, "json.unexpected_end", "after a key"),
    ("end-after-colon", {"text": '{"a":'}, "json.unexpected_end", "after a colon"),
    ("end-after-member", {"text": '{"a": 1'}, "json.unexpected_end", "after a member"),
    ("end-in-string", {"text": '"abc'}, "json.unexpected_end", "unterminated string"),
    ("end-quote-only", {"text": '"'}, "json.unexpected_end", "a lone quote"),
    ("end-nested", {"text": '[{"a": [true'}, "json.unexpected_end", "inside nested containers"),
    ("char-trailing-comma-array", {"text": "[1,]"}, "json.unexpected_character", "trailing comma in an array"),
    ("char-trailing-comma-object", {"text": '{"a": 1,}'}, "json.unexpected_character", "trailing comma in object"),
    ("char-missing-colon", {"text": '{"a" 1}'}, "json.unexpected_character", "missing colon"),
    ("char-double-colon", {"text": '{"a"::1}'}, "json.unexpected_character", "two colons"),
    ("char-single-quotes", {"text": "{'a': 1}"}, "json.unexpected_character", "single-quoted key"),
    ("char-single-quoted-value", {"text": "['a']"}, "json.unexpected_character", "single-quoted string"),
    ("char-missing-comma", {"text": "[1 2]"}, "json.unexpected_character", "missing comma"),
    ("char-missing-comma-object", {"text": '{"a": 1 "b": 2}'}, "json.unexpected_character", "missing comma"),
    ("char-leading-comma", {"text": "[,1]"}, "json.unexpected_character", "leading comma"),
    ("char-empty-member", {"text": "{,}"}, "json.unexpected_character", "comma in an empty object"),
    ("char-number-key", {"text": "{1: 2}"}, "json.unexpected_character", "unquoted key"),
    ("char-bare-key", {"text": "{a: 2}"}, "json.unexpected_character", "identifier key"),
    ("char-comment-start", {"text": "/* c */ 1"}, "json.unexpected_character", "a comment before the value"),
    ("char-comment-inside", {"text": "[1, /* c */ 2]"}, "json.unexpected_character", "a comment inside"),
    ("char-semicolon", {"text": "[1; 2]"}, "json.unexpected_character", "semicolon separator"),
    ("char-form-feed", {"text": "[\f1]"}, "json.unexpected_character", "form feed between tokens"),
    ("char-nbsp", {"text": "[" + NBSP + "1]"}, "json.unexpected_character", "NBSP between tokens"),
    ("char-vertical-tab", {"text": "\u000b[]"}, "json.unexpected_character", "vertical tab before the value"),
    ("char-close-bracket", {"text": "]"}, "json.unexpected_character", "a closing bracket"),
    ("char-close-brace", {"text": "}"}, "json.unexpected_character", "a closing brace"),
    ("char-mismatched", {"text": "[}"}, "json.unexpected_character", "mismatched close"),
    ("char-mismatched-object", {"text": "{]"}, "json.unexpected_character", "mismatched close"),
    ("char-misspelt-true", {"text": "[tru]"}, "json.unexpected_character", "misspelt true"),
    ("char-misspelt-null", {"text": "[nulx]"}, "json.unexpected_character", "misspelt null"),
    ("char-capital-true", {"text": "True"}, "json.unexpected_character", "Python's True"),
    ("char-lowercase-nan", {"text": "[nan]"}, "json.unexpected_character", "lower-case nan"),
    ("char-undefined", {"text": "undefined"}, "json.unexpected_character", "undefined"),
    ("char-colon", {"text": ":"}, "json.unexpected_character", "a colon"),
    ("char-object-as-key", {"text": '{{}: 1}'}, "json.unexpected_character", "an object as key"),
]


def python_accepts(inp):
    try:
        if "hex" in inp:
            json.loads(bytes.fromhex(inp["hex"]))
        else:
            json.loads(inp["text"])
        return True
    except (ValueError, RecursionError):
        return False


def reader_file(cross_check, py, pkg, node, write):
    cases = []
    texts = [t for _, t, _ in POSITIVES]
    outputs = cross_check(texts)
    for (case_id, text, desc), out in zip(POSITIVES, outputs):
        cases.append({"id": case_id, "description": desc, "input": {"text": text},
                      "expected": {"result": "valid", "output": {"canonical": out}}})
    peer_accepts = 0
    for case_id, inp, code, desc in NEGATIVES:
        case = {"id": case_id, "description": desc, "input": inp, "expected": {"result": "invalid", "error": code}}
        if python_accepts(inp):
            peer_accepts += 1
            case["flags"] = ["PeerAccepts"]
            case["description"] = desc + f"; {py} json.loads accepts it"
        cases.append(case)
    write("json-reader.json", "json.reader",
          "The strict reader: what it accepts (with the RFC 8785 text of the value) and every rejection code.",
          f"valid: {pkg} over {py} json.loads, cross-checked with Node.js {node}; invalid: error codes from the "
          f"rules of Spec/json.md (RFC 8259 §2, §6, §7, §8.1; RFC 7493 §2), each negative run through {py} "
          f"json.loads and flagged PeerAccepts where it is accepted", "json.parse", cases)
    print(f"  {peer_accepts} negatives accepted by {py} json.loads")
