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

    private struct Scanner: JSONCommonShapeScanning {
        let input: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func claims() -> KernelTokenClaims? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var seen: UInt8 = 0
            var jti: String?, sub: String?, cap: String?, iat: Int64?, exp: Int64?, nbf: Int64?
            var cns = JSONObject()
            while true {
                // A repeated name declines: the generic reader reports it as `json.duplicate_key`.
                guard let name: Name = memberName(), seen & name.bit == 0 else { return nil }
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

        /// `{}`, a ``flatObject()``, or an object read by the generic parser in place at depth 1 (as inside the
        /// claims object).
        mutating func object() -> JSONObject? {
            if emptyObject() { return JSONObject() }
            guard index < input.count, input[index] == UInt8(ascii: "{") else { return nil }
            if let object = flatObject() { return object }
            return parsedObject(depth: 1, limits: KernelTokenClaims.readerLimits)
        }
    }
}
