import FederationSecurity

/// Fuzz body for ``JSONReader`` and ``CanonicalJSON``: no input crashes the reader; when it parses, the RFC 8785
/// canonical form parses back to the same value (numbers compared by value: `1.0` canonicalizes to `1`, which reads
/// back as an integer) and canonicalizing that again gives the same bytes.
/// - Parameter data: the fuzz input, raw bytes (invalid UTF-8 included).
public func fuzzJSONReader(_ data: [UInt8]) {
    let reader = JSONReader()
    let value: JSONValue
    do {
        value = try reader.parse(data)
    } catch {
        precondition(error.code.rawValue.hasPrefix("json."), "json: unexpected error code \(error.code)")
        return
    }
    // RFC 8785 prints a double of magnitude ≥ 2^53 without a fraction (1e16 → 10000000000000000), which the I-JSON
    // reader then rejects as an out-of-range integer (Spec/json.md): that is the specs' interplay, not a bug.
    guard !containsHugeDouble(value) else { return }
    do {
        let canonical = try CanonicalJSON.encode(value)
        let reparsed = try reader.parse(canonical)
        precondition(sameValue(value, reparsed), "json: parse(canonical(parse(x))) != parse(x)")
        let again = try CanonicalJSON.encode(reparsed)
        precondition(again == canonical, "json: canonicalization is not idempotent")
    } catch {
        preconditionFailure("json: a parsed value failed to canonicalize or re-parse: \(error.code)")
    }
}

/// JSON equality with numbers compared as numbers, so that `.integer(1)` equals `.double(1.0)`.
private func sameValue(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.number(let a), .number(let b)):
        return numericValue(a) == numericValue(b)
    case (.array(let a), .array(let b)):
        return a.count == b.count && zip(a, b).allSatisfy { sameValue($0, $1) }
    case (.object(let a), .object(let b)):
        return a.count == b.count
            && a.allSatisfy { member in b[member.key].map { sameValue(member.value, $0) } ?? false }
    default:
        return lhs == rhs
    }
}

private func numericValue(_ number: JSONNumber) -> Double {
    switch number {
    case .integer(let i): Double(i)  // exact: the reader keeps integers within ±(2^53 − 1)
    case .double(let d): d
    }
}

private func containsHugeDouble(_ value: JSONValue) -> Bool {
    switch value {
    case .number(.double(let d)): return abs(d) >= 9_007_199_254_740_992
    case .array(let a): return a.contains(where: containsHugeDouble)
    case .object(let o): return o.contains { containsHugeDouble($0.value) }
    default: return false
    }
}
