extension ErrorCode {
    /// A token that is not three strict base64url parts of JSON objects, or has a member UCAN does not define.
    public static let ucanMalformed = ErrorCode("ucan.malformed")
    /// A token, or a chain, over its size limit (checked before decoding).
    public static let ucanTooLarge = ErrorCode("ucan.too_large")
    /// A required header or payload field is absent (ucan-wg fixtures: `missingField`).
    public static let ucanMissingField = ErrorCode("ucan.missing_field")
    /// A field of the wrong type or form (ucan-wg fixtures: `incorrectType`).
    public static let ucanIncorrectType = ErrorCode("ucan.incorrect_type")
    /// `alg` other than `EdDSA` (`none`, `HS256`, …): the algorithm comes from the issuer's key.
    public static let ucanUnsupportedAlgorithm = ErrorCode("ucan.unsupported_algorithm")
    /// A well-formed `ucv` other than 0.10.x.
    public static let ucanUnsupportedVersion = ErrorCode("ucan.unsupported_version")
    /// A `prf` entry that is not a canonical CID, or a proof whose bytes do not hash to its CID
    /// (ucan-wg fixtures: `incorrectProofs`).
    public static let ucanInvalidProof = ErrorCode("ucan.invalid_proof")
    /// A proof CID the proof store does not hold.
    public static let ucanProofNotFound = ErrorCode("ucan.proof_not_found")
    /// A token reached again through its own proofs.
    public static let ucanProofCycle = ErrorCode("ucan.proof_cycle")
}

extension ErrorCode {
    /// `now` is at or after `exp` (plus leeway) (ucan-wg fixtures: `expired`).
    public static let ucanExpired = ErrorCode("ucan.expired")
    /// `now` is before `nbf` (minus leeway) (ucan-wg fixtures: `notReady`).
    public static let ucanNotYetValid = ErrorCode("ucan.not_yet_valid")
    /// A token's time bounds are not inside its proof's (ucan-wg fixtures: `timeBoundsViolation`).
    public static let ucanTimeBoundsViolation = ErrorCode("ucan.time_bounds_violation")
    /// A proof's `aud` is not the delegating token's `iss` (ucan-wg fixtures: `invalidDelegation`).
    public static let ucanPrincipalMisaligned = ErrorCode("ucan.principal_misaligned")
    /// A capability no proof delegates (ucan-wg fixtures: `invalidDelegation`).
    public static let ucanCapabilityEscalation = ErrorCode("ucan.capability_escalation")
    /// The outermost `aud` is not the verifier's DID.
    public static let ucanAudienceMismatch = ErrorCode("ucan.audience_mismatch")
    /// A token in the chain is revoked, and no unrevoked chain proves what it proved.
    public static let ucanRevoked = ErrorCode("ucan.revoked")
    /// A revocation record that does not decode, is not signed by its issuer, or whose issuer is not in the chain.
    public static let ucanInvalidRevocation = ErrorCode("ucan.invalid_revocation")
    /// A chain longer than the depth limit.
    public static let ucanChainTooDeep = ErrorCode("ucan.chain_too_deep")
    /// A token with more proofs, or a chain with more tokens, than the limits allow.
    public static let ucanTooManyProofs = ErrorCode("ucan.too_many_proofs")
    /// A token with more capabilities (resource × ability pairs) or caveats than the limit.
    public static let ucanTooManyCapabilities = ErrorCode("ucan.too_many_capabilities")
}

extension ErrorCode {
    /// openintent profile: a delegation whose `max_delegation_depth` is negative or not below its parent's.
    public static let ucanDelegationDepthExceeded = ErrorCode("ucan.delegation_depth_exceeded")
}
