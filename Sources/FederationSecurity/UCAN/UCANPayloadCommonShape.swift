/// A single-pass reader for UCAN 0.10 payload JSON in its common shape, which reads the payload's members without
/// going through the generic ``JSONReader`` and without building the payload object.
///
/// It answers only for inputs the generic reader (with the token's reader limits) accepts, and with the member values
/// that reader builds (`prf` as the CIDs the proofs check reads from them); for anything else it returns `nil` and
/// the caller runs the strict path. So it never decides a rejection. It answers for: one object without whitespace,
/// of the UCAN 0.10 payload members, each at most once; `ucv`, `iss`, `aud`, `nnc` and each `prf` entry as strings
/// of printable ASCII without escapes; `nbf` as a non-negative RFC 8259 integer up to 2^53 − 1, `exp` the same or
/// `null`; `prf` as an array of such strings, each a canonical UCAN CID (``CID/readCanonicalUCAN(_:)``); `cap` as an
/// object of such keys whose values are objects of such keys whose values are arrays of caveats, each `{}` or an
/// object read by the generic ``JSONParser`` itself at the same position and depth whose bytes are well-formed UTF-8;
/// `fct` as an object read in place the same way; and nothing after the object. Every other byte (whitespace, an
/// escape, a non-ASCII byte outside `fct` and the caveats, a fraction, an exponent, a sign, a leading zero, a
/// repeated or unknown member, a `cap` object or ability object of over 16 members, an array as large as the
/// reader's member limit) makes it decline. The member values are not checked here: ``UCANToken`` runs its strict
/// checks on them.
enum UCANPayloadCommonShape {
    /// A payload read: its members by name (the payload object itself is not built: a token reads it again from its
    /// text if asked, ``UCANToken/payloadObject(of:limits:)``).
    struct Payload {
        let members: UCANToken.PayloadMembers
    }

    /// The payload's members, or `nil` when the strict path must decide.
    static func read(_ input: UnsafeBufferPointer<UInt8>, limits: JSONReader.Limits) -> Payload? {
        // The generic reader refuses larger input before reading it, and any string over `maxStringBytes`: input no
        // longer than that holds no such string. `cap` caveats are objects at depth 5.
        guard input.count <= limits.maxBytes, input.count <= limits.maxStringBytes, limits.maxDepth >= 5 else {
            return nil
        }
        var scanner = Scanner(input: input, limits: limits)
        return scanner.payload()
    }

    /// The payload member names as three ASCII bytes packed big-endian.
    private enum Name: UInt32 {
        case ucv = 0x75_6376, iss = 0x69_7373, aud = 0x61_7564, nbf = 0x6E_6266, exp = 0x65_7870, nnc = 0x6E_6E63
        case fct = 0x66_6374, cap = 0x63_6170, prf = 0x70_7266

        var bit: UInt16 {
            switch self {
            case .ucv: 1
            case .iss: 2
            case .aud: 4
            case .nbf: 8
            case .exp: 16
            case .nnc: 32
            case .fct: 64
            case .cap: 128
            case .prf: 256
            }
        }
    }

    private struct Scanner: JSONCommonShapeScanning {
        let input: UnsafeBufferPointer<UInt8>
        let limits: JSONReader.Limits
        var index = 0

        mutating func payload() -> Payload? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var seen: UInt16 = 0
            var members = UCANToken.PayloadMembers()
            while true {
                // A repeated name declines: the generic reader reports it as `json.duplicate_key`.
                guard let name: Name = memberName(), seen & name.bit == 0 else { return nil }
                seen |= name.bit
                let value: JSONValue
                switch name {
                case .ucv, .iss, .aud, .nnc:
                    guard let s = string() else { return nil }
                    value = .string(s)
                case .nbf:
                    guard let n = nonNegativeInteger() else { return nil }
                    value = .number(.integer(n))
                case .exp:
                    if literalNull() {
                        value = .null
                    } else {
                        guard let n = nonNegativeInteger() else { return nil }
                        value = .number(.integer(n))
                    }
                case .fct:
                    guard let o = objectInPlace(depth: 1) else { return nil }
                    value = .object(o)
                case .cap:
                    guard let o = capabilities() else { return nil }
                    value = .object(o)
                case .prf:
                    // Read straight into CIDs; no JSON value (only the proofs check reads `prf`).
                    guard let cids = canonicalCIDs() else { return nil }
                    members.proofCIDs = cids
                    value = .null
                }
                switch name {
                case .ucv: members.ucv = value
                case .iss: members.iss = value
                case .aud: members.aud = value
                case .nbf: members.nbf = value
                case .exp: members.exp = value
                case .nnc: members.nnc = value
                case .fct: members.fct = value
                case .cap: members.cap = value
                case .prf: break  // `proofCIDs` instead
                }
                if take(UInt8(ascii: ",")) { continue }
                guard take(UInt8(ascii: "}")), index == input.count else { return nil }
                return Payload(members: members)
            }
        }

