import FederationSecurity

/// Reads the request-signing inputs of `Spec/request-signing.md` ("The message", "Keys").
enum RequestInput {
    /// The message: `method` + `target_uri` (or `status` when allowed), `headers`, and `body` when allowed.
    static func message(_ input: OperationInput, body: Bool, allowStatus: Bool) throws(FederationError)
        -> SignableMessage
    {
        guard let headerValues = input.fields["headers"]?.arrayValue else {
            throw OperationInput.bad("headers must be an array of [name, value]")
        }
        var fields: [SignableMessage.FieldLine] = []
        for pair in headerValues {
            guard let items = pair.arrayValue, items.count == 2, let name = items[0].stringValue,
                let value = items[1].stringValue
            else { throw OperationInput.bad("headers[] must be [name, value] strings") }
            fields.append(.init(name: name, value: value))
        }
        let bytes = body && input.fields["body"] != nil ? try input.bytes("body") : []
        if allowStatus, input.fields["status"] != nil {
            let status = try input.integer("status")
            guard (100...999).contains(status) else { throw OperationInput.bad("status must be 100…999") }
            return SignableMessage(control: .response(status: Int(status)), fields: fields, body: bytes)
        }
        return try SignableMessage(
            method: try input.string("method"), targetURI: try input.string("target_uri"), fields: fields, body: bytes)
    }

    /// A key object; `signing` selects `seed` (else `public_key`) for ed25519.
    static func key(_ object: JSONObject, signing: Bool) throws(FederationError) -> RequestSigningKey {
        func field(_ name: String) throws(FederationError) -> String {
            guard let s = object[name]?.stringValue else { throw OperationInput.bad("key.\(name) must be a string") }
            return s
        }
        func hex(_ name: String) throws(FederationError) -> [UInt8] {
            guard let bytes = try? Hex.decode(try field(name)) else {
                throw OperationInput.bad("key.\(name) is not hex")
            }
            return bytes
        }
        let keyID = try field("keyid")
        guard object.count == 3 else { throw OperationInput.bad("a key has exactly keyid, alg and its material") }
        switch try field("alg") {
        case "hmac-sha256":
            return try .hmacSHA256(keyID: keyID, secret: SecretBytes(try hex("secret")))
        case "ed25519" where signing:
            return .ed25519(keyID: keyID, privateKey: try Ed25519.PrivateKey(seed: SecretBytes(try hex("seed"))))
        case "ed25519":
            return .ed25519(keyID: keyID, publicKey: try Ed25519.PublicKey(rawRepresentation: try hex("public_key")))
        default:
            throw OperationInput.bad("key.alg must be hmac-sha256 or ed25519")
        }
    }

    static func object(_ input: OperationInput, _ name: String) throws(FederationError) -> JSONObject {
        guard let object = input.fields[name]?.objectValue else {
            throw OperationInput.bad("\(name) must be an object")
        }
        return object
    }

    static func digestAlgorithm(_ name: String) throws(FederationError) -> ContentDigest.Algorithm {
        guard let algorithm = ContentDigest.Algorithm(rawValue: name) else {
            throw OperationInput.bad("algorithm must be sha-256 or sha-512")
        }
        return algorithm
    }

    /// `window` (or `max_age`) and `skew`, defaults 300 and 30.
    static func window(_ input: OperationInput, windowKey: String) throws(FederationError) -> ReplayWindow {
        let window = try input.optionalInteger(windowKey) ?? 300
        let skew = try input.optionalInteger("skew") ?? 30
        let range = 0...ReplayWindow.maxSeconds
        guard range.contains(window), range.contains(skew) else {
            throw OperationInput.bad("\(windowKey) and skew must be 0…\(ReplayWindow.maxSeconds)")
        }
        return ReplayWindow(window: window, skew: skew)
    }
}

extension OperationInput {
    /// A required array of strings.
    func stringArray(_ key: String) throws(FederationError) -> [String] {
        guard fields[key] != nil else { throw Self.bad("input.\(key) must be an array of strings") }
        return try optionalStringArray(key)
    }

    func optionalBool(_ key: String) throws(FederationError) -> Bool? {
        fields[key] == nil ? nil : try bool(key)
    }
}
