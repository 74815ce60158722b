extension ErrorCode {
    /// A token that does not decode: wrong shape, unknown or missing member, non-canonical field encoding.
    public static let tokenMalformed = ErrorCode("token.malformed")
    /// The MAC does not verify. Checked before any claim is trusted, so a forged token always gets this code.
    public static let tokenBadMAC = ErrorCode("token.bad_mac")
    /// The token's expiry is at or before `now`.
    public static let tokenExpired = ErrorCode("token.expired")
    /// The token's id is in the revocation store.
    public static let tokenRevoked = ErrorCode("token.revoked")
    /// The token was issued to another principal.
    public static let tokenPrincipalMismatch = ErrorCode("token.principal_mismatch")
    /// The token authorises another capability.
    public static let tokenCapabilityMismatch = ErrorCode("token.capability_mismatch")
}

extension ErrorCode {
    /// A native token whose MAC verifies under the kernel it names, presented to another kernel.
    public static let tokenWrongKernel = ErrorCode("token.wrong_kernel")
    /// The token's key id is not in the verifier's key ring.
    public static let tokenUnknownKeyID = ErrorCode("token.unknown_key_id")
    /// `nbf` (or `iat`) lies after `now` plus the leeway.
    public static let tokenNotYetValid = ErrorCode("token.not_yet_valid")
    /// The request does not satisfy one of the token's constraints.
    public static let tokenConstraintViolation = ErrorCode("token.constraint_violation")
    /// A constraint this evaluator does not know, or one it cannot read: rejected, never ignored.
    public static let tokenUnknownConstraint = ErrorCode("token.unknown_constraint")
    /// The token text is larger than the verifier's limit.
    public static let tokenTooLarge = ErrorCode("token.too_large")
}
