/// The claims of a native kernel token. The kernel id travels in the token's MACed prefix, not in the claims.
public struct KernelTokenClaims: Sendable, Hashable {
    /// Token id (`jti`), 1–128 bytes: the revocation handle.
    public var tokenID: String
    /// The principal (`sub`) the token is issued to.
    public var principal: String
    /// The capability (`cap`) it authorises.
    public var capability: String
    /// Constraints (`cns`), evaluated by ``TokenConstraints``.
    public var constraints: JSONObject
    /// Issued at (`iat`), unix seconds.
    public var issuedAt: Int64
    /// Not before (`nbf`), unix seconds, optional.
    public var notBefore: Int64?
    /// Expiry (`exp`), unix seconds: valid while `now < exp + leeway`.
    public var expiresAt: Int64

    public init(
        tokenID: String, principal: String, capability: String, constraints: JSONObject = JSONObject(),
        issuedAt: Int64, notBefore: Int64? = nil, expiresAt: Int64
    ) {
        self.tokenID = tokenID
        self.principal = principal
        self.capability = capability
        self.constraints = constraints
        self.issuedAt = issuedAt
        self.notBefore = notBefore
        self.expiresAt = expiresAt
    }

    /// The claims object (`jti`, `sub`, `cap`, `cns`, `iat`, `nbf`?, `exp`).
    var json: JSONValue {
        var members: [JSONObject.Member] = [
            .init("jti", .string(tokenID)), .init("sub", .string(principal)), .init("cap", .string(capability)),
            .init("cns", .object(constraints)), .init("iat", .number(.integer(issuedAt))),
            .init("exp", .number(.integer(expiresAt))),
        ]
        if let notBefore { members.append(.init("nbf", .number(.integer(notBefore)))) }
        return .object(JSONObject(uniqueMembers: members))
    }

    /// Reads claims strictly: exactly the known members, right types, `jti` 1–128 bytes.
    /// - Throws: `token.malformed`.
    public init(parsing value: JSONValue) throws(FederationError) {
        guard let object = value.objectValue else { throw FederationError(.tokenMalformed, "claims must be an object") }
        // One pass over the members (keys are unique: the reader rejects duplicates).
        var jti: String?, sub: String?, cap: String?, iat: Int64?, exp: Int64?, nbf: Int64?
        var cns = JSONObject()
        for member in object {
            // Claim names are ASCII; for ASCII strings `==` (used by `switch`) is byte equality, whereas a non-ASCII
            // key could equal an ASCII name under Swift's canonical equivalence (U+212A KELVIN SIGN == "K").
            guard member.key.utf8.allSatisfy({ $0 < 0x80 }) else {
                throw FederationError(.tokenMalformed, "claim names are ASCII")
            }
            switch (member.key, member.value) {
            case ("jti", .string(let s)) where (1...128).contains(s.utf8.count): jti = s
            case ("sub", .string(let s)): sub = s
            case ("cap", .string(let s)): cap = s
            case ("cns", .object(let o)): cns = o
            case ("iat", .number(.integer(let n))): iat = n
            case ("exp", .number(.integer(let n))): exp = n
            case ("nbf", .number(.integer(let n))): nbf = n
            default:
                throw FederationError(.tokenMalformed, "claim \(member.key) is unknown or of the wrong type")
            }
        }
        guard let jti, let sub, let cap, let iat, let exp else {
            throw FederationError(.tokenMalformed, "jti, sub, cap (strings), iat and exp (integers) are required")
        }
        self.init(
            tokenID: jti, principal: sub, capability: cap, constraints: cns, issuedAt: iat, notBefore: nbf,
            expiresAt: exp)
    }
}
