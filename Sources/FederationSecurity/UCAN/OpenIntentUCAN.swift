/// A token of openintent 0.17's `UCANToken` (the *openintent profile*, `Spec/ucan.md`): a JWT with header
/// `{"alg": "EdDSA", "typ": "UCAN"}` and payload `json.dumps({iss, aud, scope, nbf, exp, nonce, prf},
/// sort_keys=True)`, where `prf` holds the whole parent tokens, root first.
///
/// openintent decodes these without checking any signature; ``verify(_:options:resolver:cache:)`` is the verifier
/// it lacks.
public struct OpenIntentUCAN: Sendable, Hashable {
    /// The token text as received.
    public let encoded: String
    /// `iss`, a DID (openintent: `did:web:<host>`).
    public let issuer: DIDURL
    /// `aud`.
    public let audience: DIDURL
    public let scope: OpenIntentScope
    /// `nbf`.
    public let notBefore: Int64
    /// `exp`.
    public let expiresAt: Int64
    public let nonce: String
    /// `prf`: the parent tokens, root first.
    public let proofs: [String]
    public let signature: [UInt8]
    let signingInputLength: Int

    /// The signing input as received.
    public var signingInput: Substring.UTF8View { encoded.utf8.prefix(signingInputLength) }

    /// The payload as openintent's `UCANToken.to_dict()` (what `UCANToken.decode(token).to_dict()` returns).
    public var json: JSONObject {
        JSONObject(uniqueMembers: [
            .init("iss", .string(issuer.description)), .init("aud", .string(audience.description)),
            .init("scope", .object(scope.json)), .init("nbf", .number(.integer(notBefore))),
            .init("exp", .number(.integer(expiresAt))), .init("nonce", .string(nonce)),
            .init("prf", .array(proofs.map { .string($0) })),
        ])
    }

    /// `BASE64URL('{"alg": "EdDSA", "typ": "UCAN"}')`, openintent's header (Python's default separators).
    public static let encodedHeader = Base64URL.encode(Array(#"{"alg": "EdDSA", "typ": "UCAN"}"#.utf8))
}
