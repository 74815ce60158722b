import FederationSecurity

/// `ucan.openintent.*`: the openintent 0.17 `UCANToken` profile (`Spec/ucan.md`).
enum OpenIntentUCANOperations {
    static let handlers: [String: OperationHandler] = [
        "ucan.openintent.decode": { input throws(FederationError) in
            try OpenIntentUCAN(decoding: try input.string("token")).json
        },
        "ucan.openintent.mint": { input throws(FederationError) in
            let token = try OpenIntentUCAN.mint(
                issuer: try input.string("issuer"), audience: try input.string("audience"),
                scope: try scope(input, "scope"), notBefore: try input.integer("nbf"),
                expiresAt: try input.integer("exp"), nonce: try input.string("nonce"),
                proofs: try input.optionalStringArray("proofs"), key: try key(input))
            return output(["token": token.encoded])
        },
        "ucan.openintent.attenuate": { input throws(FederationError) in
            let token = try OpenIntentUCAN.attenuate(
                try OpenIntentUCAN(decoding: try input.string("parent")), audience: try input.string("audience"),
                scope: try scope(input, "scope"), notBefore: try input.integer("nbf"),
                nonce: try input.string("nonce"), key: try key(input))
            return output(["token": token.encoded])
        },
        "ucan.openintent.verify": { input throws(FederationError) in
            var documents: [String: [UInt8]] = [:]
            for member in try UCANOperations.optionalObject(input, "documents") ?? JSONObject() {
                guard let text = member.value.stringValue else {
                    throw OperationInput.bad("documents maps did:web DIDs to DID document JSON text")
                }
                documents[member.key] = Array(text.utf8)
            }
            let known = documents
            let resolver = DIDKeyResolver(webDocuments: { did, _ in known[did] }, compatibility: .openIntentPort)
            let result = try await OpenIntentUCAN.verify(
                try input.string("token"),
                options: .init(
                    now: try input.requireNow(), leeway: try input.optionalInteger("leeway") ?? 0,
                    audience: try input.optionalString("audience")),
                resolver: resolver)
            return JSONObject(uniqueMembers: [
                .init("scope", .object(result.token.scope.json)),
                .init("chain_length", .number(.integer(Int64(result.chainLength)))),
            ])
        },
    ]

    static func key(_ input: OperationInput) throws(FederationError) -> Ed25519.PrivateKey {
        try Ed25519.PrivateKey(seed: SecretBytes(try input.bytes("seed")))
    }

    static func scope(_ input: OperationInput, _ name: String) throws(FederationError) -> OpenIntentScope {
        guard let value = input.fields[name] else { throw OperationInput.bad("input.\(name) is required") }
        return try OpenIntentScope(parsing: value)
    }
}
