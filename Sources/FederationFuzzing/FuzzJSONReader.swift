// Written before the JSON reader landed, against its announced API: `JSONReader(limits:).parse(_:)` and
// `CanonicalJSON.encode(_:)`; `limits: .init()` assumes the limits type has a default initializer. Compiled only with
// -DFEDERATION_JSON_READER. To activate: delete the #if/#endif here and in FuzzTarget.swift, add "json-reader" to
// `subjects` in Fuzz/Package.swift with a Fuzz/Sources/fuzz-json-reader/main.swift, and run Fuzz/make-corpus.
#if FEDERATION_JSON_READER
import FederationSecurity

/// Fuzz body for ``JSONReader`` and ``CanonicalJSON``: no input crashes the reader; when it parses, the RFC 8785
/// canonical form parses back to the same value (numbers compared by value: `1.0` canonicalizes to `1`, which reads
/// back as an integer) and canonicalizing that again gives the same bytes.
/// - Parameter data: the fuzz input, raw bytes (invalid UTF-8 included).
public func fuzzJSONReader(_ data: [UInt8]) {
    let reader = JSONReader(limits: .init())
    let value: JSONValue
    do {
        value = try reader.parse(data)
    } catch {
        precondition(error.code.rawValue.hasPrefix("json."), "json: unexpected error code \(error.code)")
        return
    }
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
        return a.count == b.count && a.allSatisfy { member in b[member.key].map { sameValue(member.value, $0) } ?? false }
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
#endif
