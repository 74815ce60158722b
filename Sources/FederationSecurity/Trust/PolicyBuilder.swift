/// Composes policies with AND: all must be met, in declaration order, stopping at the first failure.
///
/// ```swift
/// let policy = AllOfPolicies {
///     PeerTrustPolicy(enforcer: enforcer)
///     CapabilityPolicy(allowed: ["db.query"])
///     if strict { MaxSensitivityPolicy(.pii) }
///     OneOfPolicies { MaxRowsPolicy(100); CapabilityPolicy(allowed: ["db.count"]) }
/// }
/// ```
/// The composed types are generic (no existentials on the evaluation path), as in swift-certificates'
/// `PolicyBuilder`. An empty block is met by every request.
@resultBuilder
public enum PolicyBuilder {
    public static func buildBlock() -> EmptyPolicy { EmptyPolicy() }

    public static func buildPartialBlock<P: FederationPolicy>(first: P) -> P { first }

    public static func buildPartialBlock<A: FederationPolicy, B: FederationPolicy>(accumulated: A, next: B) -> AllOf2<
        A, B
    > {
        AllOf2(first: accumulated, second: next)
    }

    public static func buildOptional<P: FederationPolicy>(_ component: P?) -> OptionalPolicy<P> {
        OptionalPolicy(wrapped: component)
    }

    public static func buildEither<A: FederationPolicy, B: FederationPolicy>(first: A) -> EitherPolicy<A, B> {
        .first(first)
    }

    public static func buildEither<A: FederationPolicy, B: FederationPolicy>(second: B) -> EitherPolicy<A, B> {
        .second(second)
    }
}

/// The policies of a ``PolicyBuilder`` block, evaluated as one (AND).
public struct AllOfPolicies<Body: FederationPolicy>: FederationPolicy {
    public let body: Body

    public init(@PolicyBuilder _ body: () -> Body) {
        self.body = body()
    }

    public var enforcedFields: Set<String> { body.enforcedFields }

    @inlinable public func evaluate(_ request: PolicyRequest) -> PolicyResult { body.evaluate(request) }
}

/// The policy of an empty block: always met, enforces nothing.
public struct EmptyPolicy: FederationPolicy {
    public init() {}

    @inlinable public func evaluate(_ request: PolicyRequest) -> PolicyResult { .meetsPolicy }
}

/// Two policies, both required; the second is not evaluated when the first fails.
public struct AllOf2<A: FederationPolicy, B: FederationPolicy>: FederationPolicy {
    public let first: A
    public let second: B

    public var enforcedFields: Set<String> { first.enforcedFields.union(second.enforcedFields) }

    @inlinable public func evaluate(_ request: PolicyRequest) -> PolicyResult {
        let result = first.evaluate(request)
        guard result.meetsPolicy else { return result }
        return second.evaluate(request)
    }
}

/// An `if` without `else` in a block: when absent, it is met and enforces nothing.
public struct OptionalPolicy<P: FederationPolicy>: FederationPolicy {
    public let wrapped: P?

    public var enforcedFields: Set<String> { wrapped?.enforcedFields ?? [] }

    @inlinable public func evaluate(_ request: PolicyRequest) -> PolicyResult {
        wrapped?.evaluate(request) ?? .meetsPolicy
    }
}

/// An `if`/`else` or `switch` in a block.
public enum EitherPolicy<A: FederationPolicy, B: FederationPolicy>: FederationPolicy {
    case first(A)
    case second(B)

    public var enforcedFields: Set<String> {
        switch self {
        case .first(let a): a.enforcedFields
        case .second(let b): b.enforcedFields
        }
    }

    @inlinable public func evaluate(_ request: PolicyRequest) -> PolicyResult {
        switch self {
        case .first(let a): a.evaluate(request)
        case .second(let b): b.evaluate(request)
        }
    }
}
