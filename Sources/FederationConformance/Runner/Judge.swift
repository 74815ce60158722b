import FederationSecurity

/// Compares an implementation's response with a case's expectation and says, in one line, why they differ.
enum Judge {
    /// The outcome of one case.
    /// - Parameter codes: whether an `invalid` answer without a code fails a case that expects one (see
    ///   ``ConformanceImplementation/reportsErrorCodes``).
    static func judge(_ c: VectorCase, _ response: OperationResponse, codes: Bool = true) -> CaseOutcome {
        if c.flags.contains("Acceptable") { return .skipped("acceptable either way (Wycheproof)") }
        let valid: Bool
        let error: String?
        let output: JSONObject?
        switch response {
        case .unsupported: return .skipped("\(c.operation) unsupported")
        case .invalidInput(let reason): return .error("input does not fit \(c.operation): \(reason)")
        case .implementationError(let reason): return .error(reason)
        case .result(let v, let e, let o): (valid, error, output) = (v, e, o)
        }
        if error == ErrorCode.conformanceInvalidInput.rawValue { return .error("input does not fit \(c.operation)") }
        let expected = c.expected
        if expected.outputMustDiffer {
            guard valid, let output, let wrong = expected.output else {
                return .failed("expected an output, got invalid (\(error ?? "no code"))")
            }
            return output == wrong ? .failed("output equals \(brief(wrong)), which must not verify") : .passed
        }
        guard valid == expected.valid else {
            return .failed(
                expected.valid
                    ? "expected valid, got invalid (\(error ?? "no code"))"
                    : "expected invalid (\(expected.error ?? "any code")), got valid")
        }
        // Without codes, an answer that names none is judged by its verdict; one that names a code is held to it.
        if !valid, let code = expected.error, code != error, codes || error != nil {
            return .failed("expected error \(code), got \(error ?? "no code")")
        }
        if let wanted = expected.output {
            guard let output else { return .failed("expected output \(brief(wanted)), got no output") }
            if let difference = difference(wanted, output) { return .failed(difference) }
        }
        return .passed
    }

    /// The first member (in the expected order) whose value differs, or `nil` when the objects are equal.
    static func difference(_ wanted: JSONObject, _ got: JSONObject) -> String? {
        guard wanted != got else { return nil }
        for member in wanted {
            guard let value = got[member.key] else {
                return "output.\(member.key): expected \(brief(member.value)), got no such member"
            }
            if value != member.value {
                if case .string(let w) = member.value, case .string(let g) = value {
                    return "output.\(member.key): " + contrast(w, g, quoted: true)
                }
                return "output.\(member.key): " + contrast(brief(member.value), brief(value), quoted: false)
            }
        }
        let extra = got.keys.filter { wanted[$0] == nil }
        return "output has unexpected member(s) \(extra.joined(separator: ", "))"
    }

    /// "expected X, got Y", cut around the first differing character when the values are long. Positions count
    /// characters of the value (without the quotes of a string).
    static func contrast(_ wanted: String, _ got: String, quoted: Bool) -> String {
        let q = quoted ? "\"" : ""
        let w = Array(wanted)
        let g = Array(got)
        guard w.count > 64 || g.count > 64 else { return "expected \(q)\(wanted)\(q), got \(q)\(got)\(q)" }
        let first = (0..<min(w.count, g.count)).first(where: { w[$0] != g[$0] }) ?? min(w.count, g.count)
        func window(_ s: [Character]) -> String {
            let start = max(0, first - 16)
            let end = min(s.count, first + 32)
            return q + (start > 0 ? "…" : "") + String(s[start..<end]) + (end < s.count ? "…" : "") + q
        }
        return "differs at character \(first): expected \(window(w)) (\(w.count) chars), "
            + "got \(window(g)) (\(g.count) chars)"
    }

    /// A short rendering of an object for messages.
    static func brief(_ object: JSONObject) -> String {
        let text = "{" + object.members.map { "\($0.key): \(brief($0.value))" }.joined(separator: ", ") + "}"
        return text.count > 160 ? String(text.prefix(160)) + "…" : text
    }

    /// A short rendering of a value for messages; strings are quoted so that "" and absence differ.
    static func brief(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return "\"\(s)\""
        case .number(.integer(let i)): return String(i)
        case .number(.double(let d)): return String(d)
        case .bool(let b): return String(b)
        case .null: return "null"
        case .array, .object: return (try? CanonicalJSON.encodeString(value)) ?? "(unprintable)"
        }
    }
}
