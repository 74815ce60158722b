/// Policies read from JSON, for configuration files and the conformance suite (`Spec/trust.md` §Policy expressions).
///
/// An expression is an object with exactly one member:
/// `{"all_of": [e…]}`, `{"one_of": [e…]}`, `{"peer": {"mode": "allowlist", "peers": ["…"]}}`,
/// `{"capabilities": ["…"]}`, `{"max_sensitivity": "PII"}`, `{"max_rows": n}`,
/// `{"time_window": {"not_before": t, "not_after": t}}`. Anything else is rejected (`trust.unknown_policy`): an
/// unknown policy is never skipped. Nesting is bounded by ``maxDepth`` and the total number of nodes by ``maxNodes``.
public enum PolicyExpression {
    /// The deepest nesting of `all_of`/`one_of` accepted.
    public static let maxDepth = 8
    /// The most policy nodes in one expression.
    public static let maxNodes = 256

    /// Reads an expression.
    /// - Throws: `trust.unknown_policy` (unknown, malformed, too deep or too many nodes), `trust.invalid_peer`,
    ///   `trust.unknown_sensitivity`.
    public static func parse(_ value: JSONValue) throws(FederationError) -> any FederationPolicy {
        var nodes = 0
        return try parse(value, depth: 0, nodes: &nodes)
    }

    private static func parse(_ value: JSONValue, depth: Int, nodes: inout Int) throws(FederationError)
        -> any FederationPolicy
    {
        nodes += 1
        guard depth <= maxDepth, nodes <= maxNodes else {
            throw bad("expression deeper than \(maxDepth) or over \(maxNodes) nodes")
        }
        guard let object = value.objectValue, object.count == 1, let member = object.members.first else {
            throw bad("a policy is an object with exactly one member")
        }
        let body = member.value
        switch member.key {
        case "all_of", "one_of":
            guard let items = body.arrayValue else { throw bad("\(member.key) takes an array") }
            var branches: [any FederationPolicy] = []
            for item in items { branches.append(try parse(item, depth: depth + 1, nodes: &nodes)) }
            return member.key == "all_of" ? AnyAllOf(branches) : AnyOneOf(branches)
        case "peer":
            guard let mode = body["mode"]?.stringValue,
                body.objectValue?.keys.allSatisfy({ $0 == "mode" || $0 == "peers" }) == true
            else { throw bad("peer takes {mode, peers}") }
            return PeerTrustPolicy(
                enforcer: try TrustEnforcer(
                    mode: try TrustMode(name: mode), peers: try strings(body["peers"] ?? .array([]))))
        case "capabilities":
            return CapabilityPolicy(allowed: Set(try strings(body)))
        case "max_sensitivity":
            guard let name = body.stringValue else { throw bad("max_sensitivity takes a name") }
            return MaxSensitivityPolicy(try Sensitivity(name: name))
        case "max_rows":
            guard let limit = body.integerValue, limit >= 0 else { throw bad("max_rows takes an integer ≥ 0") }
            return MaxRowsPolicy(limit)
        case "time_window":
            guard let from = body["not_before"]?.integerValue, let to = body["not_after"]?.integerValue,
                body.objectValue?.count == 2
            else { throw bad("time_window takes {not_before, not_after}") }
            return TimeWindowPolicy(notBefore: from, notAfter: to)
        default:
            throw bad("unknown policy '\(member.key.prefix(64))'")
        }
    }

    private static func strings(_ value: JSONValue) throws(FederationError) -> [String] {
        guard let items = value.arrayValue else { throw bad("expected an array of strings") }
        var out: [String] = []
        for item in items {
            guard let s = item.stringValue else { throw bad("expected an array of strings") }
            out.append(s)
        }
        return out
    }

    private static func bad(_ reason: String) -> FederationError {
        FederationError(.trustUnknownPolicy, reason)
    }
}

/// AND over policies chosen at run time (``PolicyExpression``); ``AllOfPolicies`` is the static form.
public struct AnyAllOf: FederationPolicy {
    public let branches: [any FederationPolicy]

    public init(_ branches: [any FederationPolicy]) {
        self.branches = branches
    }

    public var enforcedFields: Set<String> { branches.reduce(into: []) { $0.formUnion($1.enforcedFields) } }

    public func evaluate(_ request: PolicyRequest) -> PolicyResult {
        for branch in branches {
            let result = branch.evaluate(request)
            guard result.meetsPolicy else { return result }
        }
        return .meetsPolicy
    }
}

/// OR over policies chosen at run time; empty is never met, and it enforces the intersection of its branches.
public struct AnyOneOf: FederationPolicy {
    public let branches: [any FederationPolicy]

    public init(_ branches: [any FederationPolicy]) {
        self.branches = branches
    }

    public var enforcedFields: Set<String> {
        guard let first = branches.first else { return [] }
        return branches.dropFirst().reduce(first.enforcedFields) { $0.intersection($1.enforcedFields) }
    }

    public func evaluate(_ request: PolicyRequest) -> PolicyResult {
        var failures: [PolicyFailure] = []
        for branch in branches {
            switch branch.evaluate(request) {
            case .meetsPolicy: return .meetsPolicy
            case .failsToMeetPolicy(let failure): failures.append(failure)
            }
        }
        let failed = failures
        return .fails(
            "OneOfPolicies",
            failed.isEmpty ? "no branch to meet" : "no branch met: " + failed.map(\.reason).joined(separator: "; "))
    }
}
