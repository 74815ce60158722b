/// How an importing kernel weighs a remote kernel's decision for an imported capability against its own: the
/// three names of weaver-kernel 0.12's `TrustPolicy` (`Spec/trust.md` §Composition).
public enum ImportTrustPolicy: String, Sendable, Hashable, CaseIterable {
    /// Both sides must allow; sensitivity is the union (the stricter tag); constraints intersect.
    case mostRestrictive = "most_restrictive"
    /// Only the local decision counts; the remote decision, sensitivity and constraints are ignored.
    case localOnly = "local_only"
    /// The remote decides first (a remote deny is final) and its sensitivity tag is kept verbatim; the local side
    /// then adds its constraints, and a local deny still denies (no mode lets a remote override a local deny).
    case remoteDeferred = "remote_deferred"

    /// Reads a policy name.
    /// - Throws: `trust.unknown_policy`.
    public init(name: String) throws(FederationError) {
        guard let policy = Self(rawValue: name) else {
            throw FederationError(
                .trustUnknownPolicy, "import trust policy must be most_restrictive, local_only or remote_deferred")
        }
        self = policy
    }
}
