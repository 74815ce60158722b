import FederationSecurity

/// `token.native.*`, `token.weaver.*`.
enum TokenOperations {
    static let handlers: [String: OperationHandler] = [
        "token.native.mint": { input throws(FederationError) in
            let kid = try input.string("kid")
            let keys = try KernelKeyRing([kid: SecretBytes(try input.bytes("master"))])
            let claims = try KernelTokenClaims(parsing: try JSONReader().parse(try input.string("claims")))
            return output([
                "token": try KernelToken.mint(claims, kernel: try input.string("kernel"), kid: kid, keys: keys)
            ])
        },
        "token.native.verify": { input throws(FederationError) in
            guard let keyHex = input.fields["keys"]?.objectValue else {
                throw OperationInput.bad("keys must be an object")
            }
            var masters: [String: SecretBytes] = [:]
            for member in keyHex {
                guard let hex = member.value.stringValue, let bytes = try? Hex.decode(hex) else {
                    throw OperationInput.bad("keys.\(member.key)")
                }
                masters[member.key] = SecretBytes(bytes)
            }
            let store = InMemoryRevocationStore()
            let now = try input.requireNow()
            for id in try input.optionalStringArray("revoked") {
                store.revoke(id, expiresAt: now + 86_400, now: now)
            }
            let request = try input.optionalString("request").map { (text) throws(FederationError) in
                try JSONReader().parse(text).objectValue
            }
            let claims = try KernelToken.verify(
                try input.string("token"),
                expecting: .init(
                    kernel: try input.string("expected_kernel"), principal: try input.string("expected_principal"),
                    capability: try input.string("expected_capability"), request: request ?? nil, now: now,
                    leeway: try input.optionalInteger("leeway") ?? 60),
                keys: try KernelKeyRing(masters), revocations: store)
            return output(["token_id": claims.tokenID])
        },
        "token.weaver.mint": { input throws(FederationError) in
            let token = try WeaverToken(json: Array(try input.string("token").utf8), requireSignature: false)
            return output([
                "signature": token.mint(secret: SecretBytes(Array(try input.string("secret").utf8))),
                "signable": String(decoding: token.signableBytes, as: UTF8.self),
            ])
        },
        "token.weaver.verify": { input throws(FederationError) in
            let token = try WeaverToken(json: Array(try input.string("token").utf8))
            let revoked = Set(try input.optionalStringArray("revoked"))
            let request = try input.optionalString("request").map { (text) throws(FederationError) in
                try JSONReader().parse(text).objectValue
            }
            try token.verify(
                secret: SecretBytes(Array(try input.string("secret").utf8)),
                expectedPrincipal: try input.string("expected_principal"),
                expectedCapability: try input.string("expected_capability"), now: try input.requireNow(),
                request: request ?? nil, isRevoked: { revoked.contains($0) })
            return nil
        },
    ]
}
