import FederationSecurity

/// `token.weaver.*` (the native `token.native.*` operations come with the native token).
enum TokenOperations {
    static let handlers: [String: OperationHandler] = [
        "token.weaver.mint": { input throws(FederationError) in
            let token = try WeaverToken(json: Array(try input.string("token").utf8), requireSignature: false)
            return output([
                "signature": token.mint(secret: SecretBytes(Array(try input.string("secret").utf8))),
                "signable": String(decoding: token.signableBytes, as: UTF8.self),
            ])
        },
        "token.weaver.verify": { input throws(FederationError) in
            let token = try WeaverToken(json: Array(try input.string("token").utf8))
            let revoked = Set((input.fields["revoked"]?.arrayValue ?? []).compactMap(\.stringValue))
            try token.verify(
                secret: SecretBytes(Array(try input.string("secret").utf8)),
                expectedPrincipal: try input.string("expected_principal"),
                expectedCapability: try input.string("expected_capability"), now: try input.requireNow(),
                isRevoked: { revoked.contains($0) })
            return nil
        },
    ]
}
