extension OpenIntentUCAN {
    /// Bounds for the openintent profile. Its chains inline whole ancestors, so a token grows about 2.3× per hop: a
    /// larger text limit, a shorter chain.
    public static let defaultLimits = UCANLimits(maxTokenBytes: 256 * 1024, maxChainDepth: 8, maxJSONDepth: 8)

    static let payloadFields: Set<String> = ["iss", "aud", "scope", "nbf", "exp", "nonce", "prf"]
    /// `{"alg": "EdDSA", "typ": "UCAN"}`, decoded.
    static let headerObject = JSONObject(uniqueMembers: [.init("alg", .string("EdDSA")), .init("typ", .string("UCAN"))])

    /// Decodes strictly (openintent itself reads any three-part text leniently). Checks, in order: size
    /// (`ucan.too_large`); three non-empty strict base64url parts, JSON objects, only openintent's members
    /// (`ucan.malformed`); header `alg`, `typ` present (`ucan.missing_field`), `typ` = `UCAN` (`ucan.incorrect_type`),
    /// `alg` = `EdDSA` (`ucan.unsupported_algorithm`); every payload member present (`ucan.missing_field`) and of
    /// its type (`ucan.incorrect_type`); at most ``UCANLimits/maxChainDepth`` − 1 proofs (`ucan.chain_too_deep`);
    /// a 64-byte signature (`ucan.malformed`).
    public init(decoding text: String, limits: UCANLimits = defaultLimits) throws(FederationError) {
        guard text.utf8.count <= limits.maxTokenBytes else {
            throw FederationError(.ucanTooLarge, "token over \(limits.maxTokenBytes) bytes")
        }
        let (header, payload, signature, signingInputLength) = try UCANToken.split(
            text, limits: limits, headerFields: ["alg", "typ"], payloadFields: Self.payloadFields,
            knownHeader: (Self.encodedHeader, Self.headerObject))
        guard let alg = header["alg"] else { throw FederationError(.ucanMissingField, "header has no alg") }
        guard let typ = header["typ"] else { throw FederationError(.ucanMissingField, "header has no typ") }
        guard let algName = alg.stringValue else { throw UCANToken.wrong("alg must be a string") }
        guard typ.stringValue == "UCAN" else { throw UCANToken.wrong("typ must be the string UCAN") }
        guard algName == "EdDSA" else {
            throw FederationError(.ucanUnsupportedAlgorithm, "alg \(algName.prefix(16)) is not EdDSA")
        }
        for name in ["iss", "aud", "scope", "nbf", "exp", "nonce", "prf"] where payload[name] == nil {
            throw FederationError(.ucanMissingField, "payload has no \(name)")
        }
        issuer = try UCANToken.did(payload["iss"], name: "iss")
        audience = try UCANToken.did(payload["aud"], name: "aud")
        scope = try OpenIntentScope(parsing: payload["scope"]!)
        notBefore = try UCANToken.time(payload["nbf"]!, name: "nbf")
        expiresAt = try UCANToken.time(payload["exp"]!, name: "exp")
        guard let nonce = payload["nonce"]?.stringValue else { throw UCANToken.wrong("nonce must be a string") }
        self.nonce = nonce
        guard let list = payload["prf"]?.arrayValue else { throw UCANToken.wrong("prf must be an array") }
        guard list.count < limits.maxChainDepth else {
            throw FederationError(.ucanChainTooDeep, "\(list.count) proofs: chains are at most \(limits.maxChainDepth)")
        }
        var proofs: [String] = []
        for item in list {
            guard let s = item.stringValue else { throw UCANToken.wrong("prf entries must be token strings") }
            proofs.append(s)
        }
        self.proofs = proofs
        guard signature.count == Ed25519.signatureByteCount else {
            throw UCANToken.malformed("an EdDSA signature is 64 bytes, got \(signature.count)")
        }
        self.signature = signature
        self.encoded = text
        self.signingInputLength = signingInputLength
    }
}
