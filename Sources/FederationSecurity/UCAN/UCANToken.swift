/// A decoded UCAN 0.10 token (ucan-wg spec v0.10.0 §3): a JWT whose header is `{"alg","typ":"JWT"}` and whose payload
/// carries `ucv`, `iss`, `aud`, `nbf`, `exp`, `nnc`, `fct`, `cap` and `prf`.
///
/// Decoding checks form only; ``UCANVerifier`` checks signatures, time and delegation. The token keeps the text it
/// was decoded from: signatures are verified over those bytes, never over a re-encoding.
public struct UCANToken: Sendable, Hashable {
    /// The token text as received.
    public let encoded: String
    /// The header object.
    public let header: JSONObject
    /// The payload object.
    public let payload: JSONObject
    /// `ucv`, a semantic version 0.10.x.
    public let version: String
    /// `iss`, a DID (a fragment names the signing key).
    public let issuer: DIDURL
    /// `aud`, a DID.
    public let audience: DIDURL
    /// `nbf`; `nil` when absent (valid from the epoch, §3.2.3).
    public let notBefore: Int64?
    /// `exp`; `nil` when `null` (never expires, §3.2.3).
    public let expiration: Int64?
    /// `nnc`.
    public let nonce: String?
    /// `fct`.
    public let facts: JSONObject?
    /// `cap`.
    public let capabilities: UCANCapabilities
    /// `prf`: canonical CIDs of the proofs.
    public let proofs: [CID]
    /// The 64-byte Ed25519 signature.
    public let signature: [UInt8]
    /// Bytes of `encoded` before the second `.`: the JWS signing input (RFC 7515 §5.1).
    let signingInputLength: Int

    /// The JWS signing input, `BASE64URL(header) "." BASE64URL(payload)`, as received.
    public var signingInput: Substring.UTF8View {
        encoded.utf8.prefix(signingInputLength)
    }

    /// The canonical CID of the token (UCAN 0.10 §6.5.1).
    public var cid: CID { CID.rawSHA256(of: encoded.utf8) }

    /// The encoded signature part (base64url).
    public var encodedSignature: String {
        String(Substring(encoded.utf8.dropFirst(signingInputLength + 1)))
    }

    /// Lower bound of the time bounds: `nbf`, or the epoch.
    var validFrom: Int64 { notBefore ?? 0 }
}
