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

    static let members: Set<String> = ["jti", "sub", "cap", "cns", "iat", "nbf", "exp"]

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
        guard let object = value.objectValue, object.keys.allSatisfy(Self.members.contains) else {
            throw FederationError(.tokenMalformed, "claims must be an object of jti, sub, cap, cns, iat, nbf, exp")
        }
        guard let jti = object["jti"]?.stringValue, (1...128).contains(jti.utf8.count),
            let sub = object["sub"]?.stringValue, let cap = object["cap"]?.stringValue,
            let iat = object["iat"]?.integerValue, let exp = object["exp"]?.integerValue
        else { throw FederationError(.tokenMalformed, "jti, sub, cap (strings), iat and exp (integers) are required") }
        let cns = object["cns"] ?? .object(JSONObject())
        guard let constraints = cns.objectValue else { throw FederationError(.tokenMalformed, "cns must be an object") }
        var nbf: Int64?
        if let value = object["nbf"] {
            guard let n = value.integerValue else { throw FederationError(.tokenMalformed, "nbf must be an integer") }
            nbf = n
        }
        self.init(
            tokenID: jti, principal: sub, capability: cap, constraints: constraints, issuedAt: iat, notBefore: nbf,
            expiresAt: exp)
    }
}
