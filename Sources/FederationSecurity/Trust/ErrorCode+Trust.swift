extension ErrorCode {
    /// A peer name that is neither an origin URL nor a DID this library can normalise.
    public static let trustInvalidPeer = ErrorCode("trust.invalid_peer")
    /// A sensitivity name outside `NONE`, `MEMORY`, `PII`, `PCI`, `SECRETS`.
    public static let trustUnknownSensitivity = ErrorCode("trust.unknown_sensitivity")
    /// A trust mode or import trust policy name this library does not define.
    public static let trustUnknownPolicy = ErrorCode("trust.unknown_policy")
    /// A request field that no policy claims to enforce (fail closed, checked before any policy runs).
    public static let trustUnenforcedField = ErrorCode("trust.unenforced_field")
    /// A policy, or the composition of a local and a remote decision, denied the request.
    public static let trustDenied = ErrorCode("trust.denied")
    /// Local and remote constraints that cannot both hold (two different pinned values, disjoint prefixes).
    public static let trustConstraintConflict = ErrorCode("trust.constraint_conflict")
}
