/// A rule that judges a ``PolicyRequest``. Policies only judge: they never fetch, resolve or throw.
///
/// Modelled on swift-certificates' `VerifierPolicy`: ``enforcedFields`` plays the part of
/// `verifyingCriticalExtensions`; a request field that no policy of an evaluation claims is rejected before any
/// policy runs (``PolicyEvaluator``).
public protocol FederationPolicy: Sendable {
    /// The request fields (``PolicyRequest/fields`` keys) this policy reads and enforces.
    var enforcedFields: Set<String> { get }

    /// Judges the request.
    /// - Returns: ``PolicyResult/meetsPolicy`` or a failure whose reason names this policy.
    func evaluate(_ request: PolicyRequest) -> PolicyResult
}

extension FederationPolicy {
    public var enforcedFields: Set<String> { [] }
}
