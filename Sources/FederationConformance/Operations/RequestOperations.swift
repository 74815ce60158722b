import FederationSecurity

/// `request.rfc9421.*`, `request.content_digest.compute`, `request.agentvault.*`, `request.replay.sequence`
/// (`Spec/request-signing.md`).
enum RequestOperations {
    static let handlers: [String: OperationHandler] = [
        "request.rfc9421.signature_base": { input throws(FederationError) in
            let message = try RequestInput.message(input, body: false, allowStatus: true)
            let parameters = try SignatureParameters(parsing: try input.string("signature_params"))
            let base = try SignatureBase.build(for: message, parameters: parameters)
            return output(["signature_base": String(decoding: base, as: UTF8.self)])
        },
        "request.rfc9421.sign": { input throws(FederationError) in try sign(input) },
        "request.rfc9421.verify": { input throws(FederationError) in
            try await verify(input, store: InMemoryReplayStore(capacity: 64), now: try input.requireNow())
        },
        "request.content_digest.compute": { input throws(FederationError) in
            let algorithm = try RequestInput.digestAlgorithm(try input.string("algorithm"))
            return output(["content_digest": ContentDigest.field(for: try input.bytes("body"), algorithm: algorithm)])
        },
        "request.agentvault.sign": { input throws(FederationError) in
            let key = try HMACSHA256.Key(SecretBytes(try input.bytes("secret")))
            let (method, path, body) = (try input.string("method"), try input.string("path"), try input.bytes("body"))
            let timestamp = try input.integer("timestamp")
            return output([
                "signature": AgentVaultSignature.sign(
                    method: method, path: path, body: body, timestamp: timestamp, key: key),
                "message": Hex.encode(
                    AgentVaultSignature.message(method: method, path: path, body: body, timestamp: timestamp)),
            ])
        },
        "request.agentvault.verify": { input throws(FederationError) in
            try await agentVaultVerify(input, store: InMemoryReplayStore(capacity: 64), now: try input.requireNow())
        },
        "request.replay.sequence": { input throws(FederationError) in try await sequence(input) },
    ]

    static func sign(_ input: OperationInput) throws(FederationError) -> JSONObject {
        var message = try RequestInput.message(input, body: true, allowStatus: false)
        let key = try RequestInput.key(try RequestInput.object(input, "key"), signing: true)
        let digest = try input.optionalString("content_digest").map { (name) throws(FederationError) in
            ContentDigest.field(for: message.body, algorithm: try RequestInput.digestAlgorithm(name))
        }
        if let digest { message.append(name: "content-digest", value: digest) }
        var components: [ComponentIdentifier] = []
        for text in try input.stringArray("components") { components.append(try ComponentIdentifier(parsing: text)) }
        let signature = try RFC9421Signer.sign(
            message, key: key, label: try input.string("label"), components: components,
            created: try input.integer("created"), expires: try input.optionalInteger("expires"),
            nonce: try input.optionalString("nonce"), tag: try input.optionalString("tag"),
            includeAlgorithm: try input.optionalBool("include_alg") ?? false)
        var members = [
            JSONObject.Member("signature_input", .string(signature.signatureInput)),
            JSONObject.Member("signature", .string(signature.signature)),
            JSONObject.Member("signature_base", .string(String(decoding: signature.signatureBase, as: UTF8.self))),
        ]
        if let digest { members.append(JSONObject.Member("content_digest", .string(digest))) }
        return JSONObject(uniqueMembers: members)
    }

    static func verify(_ input: OperationInput, store: any ReplayStore, now: Int64) async throws(FederationError)
        -> JSONObject?
    {
        let message = try RequestInput.message(input, body: true, allowStatus: false)
        guard let keyValues = input.fields["keys"]?.arrayValue else {
            throw OperationInput.bad("keys must be an array")
        }
        var keys: [RequestSigningKey] = []
        for value in keyValues {
            guard let object = value.objectValue else { throw OperationInput.bad("keys[] must be objects") }
            let key = try RequestInput.key(object, signing: false)
            guard !keys.contains(where: { $0.keyID == key.keyID }) else {
                throw OperationInput.bad("keys[] has keyid \(key.keyID) twice")
            }
            keys.append(key)
        }
        var required: [ComponentIdentifier] = []
        for text in try input.optionalStringArray("required_components") {
            required.append(try ComponentIdentifier(parsing: text))
        }
        let window = try RequestInput.window(input, windowKey: "window")
        // A vector states its coverage rules: none unless it lists them (RFC 9421's examples cover little).
        let policy = RFC9421Verifier.Policy(
            window: window, requiredComponents: required,
            requiresDigestOfContent: try input.optionalBool("require_content_digest") ?? false)
        let verifier = RFC9421Verifier(keys: RequestKeySet(keys), policy: policy, replayStore: store)
        let verified = try await verifier.verify(message, label: try input.optionalString("label"), now: now)
        return output(["label": verified.label, "keyid": verified.keyID])
    }

    static func agentVaultVerify(_ input: OperationInput, store: any ReplayStore, now: Int64)
        async throws(FederationError) -> JSONObject?
    {
        let key = try HMACSHA256.Key(SecretBytes(try input.bytes("secret")))
        try await AgentVaultSignature.verify(
            try input.string("signature"), method: try input.string("method"), path: try input.string("path"),
            body: try input.bytes("body"), key: key, window: try RequestInput.window(input, windowKey: "max_age"),
            replayStore: store, now: now)
        return nil
    }

    static func sequence(_ input: OperationInput) async throws(FederationError) -> JSONObject? {
        let capacity = try input.optionalInteger("capacity") ?? 1024
        guard (1...1024).contains(capacity), capacity & (capacity - 1) == 0 else {
            throw OperationInput.bad("capacity must be a power of two, 1…1024")
        }
        let store = InMemoryReplayStore(capacity: Int(capacity))
        guard let steps = input.fields["steps"]?.arrayValue, !steps.isEmpty else {
            throw OperationInput.bad("steps must be a non-empty array")
        }
        var results: [JSONValue] = []
        for (n, step) in steps.enumerated() {
            guard let object = step.objectValue, let op = object["op"]?.stringValue,
                let now = object["now"]?.integerValue,
                let stepInput = object["input"]?.objectValue, object.count == 3
            else { throw OperationInput.bad("steps[\(n)] must be {op, now, input}") }
            let nested = OperationInput(stepInput, now: now)
            do throws(FederationError) {
                switch op {
                case "request.rfc9421.verify": _ = try await verify(nested, store: store, now: now)
                case "request.agentvault.verify": _ = try await agentVaultVerify(nested, store: store, now: now)
                default: throw OperationInput.bad("steps[\(n)].op \(op) cannot be sequenced")
                }
                results.append(.string("valid"))
            } catch let error where error.code != .conformanceInvalidInput {
                results.append(.string(error.code.rawValue))
            }
            guard nested.fields.unread.isEmpty else {
                throw OperationInput.bad(
                    "steps[\(n)] does not read input.\(nested.fields.unread.joined(separator: ", "))")
            }
        }
        return JSONObject(uniqueMembers: [JSONObject.Member("results", .array(results))])
    }
}
