/// Verifies UCAN 0.10 tokens and their proof chains (`Spec/ucan.md`).
public struct UCANVerifier: Sendable {
    /// What a verification is checked against.
    public struct Options: Sendable {
        /// The decision time, unix seconds.
        public var now: Int64
        /// Seconds of clock skew allowed on `nbf` and `exp` (UCAN 0.10 §3.2.3 recommends up to 60).
        public var leeway: Int64
        /// The verifier's own DID: when set, the outer `aud` must equal it (§6.2.1).
        public var audience: String?
        /// Caveat and ability semantics.
        public var rules: UCANAttenuationRules
        public var limits: UCANLimits

        public init(
            now: Int64, leeway: Int64 = 0, audience: String? = nil, rules: UCANAttenuationRules = .syntactic,
            limits: UCANLimits = .default
        ) {
            self.now = now
            self.leeway = leeway
            self.audience = audience
            self.rules = rules
            self.limits = limits
        }
    }

    let resolver: any KeyResolver
    let proofs: any UCANProofStore
    let revocations: UCANRevocationList?
    let cache: UCANSignatureCache?

    /// - Parameters:
    ///   - resolver: finds issuers' keys (did:key in process; did:web through its document source).
    ///   - proofs: where proofs are fetched by CID.
    ///   - revocations: verified revocation records, or `nil`.
    ///   - cache: memo of verified proof signatures, or `nil`.
    public init(
        resolver: any KeyResolver, proofs: any UCANProofStore = InMemoryProofStore(),
        revocations: UCANRevocationList? = nil, cache: UCANSignatureCache? = nil
    ) {
        self.resolver = resolver
        self.proofs = proofs
        self.revocations = revocations
        self.cache = cache
    }

    /// Verifies `token` and every proof it names. Checks, in order (the first failure is reported):
    /// 1. the outer token decodes (``UCANToken/init(decoding:limits:)``);
    /// 2. depth-first over `prf`, in order: limits (`ucan.chain_too_deep`, `ucan.too_many_proofs`), cycles
    ///    (`ucan.proof_cycle`), the proof is in the store (`ucan.proof_not_found`) and hashes to its CID
    ///    (`ucan.invalid_proof`), decodes, its time bounds contain the delegating token's
    ///    (`ucan.time_bounds_violation`), and its `aud` is the delegating token's `iss` ignoring fragments
    ///    (`ucan.principal_misaligned`);
    /// 3. `now` inside every token's bounds (`ucan.not_yet_valid`, `ucan.expired`);
    /// 4. the outer `aud` (`ucan.audience_mismatch`), when ``Options/audience`` is set;
    /// 5. every signature, under the issuer's resolved key (`did.*`, `crypto.signature_invalid`);
    /// 6. revocation and attenuation (`ucan.revoked`, `ucan.capability_escalation`).
    ///
    /// Checks that need no key come first, so a structurally impossible chain costs no signature verification.
    /// Nothing is accepted until every check has passed.
    public func verify(_ token: String, options: Options) async throws(FederationError) -> UCANVerification {
        let leaf = try UCANToken(decoding: token, limits: options.limits)
        if leaf.proofs.isEmpty, revocations?.isEmpty ?? true {
            // The steps below for a graph of this one token (nothing to revoke it), without building the graph.
            try Self.checkTime(leaf, options: options)
            try Self.checkAudience(leaf, options: options)
            try await checkSignature(leaf, label: "the token", now: options.now)
            return UCANVerification(
                token: leaf, capabilities: UCANChainGraph.originated(leaf), chainTokens: 1, signaturesVerified: 1)
        }
        var graph = UCANChainGraph(
            leaf: leaf, limits: options.limits, needsCID: !(revocations?.isEmpty ?? true))
        if !leaf.proofs.isEmpty {  // loading a token without proofs does nothing: no async call
            try await graph.load(from: proofs, cache: cache, now: options.now)
        }
        for node in graph.order {
            try Self.checkTime(node.token, options: options)
        }
        try Self.checkAudience(leaf, options: options)
        var verified = 0
        for (i, node) in graph.order.enumerated() {
            // Only proofs are memoized (§9.2: proofs shared by distinct UCANs); outer tokens are mostly unique and
            // would push the shared proofs out of a bounded cache.
            let memo = i == 0 ? nil : cache
            if node.verified { continue }
            try await checkSignature(node.token, label: node.label, now: options.now)
            verified += 1
            if let memo, let cid = node.cid { memo.insert(cid, token: node.token, now: options.now) }
        }
        let revoked = graph.revokedNodes(revocations)
        if revoked.contains(0) { throw FederationError(.ucanRevoked, "the token is revoked") }
        let proven = try graph.provenCapabilities(rules: options.rules, revoked: revoked)
        return UCANVerification(
            token: leaf, capabilities: proven, chainTokens: graph.order.count, signaturesVerified: verified)
    }

    /// The outer `aud` is ``Options/audience``, when set (`ucan.audience_mismatch`).
    static func checkAudience(_ leaf: UCANToken, options: Options) throws(FederationError) {
        if let audience = options.audience {
            guard let expected = try? DIDURL(audience), expected.did == leaf.audience.did else {
                throw FederationError(.ucanAudienceMismatch, "token is addressed to \(leaf.audience.did)")
            }
        }
    }

    /// `token`'s signature under its issuer's key (`did.*`, `crypto.signature_invalid`). `label` is built only for
    /// the error (a proof's label spells out its CID).
    private func checkSignature(_ token: UCANToken, label: @autoclosure () -> String, now: Int64)
        async throws(FederationError)
    {
        let issuer = token.issuer.description
        let key: Ed25519.PublicKey
        if let cached = resolver.cachedKey(issuer, now: now) {
            key = cached  // what `resolveKey` returns on a hit
        } else {
            key = try await resolver.resolveKey(issuer, now: now)
        }
        guard key.isValidSignature(token.signature, for: token.signingInput) else {
            throw FederationError(.cryptoSignatureInvalid, "signature of \(label()) does not verify")
        }
    }

    /// `now` inside `[nbf, exp)`, widened by the leeway. At `now == exp` a token has expired (RFC 7519 §4.1.4, "on or
    /// after"); at `now == nbf` it is valid (UCAN 0.10 §6.1, "valid inclusive from the `nbf` time").
    static func checkTime(_ token: UCANToken, options: Options) throws(FederationError) {
        if let nbf = token.notBefore, options.now.addingClamped(options.leeway) < nbf {
            throw FederationError(.ucanNotYetValid, "not valid before \(nbf)")
        }
        if let exp = token.expiration, options.now >= exp.addingClamped(options.leeway) {
            throw FederationError(.ucanExpired, "expired at \(exp)")
        }
    }
}
