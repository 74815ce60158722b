extension ErrorCode {
    /// An advertisement over 512 bytes (checked before it is parsed).
    public static let advertisementTooLarge = ErrorCode("advertisement.too_large")
    /// An advertisement that is not a JSON object, or a member of the wrong type or length.
    public static let advertisementMalformed = ErrorCode("advertisement.malformed")
    /// A required advertisement member is absent.
    public static let advertisementMissingField = ErrorCode("advertisement.missing_field")
    /// A member the advertisement format does not define (fail closed).
    public static let advertisementUnknownField = ErrorCode("advertisement.unknown_field")
    /// A capability tag outside `[a-z0-9-]+` (or empty, too long, repeated).
    public static let advertisementInvalidTag = ErrorCode("advertisement.invalid_tag")
    /// A `protocol` value this library does not define.
    public static let advertisementInvalidProtocol = ErrorCode("advertisement.invalid_protocol")
    /// A `version` that is not Semantic Versioning 2.0.0.
    public static let advertisementInvalidVersion = ErrorCode("advertisement.invalid_version")
}

extension ErrorCode {
    /// A delegation chain with more links than the verifier's maximum depth.
    public static let delegationTooDeep = ErrorCode("delegation.too_deep")
    /// A principal that appears twice in a delegation chain.
    public static let delegationCycle = ErrorCode("delegation.cycle")
    /// A link whose delegator is not the previous link's delegate.
    public static let delegationBrokenChain = ErrorCode("delegation.broken_chain")
    /// A link that grants a scope its delegator does not hold (or, strict, does not narrow the scopes).
    public static let delegationScopeEscalation = ErrorCode("delegation.scope_escalation")
    /// A chain or link that does not decode (empty chain, missing or mistyped member).
    public static let delegationMalformed = ErrorCode("delegation.malformed")
}

extension ErrorCode {
    /// The presented certificate fingerprint differs from the one pinned for this peer.
    public static let pinMismatch = ErrorCode("pin.mismatch")
    /// A fingerprint that is not `sha256:` followed by 64 lower-case hex digits.
    public static let pinInvalidFingerprint = ErrorCode("pin.invalid_fingerprint")
    /// The pin store is full: a new peer cannot be pinned (pins are never evicted).
    public static let pinStoreFull = ErrorCode("pin.store_full")
}
