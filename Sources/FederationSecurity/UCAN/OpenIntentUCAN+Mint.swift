extension OpenIntentUCAN {
    /// Mints a token as openintent's `UCANToken.encode` does: the header ``encodedHeader``, the payload
    /// `json.dumps(to_dict(), sort_keys=True)` (``PythonJSONWriter`` with ``PythonJSONWriter/Options/defaultSorted``),
    /// unpadded base64url, signed with `key`.
    /// - Parameter issuer: the issuer's DID (openintent: its `ServerIdentity.did`); `key` must be its key.
    /// - Throws: `crypto.backend_failure`; decode errors of the result (`ucan.*`).
    public static func mint(
        issuer: String, audience: String, scope: OpenIntentScope, notBefore: Int64, expiresAt: Int64, nonce: String,
        proofs: [String] = [], key: Ed25519.PrivateKey, limits: UCANLimits = defaultLimits
    ) throws(FederationError) -> OpenIntentUCAN {
        let payload = JSONObject(uniqueMembers: [
            .init("iss", .string(issuer)), .init("aud", .string(audience)), .init("scope", .object(scope.json)),
            .init("nbf", .number(.integer(notBefore))), .init("exp", .number(.integer(expiresAt))),
            .init("nonce", .string(nonce)), .init("prf", .array(proofs.map { .string($0) })),
        ])
        let bytes = try PythonJSONWriter(options: .defaultSorted).encode(.object(payload))
        let signingInput = encodedHeader + "." + Base64URL.encode(bytes)
        let signature = try key.signature(for: Array(signingInput.utf8))
        return try OpenIntentUCAN(decoding: signingInput + "." + Base64URL.encode(signature), limits: limits)
    }

    /// Delegates `parent` as openintent's `UCANToken.attenuate` then `encode` do: issuer = the parent's audience,
    /// scope = ``OpenIntentScope/attenuated(by:)``, `exp` = the parent's, `prf` = the parent's `prf` + the parent
    /// token. Unlike openintent, the parent is embedded exactly as received (openintent re-signs it with the
    /// identity it is given; the bytes agree only when that identity is the parent's issuer).
    /// - Parameter key: the key of the parent's audience, who issues the new token.
    /// - Throws: `ucan.delegation_depth_exceeded` when the depth would fall below 0 (openintent: "Delegation depth
    ///   exceeded"); decode errors of `parent`.
    public static func attenuate(
        _ parent: OpenIntentUCAN, audience: String, scope: OpenIntentScope, notBefore: Int64, nonce: String,
        key: Ed25519.PrivateKey, limits: UCANLimits = defaultLimits
    ) throws(FederationError) -> OpenIntentUCAN {
        let narrowed = parent.scope.attenuated(by: scope)
        guard narrowed.maxDelegationDepth >= 0 else {
            throw FederationError(.ucanDelegationDepthExceeded, "the parent allows no further delegation")
        }
        return try mint(
            issuer: parent.audience.description, audience: audience, scope: narrowed, notBefore: notBefore,
            expiresAt: parent.expiresAt, nonce: nonce, proofs: parent.proofs + [parent.encoded], key: key,
            limits: limits)
    }
}
