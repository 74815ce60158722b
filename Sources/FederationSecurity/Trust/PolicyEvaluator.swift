/// Runs a policy, failing closed on request fields it does not claim to enforce.
///
/// The set of enforced fields is computed once, when the evaluator is made; each evaluation first checks that every
/// request field is in it (like swift-certificates rejecting an unhandled critical extension before any policy
/// runs), then evaluates the policy.
public struct PolicyEvaluator<P: FederationPolicy>: Sendable {
    /// The policy.
    public let policy: P
    /// The fields the policy enforces.
    public let enforcedFields: Set<String>

    /// The same names as an array: a request holds few fields and a policy enforces few, so a byte comparison
    /// beats hashing each key.
    @usableFromInline let enforcedNames: [String]

    public init(_ policy: P) {
        self.policy = policy
        self.enforcedFields = policy.enforcedFields
        self.enforcedNames = Array(enforcedFields)
    }

    /// Builds an evaluator from a ``PolicyBuilder`` block (AND).
    public init<Body>(@PolicyBuilder _ body: () -> Body) where P == AllOfPolicies<Body> {
        self.init(AllOfPolicies(body))
    }

    /// Judges a request.
    /// - Returns: a failure of `PolicyEvaluator` when a field is not enforced by any policy, else the policy's result.
    @inlinable public func evaluate(_ request: PolicyRequest) -> PolicyResult {
        for member in request.fields where !isEnforced(member.key) {
            let key = member.key
            return .fails("PolicyEvaluator", "no policy enforces request field '\(key.prefix(64))'")
        }
        return policy.evaluate(request)
    }

    @inlinable func isEnforced(_ key: String) -> Bool {
        enforcedNames.contains { $0.hasSameUTF8(as: key) }
    }

    /// Judges a request, throwing only for a field no policy claims (fail closed); a policy's "no" is returned.
    /// - Throws: `trust.unenforced_field`.
    public func judge(_ request: PolicyRequest) throws(FederationError) -> PolicyResult {
        for member in request.fields where !isEnforced(member.key) {
            throw FederationError(.trustUnenforcedField, "no policy enforces request field '\(member.key.prefix(64))'")
        }
        return policy.evaluate(request)
    }

    /// Judges a request, throwing on any failure.
    /// - Throws: `trust.unenforced_field` for a field no policy claims, `trust.denied` when a policy fails.
    public func require(_ request: PolicyRequest) throws(FederationError) {
        try judge(request).require()
    }
}
