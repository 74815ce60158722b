import FederationSecurity

/// The ucan-wg conformance fixtures for UCAN 0.10.0, read natively: a JSON array of
/// `{name, task, inputs, outputs | assertions, errors?}` (`TestVectors/external/ucan/README.md`).
///
/// - `build` → `ucan.build`: the 64-byte `issuer_base64_key` is seed ‖ public key; the token must match `outputs.token`.
/// - `toCID` → `ucan.cid`: must match `outputs.cid`.
/// - `verify` → `ucan.verify` with the fixture's proofs: valid, and `header`, `payload`, `signature` must equal
///   the assertions.
/// - `refute` → `ucan.verify`: invalid with the code the fixture's error names (``errorCode(_:_:)``).
///
/// The fixtures give no evaluation time; every case runs at ``now`` (2023-08-16, the fixtures' commit date), which
/// lies inside every bound the valid fixtures set and outside those the `expired`/`notReady` ones set. Caveats
/// follow the generator's `email` capability: `templates` in `email/send` narrows as a subset.
enum UCANWGFixtures {
    static let now: Int64 = 1_692_144_000
    static let narrowing: JSONObject = JSONObject(uniqueMembers: [.init("email/send", .array([.string("templates")]))])

    static func recognises(_ array: [JSONValue]) -> Bool {
        !array.isEmpty && array.allSatisfy { $0["task"]?.stringValue != nil && $0["inputs"]?.objectValue != nil }
    }

    static func suites(_ array: [JSONValue], name: String) throws(FederationError) -> [VectorFile] {
        var cases: [VectorCase] = []
        var ids = Set<String>()
        var operation = "ucan.verify"
        for item in array {
            guard let title = item["name"]?.stringValue, let task = item["task"]?.stringValue,
                let inputs = item["inputs"]?.objectValue
            else { throw bad("every fixture needs name, task and inputs") }
            let id = slug(title)
            guard ids.insert(id).inserted else { throw bad("two fixtures are both named '\(title)'") }
            let c: VectorCase
            switch task {
            case "build": c = try build(id, inputs, item["outputs"])
            case "toCID":
                guard let token = inputs["token"]?.stringValue, let hasher = inputs["hasher"]?.stringValue,
                    let cid = item["outputs"]?["cid"]?.stringValue
                else { throw bad("\(id): toCID needs inputs.token, inputs.hasher, outputs.cid") }
                c = VectorCase(
                    id: id, operation: "ucan.cid", input: output(["token": token, "hasher": hasher]),
                    expected: .init(valid: true, output: output(["cid": cid])), description: title)
            case "verify", "refute":
                guard let token = inputs["token"]?.stringValue, let proofs = inputs["proofs"]?.objectValue else {
                    throw bad("\(id): \(task) needs inputs.token and inputs.proofs")
                }
                let input = JSONObject(uniqueMembers: [
                    .init("token", .string(token)), .init("proofs", .object(proofs)),
                    .init("narrowing_lists", .object(narrowing)),
                ])
                let expected: VectorCase.Expected
                if task == "verify" {
                    guard let assertions = item["assertions"]?.objectValue else { throw bad("\(id): no assertions") }
                    expected = .init(valid: true, output: assertions)
                } else {
                    expected = .init(valid: false, error: try errorCode(id, item))
                }
                c = VectorCase(
                    id: id, operation: "ucan.verify", input: input, expected: expected, now: now, description: title)
            default:
                throw bad("\(id): task \(task) is not one of build, toCID, verify, refute")
            }
            operation = c.operation
            cases.append(c)
        }
        return [
            VectorFile(
                suite: "ucan-wg.\(name)", source: "ucan-wg/conformance-tests 0.10.0 fixtures", operation: operation,
                cases: cases)
        ]
    }

    static func build(_ id: String, _ inputs: JSONObject, _ outputs: JSONValue?) throws(FederationError) -> VectorCase {
        guard inputs["signature_scheme"]?.stringValue == "Ed25519", let key = inputs["issuer_base64_key"]?.stringValue,
            let bytes = try? Base64.decode(key), bytes.count == 64, let token = outputs?["token"]?.stringValue,
            let audience = inputs["audience"], let expiration = inputs["expiration"],
            let capabilities = inputs["capabilities"], let version = inputs["version"]
        else { throw bad("\(id): build needs an Ed25519 64-byte key, audience, expiration, capabilities, version") }
        var input = JSONObject(uniqueMembers: [
            .init("seed", .string(Hex.encode(bytes.prefix(32)))), .init("audience", audience),
            .init("expiration", expiration), .init("capabilities", capabilities), .init("version", version),
        ])
        if let nbf = inputs["not_before"] { input.set("not_before", nbf) }
        if let facts = inputs["facts"] { input.set("facts", facts) }
        return VectorCase(
            id: id, operation: "ucan.build", input: input,
            expected: .init(valid: true, output: output(["token": token])))
    }

    /// The code for a refute fixture's one error. `invalidDelegation` covers two rules; the fixture's `assertions`
    /// leave out the field at fault, which tells them apart: without `iss`, principal alignment
    /// (`ucan.principal_misaligned`); without `cap`, attenuation (`ucan.capability_escalation`).
    static func errorCode(_ id: String, _ item: JSONValue) throws(FederationError) -> String {
        guard let errors = item["errors"]?.arrayValue, errors.count == 1, let error = errors[0].stringValue else {
            throw bad("\(id): a refute fixture names exactly one error")
        }
        switch error {
        case "expired": return "ucan.expired"
        case "notReady": return "ucan.not_yet_valid"
        case "timeBoundsViolation": return "ucan.time_bounds_violation"
        case "missingField": return "ucan.missing_field"
        case "incorrectType": return "ucan.incorrect_type"
        case "incorrectProofs": return "ucan.invalid_proof"
        case "invalidDelegation":
            let payload = item["assertions"]?["payload"]?.objectValue
            if payload?["iss"] == nil { return "ucan.principal_misaligned" }
            if payload?["cap"] == nil { return "ucan.capability_escalation" }
            throw bad("\(id): invalidDelegation whose assertions keep both iss and cap")
        default: throw bad("\(id): unknown error name \(error)")
        }
    }

    /// `"UCAN has expired"` → `ucan-has-expired`.
    static func slug(_ title: String) -> String {
        let words = title.lowercased().split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
        return words.joined(separator: "-")
    }

    static func bad(_ reason: String) -> FederationError {
        FederationError(.conformanceInvalidVectorFile, "ucan-wg fixtures: \(reason)")
    }
}
