extension UCANToken {
    /// The header members UCAN 0.10 defines (§3.1); any other member is rejected.
    static let headerFields: Set<String> = ["alg", "typ"]
    /// The payload members UCAN 0.10 defines (§3.2); any other member is rejected (fail closed).
    static let payloadFields: Set<String> = ["ucv", "iss", "aud", "nbf", "exp", "nnc", "fct", "cap", "prf"]

    /// Decodes a token strictly. Checks, in order (the first failure is reported):
    /// 1. size (`ucan.too_large`); 2. three non-empty strict base64url parts whose first two are JSON objects without
    ///    duplicate keys and with no member outside §3 (`ucan.malformed`); 3. header `alg` and `typ` present
    ///    (`ucan.missing_field`), strings, `typ` = `JWT` (`ucan.incorrect_type`), `alg` = `EdDSA`
    ///    (`ucan.unsupported_algorithm`); 4. payload `ucv`, `iss`, `aud`, `exp`, `cap` present (`ucan.missing_field`);
    ///    5. their types and forms (`ucan.incorrect_type`), `ucv` 0.10.x (`ucan.unsupported_version`), `prf` entries
    ///    canonical CIDs (`ucan.invalid_proof`); 6. a 64-byte signature (`ucan.malformed`).
    /// - Throws: the codes above, `ucan.too_many_proofs`, `ucan.too_many_capabilities`.
    public init(decoding text: String, limits: UCANLimits = .default) throws(FederationError) {
        guard text.utf8.count <= limits.maxTokenBytes else {
            throw FederationError(.ucanTooLarge, "token over \(limits.maxTokenBytes) bytes")
        }
        let utf8 = text.utf8
        var dots: [String.Index] = []
        for i in utf8.indices where utf8[i] == UInt8(ascii: ".") {
            dots.append(i)
            if dots.count > 2 { break }
        }
        guard dots.count == 2 else { throw Self.malformed("a UCAN is header.payload.signature") }
        let parts = [
            text[..<dots[0]], text[utf8.index(after: dots[0])..<dots[1]], text[utf8.index(after: dots[1])...],
        ]
        guard parts.allSatisfy({ !$0.isEmpty }) else { throw Self.malformed("empty JWT part") }
        let reader = JSONReader(limits: .init(maxBytes: limits.maxTokenBytes, maxDepth: limits.maxJSONDepth))
        let header = try Self.object(parts[0], reader: reader, name: "header", allowed: Self.headerFields)
        let payload = try Self.object(parts[1], reader: reader, name: "payload", allowed: Self.payloadFields)
        let signature: [UInt8]
        do {
            signature = try Base64URL.decode(parts[2])
        } catch {
            throw Self.malformed("signature is not unpadded base64url (\(error.code))")
        }
        try Self.checkHeader(header)
        for name in ["ucv", "iss", "aud", "exp", "cap"] where payload[name] == nil {
            throw FederationError(.ucanMissingField, "payload has no \(name)")
        }
        self.encoded = text
        self.header = header
        self.payload = payload
        self.version = try Self.version(payload["ucv"])
        self.issuer = try Self.did(payload["iss"], name: "iss")
        self.audience = try Self.did(payload["aud"], name: "aud")
        self.notBefore = try payload["nbf"].map { (v) throws(FederationError) in try Self.time(v, name: "nbf") }
        self.expiration = payload["exp"] == .null ? nil : try Self.time(payload["exp"]!, name: "exp")
        if let nnc = payload["nnc"] {
            guard let s = nnc.stringValue else { throw Self.wrong("nnc must be a string") }
            self.nonce = s
        } else {
            self.nonce = nil
        }
        if let fct = payload["fct"] {
            guard let object = fct.objectValue else { throw Self.wrong("fct must be an object") }
            self.facts = object
        } else {
            self.facts = nil
        }
        self.capabilities = try UCANCapabilities(parsing: payload["cap"]!, limits: limits)
        self.proofs = try Self.proofs(payload["prf"], limits: limits)
        guard signature.count == Ed25519.signatureByteCount else {
            throw Self.malformed("an EdDSA signature is 64 bytes, got \(signature.count)")
        }
        self.signature = signature
        self.signingInputLength = utf8.distance(from: utf8.startIndex, to: dots[1])
    }

