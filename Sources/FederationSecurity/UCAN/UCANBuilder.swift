/// Builds and signs UCAN 0.10 tokens.
///
/// The header is `{"alg":"EdDSA","typ":"JWT"}` and the payload RFC 8785 JSON (sorted keys, no whitespace), which is
/// byte-for-byte what the ucan-wg `build` fixtures hold; `exp` is always present (`null` = never, §3.2.3).
public enum UCANBuilder {
    /// `BASE64URL({"alg":"EdDSA","typ":"JWT"})`.
    public static let encodedHeader = Base64URL.encode(Array(#"{"alg":"EdDSA","typ":"JWT"}"#.utf8))

    /// The claims of a token to build.
    public struct Claims: Sendable {
        public var audience: String
        public var expiration: Int64?
        public var notBefore: Int64?
        public var nonce: String?
        public var facts: JSONObject?
        public var capabilities: UCANCapabilities
        public var proofs: [CID]
        public var version: String

        public init(
            audience: String, expiration: Int64?, notBefore: Int64? = nil, nonce: String? = nil,
            facts: JSONObject? = nil, capabilities: UCANCapabilities = UCANCapabilities([]), proofs: [CID] = [],
            version: String = "0.10.0"
        ) {
            self.audience = audience
            self.expiration = expiration
            self.notBefore = notBefore
            self.nonce = nonce
            self.facts = facts
            self.capabilities = capabilities
            self.proofs = proofs
            self.version = version
        }
    }

    /// Signs `claims` with `key`; the issuer is the key's did:key. The result is decoded again, so a token this
    /// returns always passes ``UCANToken/init(decoding:limits:)``.
    /// - Throws: `crypto.backend_failure`; any decode error of the claims (`ucan.incorrect_type`, …).
    public static func build(_ claims: Claims, key: Ed25519.PrivateKey, limits: UCANLimits = .default)
        throws(FederationError) -> UCANToken
    {
        var members: [JSONObject.Member] = [
            .init("aud", .string(claims.audience)), .init("cap", .object(claims.capabilities.json)),
            .init("exp", claims.expiration.map { .number(.integer($0)) } ?? .null),
            .init("iss", .string(DIDKey(publicKey: key.publicKey).did)), .init("ucv", .string(claims.version)),
        ]
        if let nbf = claims.notBefore { members.append(.init("nbf", .number(.integer(nbf)))) }
        if let nnc = claims.nonce { members.append(.init("nnc", .string(nnc))) }
        if let fct = claims.facts { members.append(.init("fct", .object(fct))) }
        if !claims.proofs.isEmpty {
            members.append(.init("prf", .array(claims.proofs.map { .string($0.description) })))
        }
        let payload = try CanonicalJSON.encode(.object(JSONObject(uniqueMembers: members)))
        let signingInput = encodedHeader + "." + Base64URL.encode(payload)
        let signature = try key.signature(for: Array(signingInput.utf8))
        return try UCANToken(decoding: signingInput + "." + Base64URL.encode(signature), limits: limits)
    }

    /// Delegates (attenuates) `parent` to `audience`: the new token names `parent` as its only proof, is issued by
    /// `key`, which must be `parent`'s audience, and may only narrow `parent`'s capabilities and time bounds.
    /// - Throws: `ucan.principal_misaligned`, `ucan.time_bounds_violation`, `ucan.capability_escalation` — the
    ///   checks a verifier would make, done before signing.
    public static func delegate(
        _ parent: UCANToken, to audience: String, capabilities: UCANCapabilities, expiration: Int64?,
        notBefore: Int64? = nil, nonce: String? = nil, key: Ed25519.PrivateKey,
        rules: UCANAttenuationRules = .syntactic
    ) throws(FederationError) -> UCANToken {
        guard parent.audience.did == DIDKey(publicKey: key.publicKey).did else {
            throw FederationError(.ucanPrincipalMisaligned, "the parent is addressed to \(parent.audience.did)")
        }
        let start = notBefore ?? parent.notBefore
        let endsInside = parent.expiration.map { p in expiration.map { $0 <= p } ?? false } ?? true
        guard (start ?? 0) >= parent.validFrom, endsInside else {
            throw FederationError(.ucanTimeBoundsViolation, "time bounds must lie inside the parent's")
        }
        for c in capabilities.entries where !parent.capabilities.entries.contains(where: { rules.enables($0, c) }) {
            throw FederationError(.ucanCapabilityEscalation, "the parent does not delegate \(c.resource) \(c.ability)")
        }
        return try build(
            Claims(
                audience: audience, expiration: expiration, notBefore: start, nonce: nonce,
                capabilities: capabilities, proofs: [parent.cid]),
            key: key)
    }
}
