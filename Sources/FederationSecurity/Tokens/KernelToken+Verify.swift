extension KernelToken {
    /// Verifies a token. Checks, in order (the first failure is reported):
    /// 1. size (`token.too_large`); 2. shape: five parts, version `v1`, a valid key id, a kernel id of 1–256 bytes of
    /// UTF-8, a 32-byte tag, all strict base64url (`token.malformed`); 3. the key id (`token.unknown_key_id`);
    /// 4. the MAC under the key of the kernel the token names (`token.bad_mac`); 5. that kernel is the expected one
    /// (`token.wrong_kernel`); 6. the claims decode (`token.malformed`); 7. revocation (`token.revoked`); 8. expiry
    /// (`token.expired`); 9. `nbf`/`iat` (`token.not_yet_valid`); 10. principal, capability (`token.*_mismatch`);
    /// 11. constraints (`token.unknown_constraint`, `token.constraint_violation`).
    ///
    /// Nothing but the key id and kernel id is read before the MAC verifies, and `wrong_kernel` is only reported for
    /// a token authentic under its own kernel's key, so a forged token always gets `token.bad_mac`.
    /// - Returns: the verified claims.
    public static func verify(
        _ token: String, expecting expected: Expectation, keys: KernelKeyRing, revocations: (any RevocationStore)? = nil
    ) throws(FederationError) -> KernelTokenClaims {
        guard token.utf8.count <= maxLength else {
            throw FederationError(.tokenTooLarge, "token over \(maxLength) bytes")
        }
        // One scan for the four dots (splitting a String allocates an array of substrings).
        let utf8 = token.utf8
        var dots: [String.Index] = []
        dots.reserveCapacity(4)
        for i in utf8.indices where utf8[i] == UInt8(ascii: ".") {
            dots.append(i)
            if dots.count > 4 { break }
        }
        guard dots.count == 4 else {
            throw FederationError(.tokenMalformed, "expected v1.<kid>.<kernel>.<claims>.<tag>")
        }
        let parts = [
            token[..<dots[0]], token[utf8.index(after: dots[0])..<dots[1]], token[utf8.index(after: dots[1])..<dots[2]],
            token[utf8.index(after: dots[2])..<dots[3]], token[utf8.index(after: dots[3])...],
        ]
        guard parts[0] == "v1", KernelKeyRing.isValidKeyID(parts[1]) else {
            throw FederationError(.tokenMalformed, "expected v1.<kid>.<kernel>.<claims>.<tag>")
        }
        let kernelBytes: [UInt8]
        let tag: [UInt8]
        do {
            kernelBytes = try Base64URL.decode(parts[2])
            tag = try Base64URL.decode(parts[4])
        } catch {
            throw FederationError(.tokenMalformed, "kernel id and tag must be unpadded base64url (\(error.code))")
        }
        guard (1...maxKernelIDBytes).contains(kernelBytes.count),
            let kernel = String(validating: kernelBytes, as: UTF8.self),
            tag.count == HMACSHA256.byteCount
        else { throw FederationError(.tokenMalformed, "kernel id must be 1-256 bytes of UTF-8 and the tag 32 bytes") }
        let kid = String(parts[1])
        guard let key = try keys.key(kid: kid, kernel: kernel) else {
            throw FederationError(.tokenUnknownKeyID, "key id \(kid) is not in the key ring")
        }
        guard key.isValidAuthenticationCode(tag, for: token.utf8[..<dots[3]]) else {
            throw FederationError(.tokenBadMAC, "MAC does not verify")
        }
        guard kernel.unicodeScalars.elementsEqual(expected.kernel.unicodeScalars) else {
            throw FederationError(.tokenWrongKernel, "token was minted for another kernel")
        }
        let claims: KernelTokenClaims
        do {
            claims = try KernelTokenClaims(
                parsing: try JSONReader(limits: .init(maxBytes: maxLength, maxDepth: 16)).parse(
                    try Base64URL.decode(parts[3])))
        } catch  where error.code == .tokenMalformed {
            throw error
        } catch {
            throw FederationError(.tokenMalformed, "claims do not decode (\(error.code))")
        }
        if let revocations, revocations.isRevoked(claims.tokenID, now: expected.now) {
            throw FederationError(.tokenRevoked, "token id is revoked")
        }
        guard expected.now < claims.expiresAt + expected.leeway else {
            throw FederationError(.tokenExpired, "token has expired")
        }
        guard claims.issuedAt <= expected.now + expected.leeway,
            (claims.notBefore ?? .min) <= expected.now + expected.leeway
        else {
            throw FederationError(.tokenNotYetValid, "token is not valid yet")
        }
        guard claims.principal.unicodeScalars.elementsEqual(expected.principal.unicodeScalars) else {
            throw FederationError(.tokenPrincipalMismatch, "token was issued to another principal")
        }
        guard claims.capability.unicodeScalars.elementsEqual(expected.capability.unicodeScalars) else {
            throw FederationError(.tokenCapabilityMismatch, "token authorises another capability")
        }
        try TokenConstraints.evaluate(claims.constraints, request: expected.request)
        return claims
    }
}
