/// A single-pass reader for claims in their common shape, which builds no ``JSONValue`` tree for them.
///
/// It answers only for inputs on which the generic path — ``JSONReader`` with ``KernelTokenClaims/readerLimits``,
/// then ``KernelTokenClaims/init(parsing:)`` — succeeds, with the same claims; for anything else it returns `nil`
/// and the caller runs the generic path. So it never decides a rejection, and the verdicts of the two paths are
/// identical by construction. It answers for: at most `readerLimits.maxBytes` bytes holding one object with no
/// whitespace; member names from the claim set, each at most once; `jti`, `sub`, `cap` as strings of printable
/// ASCII without escapes (`jti` 1–128 bytes); `iat`, `exp`, `nbf` as RFC 8259 integers within ±(2^53 − 1); `cns`
/// as `{}`, as a flat object of such strings and integers (``Scanner/flatObject()``), or as any object read by the
/// generic ``JSONParser`` itself at the same position and depth whose bytes are well-formed UTF-8; and nothing after
/// the object. Every other byte (whitespace, an escape, a non-ASCII byte outside `cns`, a fraction, an exponent, a
/// leading zero, another member) makes it decline.
enum KernelTokenClaimsCommonShape {
    /// The claims of `input`, or `nil` when the generic path must decide.
    static func read(_ input: UnsafeBufferPointer<UInt8>) -> KernelTokenClaims? {
        // The generic reader refuses larger input before reading it (`json.too_large`).
        guard input.count <= KernelTokenClaims.readerLimits.maxBytes else { return nil }
        var scanner = Scanner(input: input)
        return scanner.claims()
    }

    /// The claim names as three ASCII bytes packed big-endian.
    private enum Name: UInt32 {
        case jti = 0x6A_7469, sub = 0x73_7562, cap = 0x63_6170, cns = 0x63_6E73, iat = 0x69_6174, exp = 0x65_7870
        case nbf = 0x6E_6266

        var bit: UInt8 {
            switch self {
            case .jti: 1
            case .sub: 2
            case .cap: 4
            case .cns: 8
            case .iat: 16
            case .exp: 32
            case .nbf: 64
            }
        }
    }

    private struct Scanner {
        let input: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func claims() -> KernelTokenClaims? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var seen: UInt8 = 0
            var jti: String?, sub: String?, cap: String?, iat: Int64?, exp: Int64?, nbf: Int64?
            var cns = JSONObject()
            while true {
                // A repeated name declines: the generic reader reports it as `json.duplicate_key`.
                guard let name = memberName(), seen & name.bit == 0 else { return nil }
                seen |= name.bit
                switch name {
                case .jti:
                    guard let s = string(), (1...128).contains(s.utf8.count) else { return nil }
                    jti = s
                case .sub: guard let s = string() else { return nil }; sub = s
                case .cap: guard let s = string() else { return nil }; cap = s
                case .iat: guard let n = integer() else { return nil }; iat = n
                case .exp: guard let n = integer() else { return nil }; exp = n
                case .nbf: guard let n = integer() else { return nil }; nbf = n
                case .cns: guard let o = object() else { return nil }; cns = o
                }
                if take(UInt8(ascii: ",")) { continue }
                guard take(UInt8(ascii: "}")), index == input.count else { return nil }
                break
            }
            guard let jti, let sub, let cap, let iat, let exp else { return nil }
            return KernelTokenClaims(
                tokenID: jti, principal: sub, capability: cap, constraints: cns, issuedAt: iat, notBefore: nbf,
                expiresAt: exp)
        }

        /// Consumes `byte` if it is next.
        mutating func take(_ byte: UInt8) -> Bool {
            guard index < input.count, input[index] == byte else { return false }
            index += 1
            return true
        }

        /// `"xyz":` for a claim name `xyz`.
        mutating func memberName() -> Name? {
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
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            // Eight bytes at a time while none of them needs a look: no `"`, `\\`, control byte, DEL or non-ASCII.
            if let base = UnsafeRawPointer(input.baseAddress) {
                let (ones, highs) = (WordBytes.ones, WordBytes.highs)
                while index + 8 <= input.count {
                    let x = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let below20 = (x &- 0x20 &* ones) & ~x & highs != 0  // some byte < 0x20 (or ≥ 0x80, also caught)
                    if x & highs != 0 || below20 || WordBytes.contains(x, 0x22) || WordBytes.contains(x, 0x5C)
                        || WordBytes.contains(x, 0x7F)
                    {
                        break
                    }
                    index += 8
                }
            }
            while index < input.count {
                let b = input[index]
                if b == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: UnsafeBufferPointer(rebasing: input[start..<(index - 1)]), as: UTF8.self)
                }
                guard b >= 0x20, b < 0x7F, b != UInt8(ascii: "\\") else { return nil }
                index += 1
            }
            return nil
        }

        /// `-?(0|[1-9][0-9]*)` of at most 16 digits and within ±(2^53 − 1); the next byte is checked by the caller,
        /// which accepts only `,` or `}` (so `1.5`, `1e3` and `01` decline).
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

        /// An object of at most 16 members whose names are distinct strings and whose values are strings or
        /// integers, all in the forms ``string()`` and ``integer()`` read (as `{"max_rows":10}`): the object the
        /// generic parser builds for it, member for member. Otherwise `nil`, with the index where it was.
        mutating func flatObject() -> JSONObject? {
            let start = index
            index += 1  // {
            var members: [JSONObject.Member] = []
            members.reserveCapacity(4)
            while members.count < 16, let key = string(), take(UInt8(ascii: ":")) {
                // Printable ASCII, so comparing the strings compares their bytes, as the generic parser does.
                guard !members.contains(where: { $0.key == key }) else { break }
                let value: JSONValue
                if index < input.count, input[index] == UInt8(ascii: "\"") {
                    guard let s = string() else { break }
                    value = .string(s)
                } else {
                    guard let n = integer() else { break }
                    value = .number(.integer(n))
                }
                members.append(JSONObject.Member(key, value))
                if take(UInt8(ascii: ",")) { continue }
                if take(UInt8(ascii: "}")) { return JSONObject(uniqueMembers: members) }
                break
            }
            index = start
            return nil
        }

        /// `{}`, or an object read by the generic parser in place at depth 1 (as inside the claims object), whose
        /// bytes are well-formed UTF-8 (the parser trusts its input to be validated).
        mutating func object() -> JSONObject? {
            if input.count - index >= 2, input[index] == UInt8(ascii: "{"), input[index + 1] == UInt8(ascii: "}") {
                index += 2
                return JSONObject()
            }
            guard index < input.count, input[index] == UInt8(ascii: "{") else { return nil }
            if let object = flatObject() { return object }
            var parser = JSONParser(input: input, limits: KernelTokenClaims.readerLimits)
            parser.index = index
            guard case .object(let object)? = try? parser.parseValue(depth: 1),
                UTF8Validation.firstInvalidOffset(in: UnsafeBufferPointer(rebasing: input[index..<parser.index])) == nil
            else { return nil }
            index = parser.index
            return object
        }
    }
}
