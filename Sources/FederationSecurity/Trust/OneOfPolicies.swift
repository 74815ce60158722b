/// Composes policies with OR: met when any branch is met, tried in declaration order.
///
/// What an OR enforces is only what every branch enforces (the intersection of their ``enforcedFields``): a field
/// one branch checks and another ignores is not enforced by the whole, so the evaluator still rejects it unless
/// another policy claims it. An empty block is never met (swift-certificates' `OneOfPolicies` does the same).
public struct OneOfPolicies<Body: FederationPolicy>: FederationPolicy {
    public let body: Body

    public init(@OneOfPolicyBuilder _ body: () -> Body) {
        self.body = body()
    }

    public var enforcedFields: Set<String> { body.enforcedFields }

    @inlinable public func evaluate(_ request: PolicyRequest) -> PolicyResult { body.evaluate(request) }
}

/// The builder of ``OneOfPolicies``: branches combine with OR.
@resultBuilder
public enum OneOfPolicyBuilder {
    public static func buildBlock() -> NeverMetPolicy { NeverMetPolicy() }

    public static func buildPartialBlock<P: FederationPolicy>(first: P) -> P { first }

    public static func buildPartialBlock<A: FederationPolicy, B: FederationPolicy>(accumulated: A, next: B) -> OneOf2<
        A, B
    > {
        OneOf2(first: accumulated, second: next)
    }

    public static func buildEither<A: FederationPolicy, B: FederationPolicy>(first: A) -> EitherPolicy<A, B> {
        .first(first)
    }

    public static func buildEither<A: FederationPolicy, B: FederationPolicy>(second: B) -> EitherPolicy<A, B> {
        .second(second)
    }
}

/// The policy of an empty OR: never met.
public struct NeverMetPolicy: FederationPolicy {
    public init() {}

    @inlinable public func evaluate(_ request: PolicyRequest) -> PolicyResult {
        .fails("OneOfPolicies", "no branch to meet")
    }
}

/// Either of two policies; the second is tried only when the first fails.
public struct OneOf2<A: FederationPolicy, B: FederationPolicy>: FederationPolicy {
    public let first: A
    public let second: B

    public var enforcedFields: Set<String> { first.enforcedFields.intersection(second.enforcedFields) }

    @inlinable public func evaluate(_ request: PolicyRequest) -> PolicyResult {
        let a = first.evaluate(request)
        guard case .failsToMeetPolicy(let firstFailure) = a else { return a }
        let b = second.evaluate(request)
        guard case .failsToMeetPolicy(let secondFailure) = b else { return b }
        return .fails("OneOfPolicies", "no branch met: \(firstFailure.reason); \(secondFailure.reason)")
    }
}
