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
