extension WeaverToken {
    /// Verifies the token, MAC first, then revocation, expiry, principal and capability (`Spec/kernel-tokens.md`).
    ///
    /// Unlike weaver-kernel, which checks revocation and expiry before the MAC, no claim is looked at until the MAC
    /// verifies, so a forged token cannot choose its own error.
    ///
    /// - Warning: as weaver-kernel's `HMACTokenProvider.verify`, this does not look at ``constraints`` unless
    ///   `request` is given (weaver-kernel leaves them to its policy engine, and its tokens may carry members no
    ///   rule here knows). With `request`, they are evaluated by this library's rules after every other check and
    ///   fail closed: anything not understood is `token.unknown_constraint` (`Spec/kernel-tokens.md`, Constraints).
    /// - Parameters:
    ///   - secret: the kernel's secret (weaver-kernel uses its UTF-8 bytes).
    ///   - expectedPrincipal: the principal presenting the token (compared by Unicode scalars).
    ///   - expectedCapability: the capability being invoked.
    ///   - now: unix seconds; a token expires when `expires_at <= now`.
    ///   - request: the request being authorised, to evaluate ``constraints`` against; `nil` leaves them unchecked.
    ///   - isRevoked: whether a token id is revoked.
    /// - Throws: `token.bad_mac`, `token.revoked`, `token.expired`, `token.principal_mismatch`,
    ///   `token.capability_mismatch`; with `request`, `token.unknown_constraint` and `token.constraint_violation`.
    public func verify(
        secret: SecretBytes, expectedPrincipal: String, expectedCapability: String, now: Int64,
        request: JSONObject? = nil, isRevoked: (String) -> Bool = { _ in false }
    ) throws(FederationError) {
        guard let signature, let tag = try? Hex.decode(signature),
            HMACSHA256.isValidAuthenticationCode(tag, for: signableBytes, using: secret)
        else { throw FederationError(.tokenBadMAC, "MAC does not verify") }
        guard !isRevoked(tokenID) else { throw FederationError(.tokenRevoked, "token id is revoked") }
        guard PythonISOTimestamp.from(unix: now) < expiresAt else {
            throw FederationError(.tokenExpired, "token has expired")
        }
        guard principalID.unicodeScalars.elementsEqual(expectedPrincipal.unicodeScalars) else {
            throw FederationError(.tokenPrincipalMismatch, "token was issued to another principal")
        }
        guard capabilityID.unicodeScalars.elementsEqual(expectedCapability.unicodeScalars) else {
            throw FederationError(.tokenCapabilityMismatch, "token authorises another capability")
        }
        if let request { try TokenConstraints.evaluate(constraints, request: request) }
    }
}

extension PythonISOTimestamp {
    init(seconds: Int64, microseconds: Int) {
        self.seconds = seconds
        self.microseconds = microseconds
    }

    static func from(unix seconds: Int64) -> PythonISOTimestamp {
        PythonISOTimestamp(seconds: seconds, microseconds: 0)
    }
}
