extension OpenIntentUCAN {
    /// What a verification is checked against.
    public struct Options: Sendable {
        public var now: Int64
        public var leeway: Int64
        /// The verifier's DID: when set, the outer `aud` must equal it.
        public var audience: String?
        public var limits: UCANLimits

        public init(now: Int64, leeway: Int64 = 0, audience: String? = nil, limits: UCANLimits = defaultLimits) {
            self.now = now
            self.leeway = leeway
            self.audience = audience
            self.limits = limits
        }
    }

    /// What a successful verification established.
    ///
    /// - Warning: a valid chain proves delegation *from its root issuer*, whoever that is: anyone can mint a root
    ///   for their own key granting `*`. Authorise only when ``rootIssuer`` is a principal you trust to grant the
    ///   scope (the owner of the resource), as with ``UCANVerification/originators`` for UCAN 0.10.
    public struct Verification: Sendable {
        /// The outer token.
        public let token: OpenIntentUCAN
        /// The DID of the first token's issuer: the principal the whole chain's authority comes from.
        public let rootIssuer: String
        /// Tokens in the chain, the outer one included.
        public let chainLength: Int
        /// Ed25519 verifications this call performed (proofs found in the cache need none).
        public let signaturesVerified: Int
    }

    /// Verifies an openintent token and its whole inline chain (`Spec/ucan.md`, "openintent profile"). Checks, in
    /// order (the first failure is reported):
    /// 1. the token decodes; the chain (`prf` + the token) is at most ``UCANLimits/maxChainDepth`` long
    ///    (`ucan.chain_too_deep`); no token appears twice (`ucan.proof_cycle`); every proof decodes;
    /// 2. proof `i` carries exactly proofs `0..<i` as its own `prf` — the root has none (`ucan.invalid_proof`; a
    ///    swapped order fails here);
    /// 3. root first, for each delegation parent → child: time bounds inside the parent's
    ///    (`ucan.time_bounds_violation`); the parent's `aud` is the child's `iss` (`ucan.principal_misaligned`);
    ///    permissions ⊆ the parent's, denied operations ⊇ the parent's, the parent's `expires_at` kept
    ///    (`ucan.capability_escalation`); `max_delegation_depth` ≤ the parent's − 1 and ≥ 0 (the root's ≥ 0)
    ///    (`ucan.delegation_depth_exceeded`);
    /// 4. `now` inside every token's `[nbf, exp)` (`ucan.not_yet_valid`, `ucan.expired`), root first;
    /// 5. the outer `aud` (`ucan.audience_mismatch`), when set;
    /// 6. every signature, root first, under the key the resolver gives for its `iss` (did:web document or did:key)
    ///    (`did.*`, `crypto.signature_invalid`).
    public static func verify(
        _ text: String, options: Options, resolver: any KeyResolver, cache: UCANSignatureCache? = nil
    ) async throws(FederationError) -> Verification {
        let token = try OpenIntentUCAN(decoding: text, limits: options.limits)
        guard token.proofs.count + 1 <= options.limits.maxChainDepth else {
            throw FederationError(.ucanChainTooDeep, "chain longer than \(options.limits.maxChainDepth)")
        }
        guard Set(token.proofs + [text]).count == token.proofs.count + 1 else {
            throw FederationError(.ucanProofCycle, "a token appears twice in its own chain")
        }
        var chain: [OpenIntentUCAN] = []
        for (i, proof) in token.proofs.enumerated() {
            let decoded: OpenIntentUCAN
            do {
                decoded = try OpenIntentUCAN(decoding: proof, limits: options.limits)
            } catch {
                throw FederationError(error.code, "proof \(i): \(error.reason)")
            }
            guard decoded.proofs == Array(token.proofs.prefix(i)) else {
                throw FederationError(.ucanInvalidProof, "proof \(i) does not carry the \(i) proofs before it")
            }
            chain.append(decoded)
        }
        chain.append(token)
        guard chain[0].scope.maxDelegationDepth >= 0 else {
            throw FederationError(.ucanDelegationDepthExceeded, "the root's max_delegation_depth is negative")
        }
        for i in chain.indices.dropFirst() {
            try checkDelegation(parent: chain[i - 1], child: chain[i], index: i)
        }
        for (i, t) in chain.enumerated() {
            if options.now.addingClamped(options.leeway) < t.notBefore {
                throw FederationError(.ucanNotYetValid, "token \(i) is not valid before \(t.notBefore)")
            }
            if options.now >= t.expiresAt.addingClamped(options.leeway) {
                throw FederationError(.ucanExpired, "token \(i) expired at \(t.expiresAt)")
            }
        }
        if let audience = options.audience {
            guard let expected = try? DIDURL(audience), expected.did == token.audience.did else {
                throw FederationError(.ucanAudienceMismatch, "token is addressed to \(token.audience.did)")
            }
        }
        var verified = 0
        for (i, t) in chain.enumerated() {
            let cid = cache == nil || i == chain.count - 1 ? nil : CID.rawSHA256(of: t.encoded.utf8)
            if let cache, let cid, cache.contains(cid, now: options.now) { continue }
            let key = try await resolver.resolveKey(t.issuer.description, now: options.now)
            guard key.isValidSignature(t.signature, for: t.signingInput) else {
                throw FederationError(.cryptoSignatureInvalid, "signature of token \(i) (\(t.issuer)) does not verify")
            }
            verified += 1
            if let cache, let cid { cache.insert(cid, now: options.now) }
        }
        return Verification(
            token: token, rootIssuer: chain[0].issuer.did, chainLength: chain.count, signaturesVerified: verified)
    }

    static func checkDelegation(parent: OpenIntentUCAN, child: OpenIntentUCAN, index i: Int) throws(FederationError) {
        guard parent.notBefore <= child.notBefore, child.expiresAt <= parent.expiresAt else {
            throw FederationError(.ucanTimeBoundsViolation, "token \(i)'s time bounds are not inside its parent's")
        }
        guard parent.audience.did == child.issuer.did else {
            throw FederationError(
                .ucanPrincipalMisaligned,
                "token \(i) is issued by \(child.issuer.did), the parent names \(parent.audience.did)")
        }
        // By code points, not `String ==` (canonical equivalence): "cafe\u{301}" is not a permission "caf\u{e9}" grants.
        let granted = OpenIntentScope.codePointSet(parent.scope.permissions)
        guard child.scope.permissions.allSatisfy({ granted.contains(Array($0.utf8)) }) else {
            throw FederationError(.ucanCapabilityEscalation, "token \(i) claims permissions its parent lacks")
        }
        let kept = OpenIntentScope.codePointSet(child.scope.deniedOperations)
        guard parent.scope.deniedOperations.allSatisfy({ kept.contains(Array($0.utf8)) }) else {
            throw FederationError(.ucanCapabilityEscalation, "token \(i) drops a denied operation of its parent")
        }
        guard
            parent.scope.expiresAt.map({ expected in
                child.scope.expiresAt.map { UTF8Equality.equal($0, expected) } ?? false
            })
                ?? true
        else {
            throw FederationError(.ucanCapabilityEscalation, "token \(i) changes its parent's scope expires_at")
        }
        let depth = child.scope.maxDelegationDepth
        guard depth >= 0, depth <= parent.scope.maxDelegationDepth - 1 else {
            throw FederationError(
                .ucanDelegationDepthExceeded,
                "token \(i) has depth \(depth); its parent allows at most \(parent.scope.maxDelegationDepth - 1)")
        }
    }
}
