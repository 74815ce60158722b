/// Composes a local and a remote ``SideDecision`` under an ``ImportTrustPolicy`` (`Spec/trust.md` §Composition).
///
/// | policy | allowed | sensitivity | constraints | a denial is reported as |
/// |--------|---------|-------------|-------------|--------------------------|
/// | `most_restrictive` | local ∧ remote | local ∪ remote | local ∩ remote | local, else remote |
/// | `local_only` | local | local | local | local |
/// | `remote_deferred` | remote ∧ local | remote | remote ∩ local | remote, else local |
public enum TrustComposition {
    /// The composed decision.
    /// - Throws: `token.unknown_constraint` for a constraint either side cannot state (checked first, for both
    ///   sides, even a side the policy ignores: a malformed input is not silently dropped);
    ///   `trust.constraint_conflict` when allowed constraints cannot both hold.
    public static func compose(
        _ policy: ImportTrustPolicy, local: SideDecision, remote: SideDecision
    ) throws(FederationError) -> ComposedDecision {
        try TokenConstraints.validate(local.constraints)
        try TokenConstraints.validate(remote.constraints)
        switch policy {
        case .localOnly:
            return local.allowed
                ? ComposedDecision(
                    allowed: true, sensitivity: local.sensitivity, constraints: local.constraints, deniedBy: nil)
                : denied(by: .local, sensitivity: local.sensitivity)
        case .mostRestrictive:
            let sensitivity = local.sensitivity.union(remote.sensitivity)
            guard local.allowed else { return denied(by: .local, sensitivity: sensitivity) }
            guard remote.allowed else { return denied(by: .remote, sensitivity: sensitivity) }
            return ComposedDecision(
                allowed: true, sensitivity: sensitivity,
                constraints: try ConstraintIntersection.intersect(local.constraints, remote.constraints), deniedBy: nil)
        case .remoteDeferred:
            guard remote.allowed else { return denied(by: .remote, sensitivity: remote.sensitivity) }
            guard local.allowed else { return denied(by: .local, sensitivity: remote.sensitivity) }
            return ComposedDecision(
                allowed: true, sensitivity: remote.sensitivity,
                constraints: try ConstraintIntersection.intersect(remote.constraints, local.constraints), deniedBy: nil)
        }
    }

    private static func denied(by side: ComposedDecision.Decider, sensitivity: Sensitivity) -> ComposedDecision {
        ComposedDecision(allowed: false, sensitivity: sensitivity, constraints: JSONObject(), deniedBy: side)
    }
}
