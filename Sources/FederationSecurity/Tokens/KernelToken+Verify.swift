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
    /// - Warning: constraints are *evaluated* only against ``Expectation/request``; without a request they are only
    ///   validated (well-formed and understood), so a token pinning an argument verifies for any call. Pass the
    ///   request being authorised whenever the token may carry constraints.
    /// - Returns: the verified claims.
    public static func verify(
        _ token: String, expecting expected: Expectation, keys: KernelKeyRing, revocations: (any RevocationStore)? = nil
    ) throws(FederationError) -> KernelTokenClaims {
        try verify(token, expecting: expected, keys: keys, revocations: revocations, claimsReader: .commonShapeFirst)
    }

    /// ``verify(_:expecting:keys:revocations:)`` with a chosen claims reader, so that differential tests and the fuzz
    /// target can check that both readers give the same verdict on every token.
    @_spi(Differential)
    public static func verify(
        _ token: String, expecting expected: Expectation, keys: KernelKeyRing, revocations: (any RevocationStore)?,
        claimsReader: KernelTokenClaims.Reader
    ) throws(FederationError) -> KernelTokenClaims {
        guard token.utf8.count <= maxLength else {
            throw FederationError(.tokenTooLarge, "token over \(maxLength) bytes")
        }
        // Everything below works on the token's own contiguous UTF-8 by offsets: no substrings, no arrays.
        return try TextBytes.withUTF8(token) { utf8 in
            Result { () throws(FederationError) in
                try verify(
                    utf8: utf8, expecting: expected, keys: keys, revocations: revocations, claimsReader: claimsReader)
            }
        }.get()
    }

    private static func verify(
        utf8 token: UnsafeBufferPointer<UInt8>, expecting expected: Expectation, keys: KernelKeyRing,
        revocations: (any RevocationStore)?, claimsReader: KernelTokenClaims.Reader
    ) throws(FederationError) -> KernelTokenClaims {
        let parts = try Parts(token)
        let codec = Base64URL.codec
        let kernelRoom = codec.maxDecodedCount(parts.kernel.count)
        let tagRoom = codec.maxDecodedCount(parts.tag.count)
        let claimsRoom = codec.maxDecodedCount(parts.claims.count)
        // One scratch buffer (on the stack when small) for the decoded kernel id, tag and claims.
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: kernelRoom + tagRoom + claimsRoom) {
            scratch throws(FederationError) in
            let kernel: UnsafeBufferPointer<UInt8>
            let tag: UnsafeBufferPointer<UInt8>
            do throws(FederationError) {
                kernel = try decode(
                    parts.kernel, codec, into: UnsafeMutableBufferPointer(rebasing: scratch[..<kernelRoom]))
                tag = try decode(
                    parts.tag, codec,
                    into: UnsafeMutableBufferPointer(rebasing: scratch[kernelRoom..<(kernelRoom + tagRoom)]))
            } catch {
                throw FederationError(.tokenMalformed, "kernel id and tag must be unpadded base64url (\(error.code))")
            }
            guard (1...maxKernelIDBytes).contains(kernel.count),
                UTF8Validation.firstInvalidOffset(in: kernel) == nil,
                tag.count == HMACSHA256.byteCount
            else {
                throw FederationError(.tokenMalformed, "kernel id must be 1-256 bytes of UTF-8 and the tag 32 bytes")
            }
            // Keys of other kernels are derived for the MAC check (so `wrong_kernel` is reported only for authentic
            // tokens) but not cached: made-up kernel ids must not flush the cache.
            guard
                let key = try keys.key(
                    kid: parts.kid, kernel: kernel, remember: UTF8Equality.equal(kernel, expected.kernel))
            else {
                let kid = String(decoding: parts.kid, as: UTF8.self)  // checked to be ASCII
                throw FederationError(.tokenUnknownKeyID, "key id \(kid) is not in the key ring")
            }
            guard key.isValidAuthenticationCode(tag, for: parts.signed) else {
                throw FederationError(.tokenBadMAC, "MAC does not verify")
            }
            // Both are well-formed UTF-8, so equal bytes is equal Unicode scalars (no canonical equivalence).
            guard UTF8Equality.equal(kernel, expected.kernel) else {
                throw FederationError(.tokenWrongKernel, "token was minted for another kernel")
            }
            let claims: KernelTokenClaims
            do throws(FederationError) {
                let json = try decode(
                    parts.claims, codec, into: UnsafeMutableBufferPointer(rebasing: scratch[(kernelRoom + tagRoom)...]))
                claims = try KernelTokenClaims(json: json, reader: claimsReader)
            } catch  where error.code == .tokenMalformed {
                throw error
            } catch {
                throw FederationError(.tokenMalformed, "claims do not decode (\(error.code))")
            }
            try check(claims, expected, revocations)
            return claims
        }
    }

    /// Steps 7–11: the claims against the expectation.
    private static func check(
        _ claims: KernelTokenClaims, _ expected: Expectation, _ revocations: (any RevocationStore)?
    ) throws(FederationError) {
        if let revocations, revocations.isRevoked(claims.tokenID, now: expected.now) {
            throw FederationError(.tokenRevoked, "token id is revoked")
        }
        guard expected.now < claims.expiresAt.addingClamped(expected.leeway) else {
            throw FederationError(.tokenExpired, "token has expired")
        }
        guard claims.issuedAt <= expected.now.addingClamped(expected.leeway),
            (claims.notBefore ?? .min) <= expected.now.addingClamped(expected.leeway)
        else {
            throw FederationError(.tokenNotYetValid, "token is not valid yet")
        }
        // By bytes, which for Swift strings is by Unicode scalars: canonically equivalent spellings differ.
        guard UTF8Equality.equal(claims.principal, expected.principal) else {
            throw FederationError(.tokenPrincipalMismatch, "token was issued to another principal")
        }
        guard UTF8Equality.equal(claims.capability, expected.capability) else {
            throw FederationError(.tokenCapabilityMismatch, "token authorises another capability")
        }
        try TokenConstraints.evaluate(claims.constraints, request: expected.request)
    }

    /// Strict unpadded base64url of `text` into `output`; the decoded bytes.
    private static func decode(
        _ text: UnsafeBufferPointer<UInt8>, _ codec: borrowing RFC4648Codec,
        into output: UnsafeMutableBufferPointer<UInt8>
    ) throws(FederationError) -> UnsafeBufferPointer<UInt8> {
        let count = try codec.decode(utf8: text, into: output).get()
        return UnsafeBufferPointer(rebasing: output[..<count])
    }
}