    static func object(_ part: Substring, reader: JSONReader, name: String, allowed: Set<String>)
        throws(FederationError) -> JSONObject
    {
        let value: JSONValue
        do {
            value = try reader.parse(try Base64URL.decode(part))
        } catch {
            throw malformed("\(name) is not base64url JSON (\(error.code))")
        }
        guard let object = value.objectValue else { throw malformed("\(name) is not a JSON object") }
        if let unknown = object.keys.first(where: { !allowed.contains($0) }) {
            throw malformed("\(name) member '\(unknown.prefix(32))' is not defined by UCAN 0.10")
        }
        return object
    }

    static func checkHeader(_ header: JSONObject) throws(FederationError) {
        guard let alg = header["alg"] else { throw FederationError(.ucanMissingField, "header has no alg") }
        guard let typ = header["typ"] else { throw FederationError(.ucanMissingField, "header has no typ") }
        guard let algName = alg.stringValue else { throw wrong("alg must be a string") }
        guard typ.stringValue == "JWT" else { throw wrong("typ must be the string JWT") }
        guard algName == "EdDSA" else {
            throw FederationError(.ucanUnsupportedAlgorithm, "alg \(algName.prefix(16)) is not EdDSA")
        }
    }

    /// `ucv`: `MAJOR.MINOR.PATCH` (semver 2.0.0 §2: digits, no leading zeros), and 0.10.x.
    static func version(_ value: JSONValue?) throws(FederationError) -> String {
        guard let text = value?.stringValue else { throw wrong("ucv must be a string") }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let numeric = parts.allSatisfy { p in
            !p.isEmpty && p.utf8.count <= 9 && p.allSatisfy(\.isASCIIDigit) && (p == "0" || p.first != "0")
        }
        guard parts.count == 3, numeric else { throw wrong("ucv '\(text.prefix(32))' is not MAJOR.MINOR.PATCH") }
        guard parts[0] == "0", parts[1] == "10" else {
            throw FederationError(.ucanUnsupportedVersion, "ucv \(text) is not 0.10.x")
        }
        return text
    }

    static func did(_ value: JSONValue?, name: String) throws(FederationError) -> DIDURL {
        guard let text = value?.stringValue else { throw wrong("\(name) must be a string") }
        do {
            return try DIDURL(text)
        } catch {
            throw wrong("\(name) is not a DID (\(error.code))")
        }
    }

    static func time(_ value: JSONValue, name: String) throws(FederationError) -> Int64 {
        guard let seconds = value.integerValue, seconds >= 0 else {
            throw wrong("\(name) must be a non-negative integer")
        }
        return seconds
    }

    static func proofs(_ value: JSONValue?, limits: UCANLimits) throws(FederationError) -> [CID] {
        guard let value else { return [] }
        guard let list = value.arrayValue else { throw wrong("prf must be an array") }
        guard list.count <= limits.maxProofsPerToken else {
            throw FederationError(.ucanTooManyProofs, "over \(limits.maxProofsPerToken) proofs in one token")
        }
        var cids: [CID] = []
        for item in list {
            guard let text = item.stringValue else { throw wrong("prf entries must be strings") }
            let cid: CID
            do {
                cid = try CID(parsing: text)
            } catch {
                throw FederationError(.ucanInvalidProof, "prf entry '\(text.prefix(64))' is not a CID (\(error.code))")
            }
            guard cid.isCanonicalUCAN else {
                throw FederationError(.ucanInvalidProof, "prf entry \(text) is not a raw SHA2-256 CID")
            }
            cids.append(cid)
        }
        return cids
    }

    static func malformed(_ reason: String) -> FederationError {
        FederationError(.ucanMalformed, reason)
    }

    static func wrong(_ reason: String) -> FederationError {
        FederationError(.ucanIncorrectType, reason)
    }
}
