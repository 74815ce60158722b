/// A UCAN 0.10 revocation record (§6.6): `{"iss": did, "revoke": cid, "challenge": base64url(sign("REVOKE:" + cid))}`.
///
/// A record takes effect on a token only when its issuer is the token's issuer or the issuer of a token in its
/// proof chain; ``UCANVerifier`` checks that, the ``UCANRevocationList`` checks the signature when a record is added.
public struct UCANRevocation: Sendable, Hashable {
    /// The revoker's DID (a fragment names the signing key).
    public let issuer: DIDURL
    /// The canonical CID of the revoked token.
    public let revoked: CID
    /// The Ed25519 signature of `REVOKE:<cid>`.
    public let challenge: [UInt8]

    /// The largest record text accepted.
    public static let maxBytes = 4096

    /// Signs a revocation of `cid` with `key`; the issuer is the key's did:key.
    /// - Throws: `crypto.backend_failure`.
    public static func create(revoking cid: CID, key: Ed25519.PrivateKey) throws(FederationError) -> UCANRevocation {
        let issuer = try DIDURL(DIDKey(publicKey: key.publicKey).did)
        return UCANRevocation(issuer: issuer, revoked: cid, challenge: try key.signature(for: message(cid)))
    }

    init(issuer: DIDURL, revoked: CID, challenge: [UInt8]) {
        self.issuer = issuer
        self.revoked = revoked
        self.challenge = challenge
    }

    /// Decodes a record strictly: exactly the three members, strings, a DID, a canonical CID, a 64-byte signature.
    /// - Throws: `ucan.invalid_revocation`.
    public init(json bytes: some Collection<UInt8>) throws(FederationError) {
        let value: JSONValue
        do {
            value = try JSONReader(limits: .init(maxBytes: Self.maxBytes, maxDepth: 2)).parse(bytes)
        } catch {
            throw Self.invalid("not strict JSON (\(error.code))")
        }
        guard let object = value.objectValue, Set(object.keys) == ["iss", "revoke", "challenge"], object.count == 3,
            let iss = object["iss"]?.stringValue, let revoke = object["revoke"]?.stringValue,
            let challenge = object["challenge"]?.stringValue
        else { throw Self.invalid("a revocation is {\"iss\", \"revoke\", \"challenge\"}, all strings") }
        do {
            self.issuer = try DIDURL(iss)
            self.revoked = try CID(parsing: revoke)
            self.challenge = try Base64URL.decode(challenge)
        } catch {
            throw Self.invalid("member does not decode (\(error.code))")
        }
        guard revoked.isCanonicalUCAN, self.challenge.count == Ed25519.signatureByteCount else {
            throw Self.invalid("revoke must be a canonical CID and challenge a 64-byte signature")
        }
    }

    /// The record as RFC 8785 JSON.
    public var json: String {
        let object = JSONObject(uniqueMembers: [
            .init("challenge", .string(Base64URL.encode(challenge))), .init("iss", .string(issuer.description)),
            .init("revoke", .string(revoked.description)),
        ])
        return (try? CanonicalJSON.encodeString(.object(object))) ?? ""
    }

    /// Checks the challenge signature under the issuer's key.
    /// - Throws: `did.*` from the resolver, `ucan.invalid_revocation` when the signature does not verify.
    public func verifySignature(resolver: any KeyResolver, now: Int64) async throws(FederationError) {
        let key = try await resolver.resolveKey(issuer.description, now: now)
        guard key.isValidSignature(challenge, for: Self.message(revoked)) else {
            throw Self.invalid("challenge signature does not verify")
        }
    }

    static func message(_ cid: CID) -> [UInt8] {
        Array("REVOKE:\(cid)".utf8)
    }

    static func invalid(_ reason: String) -> FederationError {
        FederationError(.ucanInvalidRevocation, reason)
    }
}
