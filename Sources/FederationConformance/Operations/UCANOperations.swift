import FederationSecurity

/// `ucan.build`, `ucan.cid`, `ucan.verify`, `ucan.revocation.create` (UCAN 0.10, `Spec/ucan.md`).
enum UCANOperations {
    static let handlers: [String: OperationHandler] = [
        "ucan.build": { input throws(FederationError) in
            let key = try Ed25519.PrivateKey(seed: SecretBytes(try input.bytes("seed")))
            guard let cap = input.fields["capabilities"] else { throw OperationInput.bad("input.capabilities") }
            let claims = UCANBuilder.Claims(
                audience: try input.string("audience"), expiration: try nullableInteger(input, "expiration"),
                notBefore: try input.optionalInteger("not_before"), nonce: try input.optionalString("nonce"),
                facts: try optionalObject(input, "facts"), capabilities: try UCANCapabilities(parsing: cap),
                proofs: try input.optionalStringArray("proofs").map { (s) throws(FederationError) in try CID(parsing: s)
                },
                version: try input.optionalString("version") ?? "0.10.0")
            return output(["token": try UCANBuilder.build(claims, key: key).encoded])
        },
        "ucan.cid": { input throws(FederationError) in
            let token = Array(try input.string("token").utf8)
            switch try input.optionalString("hasher") ?? "SHA2-256" {
            case "SHA2-256": return output(["cid": CID.rawSHA256(of: token).description])
            case "BLAKE3-256": return output(["cid": CID.rawBLAKE3(of: token).description])
            case let other: throw OperationInput.bad("unknown hasher \(other)")
            }
        },
        "ucan.verify": { input throws(FederationError) in
            let now = try input.requireNow()
            let store = InMemoryProofStore()
            for member in try optionalObject(input, "proofs") ?? JSONObject() {
                guard let text = member.value.stringValue, let cid = try? CID(parsing: member.key) else {
                    throw OperationInput.bad("proofs must map CIDs to token strings")
                }
                store.add(text, as: cid)
            }
            var lists: [String: Set<String>] = [:]
            for member in try optionalObject(input, "narrowing_lists") ?? JSONObject() {
                guard let fields = member.value.arrayValue?.compactMap(\.stringValue) else {
                    throw OperationInput.bad("narrowing_lists maps abilities to arrays of field names")
                }
                lists[member.key] = Set(fields)
            }
            let resolver = DIDKeyResolver()
            let revocations = UCANRevocationList()
            for record in try input.optionalStringArray("revocations") {
                try await revocations.add(UCANRevocation(json: Array(record.utf8)), resolver: resolver, now: now)
            }
            let verifier = UCANVerifier(resolver: resolver, proofs: store, revocations: revocations)
            let result = try await verifier.verify(
                try input.string("token"),
                options: .init(
                    now: now, leeway: try input.optionalInteger("leeway") ?? 0,
                    audience: try input.optionalString("audience"), rules: UCANAttenuationRules(narrowingLists: lists)))
            return JSONObject(uniqueMembers: [
                .init("header", .object(result.token.header)), .init("payload", .object(result.token.payload)),
                .init("signature", .string(result.token.encodedSignature)),
            ])
        },
        "ucan.revocation.create": { input throws(FederationError) in
            let key = try Ed25519.PrivateKey(seed: SecretBytes(try input.bytes("seed")))
            let cid = CID.rawSHA256(of: Array(try input.string("token").utf8))
            return output(["revocation": try UCANRevocation.create(revoking: cid, key: key).json])
        },
    ]

    /// An integer or `null` (required).
    static func nullableInteger(_ input: OperationInput, _ key: String) throws(FederationError) -> Int64? {
        guard let value = input.fields[key] else { throw OperationInput.bad("input.\(key) is required (or null)") }
        if value == .null { return nil }
        guard let n = value.integerValue else { throw OperationInput.bad("input.\(key) must be an integer or null") }
        return n
    }

    static func optionalObject(_ input: OperationInput, _ key: String) throws(FederationError) -> JSONObject? {
        guard let value = input.fields[key] else { return nil }
        guard let object = value.objectValue else { throw OperationInput.bad("input.\(key) must be an object") }
        return object
    }
}