        /// `null`.
        mutating func literalNull() -> Bool {
            guard input.count - index >= 4, input[index] == UInt8(ascii: "n"), input[index + 1] == UInt8(ascii: "u"),
                input[index + 2] == UInt8(ascii: "l"), input[index + 3] == UInt8(ascii: "l")
            else { return false }
            index += 4
            return true
        }

        /// A non-negative ``integer()`` (a `-` declines, `-0` included).
        mutating func nonNegativeInteger() -> Int64? {
            guard index < input.count, input[index] != UInt8(ascii: "-") else { return nil }
            return integer()
        }

        /// `[]` or `["…",…]` of ``stringBytes()`` that ``CID/readCanonicalUCAN(utf8:)`` reads, fewer than the
        /// reader's member limit: the CIDs, which are those the proofs check gets from the strings (that reader
        /// answers only with the CID ``CID/init(parsing:)`` returns, and only for canonical UCAN CIDs).
        mutating func canonicalCIDs() -> [CID]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var cids: [CID] = []
            if take(UInt8(ascii: "]")) { return cids }
            while cids.count < limits.maxMembers, let range = stringBytes(),
                let cid = CID.readCanonicalUCAN(utf8: UnsafeBufferPointer(rebasing: input[range]))
            {
                cids.append(cid)
                if take(UInt8(ascii: ",")) { continue }
                return take(UInt8(ascii: "]")) ? cids : nil
            }
            return nil
        }

        /// Members of a `cap` object or of one of its ability objects read here; a larger object declines (its
        /// keys are checked for repeats by scanning, as the generic parser does up to this size).
        static let smallObject = 16

        /// `{"resource":{"ability":[caveat,…],…},…}` (depth 2) of at most ``smallObject`` resources and abilities
        /// each, keys ``string()``s distinct in their object. An empty ability object declines (the strict checks
        /// reject it).
        mutating func capabilities() -> JSONObject? {
            guard take(UInt8(ascii: "{")) else { return nil }
            if take(UInt8(ascii: "}")) { return JSONObject() }
            var resources: [JSONObject.Member] = []
            while resources.count < Self.smallObject, let resource = key(unlike: resources),
                take(UInt8(ascii: "{"))
            {
                var abilities: [JSONObject.Member] = []
                while true {
                    guard abilities.count < Self.smallObject, let ability = key(unlike: abilities),
                        let caveats = caveats()
                    else { return nil }
                    abilities.append(JSONObject.Member(ability, .array(caveats)))
                    if take(UInt8(ascii: ",")) { continue }
                    guard take(UInt8(ascii: "}")) else { return nil }
                    break
                }
                resources.append(JSONObject.Member(resource, .object(JSONObject(uniqueMembers: abilities))))
                if take(UInt8(ascii: ",")) { continue }
                return take(UInt8(ascii: "}")) ? JSONObject(uniqueMembers: resources) : nil
            }
            return nil
        }

        /// `"key":` whose key is a ``string()`` not among `members` (compared byte for byte, as the reader does).
        mutating func key(unlike members: [JSONObject.Member]) -> String? {
            guard let key = string(), take(UInt8(ascii: ":")) else { return nil }
            guard !members.contains(where: { UTF8Equality.equal($0.key, key) }) else { return nil }
            return key
        }

        /// `[{}]`, the caveats of most capabilities, as one shared array.
        static let noCaveats: [JSONValue] = [.object(JSONObject())]

        /// `[caveat,…]` (depth 4), each caveat `{}` or an object read in place at depth 5.
        mutating func caveats() -> [JSONValue]? {
            guard take(UInt8(ascii: "[")), !take(UInt8(ascii: "]")) else { return nil }  // `[]`: strict decides
            if input.count - index >= 3, input[index] == UInt8(ascii: "{"), input[index + 1] == UInt8(ascii: "}"),
                input[index + 2] == UInt8(ascii: "]")
            {
                index += 3
                return Self.noCaveats  // what the loop below returns for `{}]`, without a new array
            }
            var elements: [JSONValue] = []
            while elements.count < limits.maxMembers, let caveat = objectInPlace(depth: 4) {
                elements.append(.object(caveat))
                if take(UInt8(ascii: ",")) { continue }
                return take(UInt8(ascii: "]")) ? elements : nil
            }
            return nil
        }

        /// `{}`, or an object read by the generic parser in place as a value at `depth`.
        mutating func objectInPlace(depth: Int) -> JSONObject? {
            emptyObject() ? JSONObject() : parsedObject(depth: depth, limits: limits)
        }
    }
}
