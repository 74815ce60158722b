import FederationSecurity
import Testing

/// weaver-kernel tokens' constraints: unchecked without a request (as weaver-kernel's own verify), evaluated and
/// failing closed with one.
@Suite struct WeaverTokenConstraintTests {
    static let secret = SecretBytes(Array("kernel-a-secret".utf8))

    /// An unsigned token with `constraints`, signed here with ``secret``.
    static func token(_ constraints: String) throws -> WeaverToken {
        let members = """
            "token_id":"t1","capability_id":"db.query","principal_id":"agent-7",\
            "issued_at":"2026-01-02T03:04:05+00:00","expires_at":"2026-01-02T04:04:05+00:00",\
            "constraints":\(constraints),"audit_id":""
            """
        let draft = try WeaverToken(json: Array("{\(members)}".utf8), requireSignature: false)
        let signed = "{\(members),\"signature\":\"\(draft.mint(secret: secret))\"}"
        return try WeaverToken(json: Array(signed.utf8))
    }

    func verify(_ token: WeaverToken, request: JSONObject?) throws(FederationError) {
        try token.verify(
            secret: Self.secret, expectedPrincipal: "agent-7", expectedCapability: "db.query", now: 1_767_323_100,
            request: request)
    }

    @Test func constraintsAreEvaluatedAgainstARequest() throws {
        let pinned = try Self.token(#"{"max_rows":10,"args":{"table":{"pinned":"orders"}}}"#)
        try verify(pinned, request: nil)  // as weaver-kernel: the caller's policy engine decides
        try verify(
            pinned, request: try JSONReader().parse(Array(#"{"rows":5,"args":{"table":"orders"}}"#.utf8)).objectValue)
        #expect(throws: FederationError(.tokenConstraintViolation)) {
            try verify(pinned, request: try JSONReader().parse(Array(#"{"args":{"table":"users"}}"#.utf8)).objectValue)
        }
        #expect(throws: FederationError(.tokenConstraintViolation)) {
            try verify(
                pinned,
                request: try JSONReader().parse(Array(#"{"rows":11,"args":{"table":"orders"}}"#.utf8)).objectValue)
        }
        let scoped = try Self.token(#"{"scope":"db:read"}"#)
        try verify(scoped, request: nil)
        #expect(throws: FederationError(.tokenUnknownConstraint)) { try verify(scoped, request: JSONObject()) }
    }
}
