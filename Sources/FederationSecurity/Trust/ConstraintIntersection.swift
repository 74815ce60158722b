/// The intersection of two constraint objects: a call satisfies the result exactly when it satisfies both.
///
/// Inputs must already pass ``TokenConstraints/validate(_:)``. Per member:
/// - `max_rows`: the smaller limit;
/// - `allowed_fields`: the fields both allow (sorted by UTF-8 bytes, duplicates removed);
/// - `args`: rules merged by argument name; for one argument named on both sides, equal rules stay, two
///   `allowed_keys` intersect, the longer of two nested `prefix`es wins, a `pinned` value that satisfies the other
///   rule stays; anything else (two different pins, unrelated prefixes, a prefix and a key list) cannot hold at once.
public enum ConstraintIntersection {
    /// - Throws: `trust.constraint_conflict` when no call could satisfy both.
    public static func intersect(_ a: JSONObject, _ b: JSONObject) throws(FederationError) -> JSONObject {
        var result = a
        for member in b {
            guard let mine = a[member.key] else {
                result.set(member.key, member.value)
                continue
            }
            switch member.key {
            case "max_rows":
                result.set("max_rows", .number(.integer(min(mine.integerValue ?? 0, member.value.integerValue ?? 0))))
            case "allowed_fields":
                let theirs = strings(member.value)
                result.set(
                    "allowed_fields", .array(sorted(strings(mine).filter { theirs.contains($0) }).map { .string($0) }))
            case "args":
                var rules = mine.objectValue ?? JSONObject()
                for rule in member.value.objectValue ?? JSONObject() {
                    if let existing = rules[rule.key] {
                        rules.set(rule.key, try merge(existing, rule.value, argument: rule.key))
                    } else {
                        rules.set(rule.key, rule.value)
                    }
                }
                result.set("args", .object(rules))
            default:
                throw FederationError(.tokenUnknownConstraint, "constraint \(member.key) is not supported")
            }
        }
        return result
    }

    private static func merge(_ x: JSONValue, _ y: JSONValue, argument: String) throws(FederationError) -> JSONValue {
        if x == y { return x }
        guard let (kx, vx) = kind(x), let (ky, vy) = kind(y) else { throw conflict(argument) }
        switch (kx, ky) {
        case ("allowed_keys", "allowed_keys"):
            let theirs = strings(vy)
            return rule("allowed_keys", .array(sorted(strings(vx).filter { theirs.contains($0) }).map { .string($0) }))
        case ("prefix", "prefix"):
            let (px, py) = (vx.stringValue ?? "", vy.stringValue ?? "")
            if px.unicodeScalars.starts(with: py.unicodeScalars) { return x }
            if py.unicodeScalars.starts(with: px.unicodeScalars) { return y }
        case ("pinned", _) where satisfies(vx, y):
            return x
        case (_, "pinned") where satisfies(vy, x):
            return y
        default:
            break
        }
        throw conflict(argument)
    }

    /// Whether the pinned value `value` satisfies the rule `other` (as ``TokenConstraints`` would check it).
    private static func satisfies(_ value: JSONValue, _ other: JSONValue) -> Bool {
        guard let (kind, parameter) = kind(other) else { return false }
        switch kind {
        case "prefix":
            guard let s = value.stringValue, let p = parameter.stringValue else { return false }
            return s.unicodeScalars.starts(with: p.unicodeScalars)
                && !s.split(separator: "/", omittingEmptySubsequences: false).contains("..")
        case "allowed_keys":
            guard let object = value.objectValue else { return false }
            let allowed = strings(parameter)
            return object.keys.allSatisfy { key in allowed.contains { $0.utf8.elementsEqual(key.utf8) } }
        default:
            return false
        }
    }

    private static func kind(_ rule: JSONValue) -> (String, JSONValue)? {
        guard let object = rule.objectValue, object.count == 1, let member = object.members.first else { return nil }
        return (member.key, member.value)
    }

    private static func rule(_ kind: String, _ value: JSONValue) -> JSONValue {
        .object(JSONObject(uniqueMembers: [.init(kind, value)]))
    }

    private static func strings(_ value: JSONValue) -> [String] {
        value.arrayValue?.compactMap(\.stringValue) ?? []
    }

    private static func sorted(_ items: [String]) -> [String] {
        var seen: [String] = []
        for item in items where !seen.contains(where: { $0.utf8.elementsEqual(item.utf8) }) { seen.append(item) }
        return seen.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private static func conflict(_ argument: String) -> FederationError {
        FederationError(.trustConstraintConflict, "args.\(argument.prefix(64)): the two rules cannot both hold")
    }
}
