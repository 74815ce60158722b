/// The constraint evaluator: a small typed language, failing closed on anything it does not know.
///
/// Constraints (`cns`) and what a request (`{"rows"?, "fields"?, "args"?}`) must satisfy:
/// - `max_rows` (integer ≥ 0; weaver-kernel): `rows`, when given, ≤ `max_rows`;
/// - `allowed_fields` (array of strings; weaver-kernel): every entry of `fields`, when given, is allowed;
/// - `args` (object: argument name → one rule): `{"pinned": v}` the argument is present and equals `v`;
///   `{"prefix": "s"}` the argument is a string starting with `s` (by Unicode scalars) with no `..` path segment;
///   `{"allowed_keys": [..]}` the argument is an object whose keys are all listed.
/// Anything else — another member, a malformed value, a rule with zero or two kinds — is `token.unknown_constraint`.
/// A failed check is `token.constraint_violation`.
public enum TokenConstraints {
    /// Checks that every constraint is known and well formed (done for every token, request or not).
    public static func validate(_ constraints: JSONObject) throws(FederationError) {
        try evaluate(constraints, request: nil)
    }

    /// Evaluates `constraints` against `request` (or only validates them when `request` is nil).
    public static func evaluate(_ constraints: JSONObject, request: JSONObject?) throws(FederationError) {
        for member in constraints {
            switch member.key {
            case "max_rows":
                guard let max = member.value.integerValue, max >= 0 else {
                    throw unknown("max_rows must be an integer ≥ 0")
                }
                if let rows = request?["rows"] {
                    guard let n = rows.integerValue, n >= 0, n <= max else {
                        throw violation("rows over max_rows \(max)")
                    }
                }
            case "allowed_fields":
                guard let list = member.value.arrayValue, list.allSatisfy({ $0.stringValue != nil }) else {
                    throw unknown("allowed_fields must be an array of strings")
                }
                if let fields = request?["fields"] {
                    guard let asked = fields.arrayValue, asked.allSatisfy({ list.contains($0) }) else {
                        throw violation("a requested field is not allowed")
                    }
                }
            case "args":
                guard let rules = member.value.objectValue else { throw unknown("args must be an object") }
                for rule in rules {
                    try check(
                        rule.value, argument: request?["args"]?[rule.key], name: rule.key, evaluating: request != nil)
                }
            default:
                throw unknown("constraint \(member.key) is not supported")
            }
        }
    }

    private static func check(_ rule: JSONValue, argument: JSONValue?, name: String, evaluating: Bool)
        throws(FederationError)
    {
        guard let rule = rule.objectValue, rule.count == 1, let kind = rule.members.first else {
            throw unknown("args.\(name) must hold exactly one rule")
        }
        switch kind.key {
        case "pinned":
            if evaluating, argument != kind.value { throw violation("args.\(name) is not the pinned value") }
        case "prefix":
            guard let prefix = kind.value.stringValue else { throw unknown("args.\(name).prefix must be a string") }
            if evaluating {
                guard let value = argument?.stringValue, value.unicodeScalars.starts(with: prefix.unicodeScalars),
                    !value.split(separator: "/", omittingEmptySubsequences: false).contains("..")
                else { throw violation("args.\(name) does not start with the allowed prefix, or climbs with ..") }
            }
        case "allowed_keys":
            guard let keys = kind.value.arrayValue?.compactMap(\.stringValue),
                keys.count == kind.value.arrayValue?.count
            else {
                throw unknown("args.\(name).allowed_keys must be an array of strings")
            }
            if evaluating {
                guard let object = argument?.objectValue,
                    object.keys.allSatisfy({ key in
                        keys.contains { $0.unicodeScalars.elementsEqual(key.unicodeScalars) }
                    })
                else { throw violation("args.\(name) has a key that is not allowed") }
            }
        default:
            throw unknown("args.\(name): rule \(kind.key) is not supported")
        }
    }

    static func unknown(_ reason: String) -> FederationError { FederationError(.tokenUnknownConstraint, reason) }
    static func violation(_ reason: String) -> FederationError { FederationError(.tokenConstraintViolation, reason) }
}
