/// The outcome of one policy: it meets the policy, or it fails with a reason.
///
/// A policy never throws for "no": like swift-certificates' `PolicyEvaluationResult`, failure is a value, and its
/// reason is built only when someone reads it.
public enum PolicyResult: Sendable {
    case meetsPolicy
    case failsToMeetPolicy(PolicyFailure)

    /// A failure of the policy named `policy`, with a reason built lazily.
    public static func fails(_ policy: String, _ reason: @autoclosure @escaping @Sendable () -> String) -> PolicyResult
    {
        .failsToMeetPolicy(PolicyFailure(policy: policy, makeReason: reason))
    }

    /// Whether the request meets the policy.
    public var meetsPolicy: Bool {
        if case .meetsPolicy = self { return true }
        return false
    }

    /// Throws when the policy failed.
    /// - Throws: `trust.denied`, whose reason is the failure's (prefixed with the policy name).
    public func require() throws(FederationError) {
        if case .failsToMeetPolicy(let failure) = self { throw FederationError(.trustDenied, failure.reason) }
    }
}

/// Why a policy failed: the policy's name and a reason that is built on first use.
public struct PolicyFailure: Sendable, CustomStringConvertible {
    /// The name of the policy that failed (for a composition, the innermost one).
    public let policy: String
    private let makeReason: @Sendable () -> String

    init(policy: String, makeReason: @escaping @Sendable () -> String) {
        self.policy = policy
        self.makeReason = makeReason
    }

    /// `<policy>: <reason>`.
    public var reason: String { "\(policy): \(makeReason())" }

    public var description: String { reason }
}
