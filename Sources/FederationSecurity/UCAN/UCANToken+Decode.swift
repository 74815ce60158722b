extension UCANToken {
    /// The header members UCAN 0.10 defines (§3.1); any other member is rejected.
    static let headerFields: Set<String> = ["alg", "typ"]
    /// The payload members UCAN 0.10 defines (§3.2); any other member is rejected (fail closed).
    static let payloadFields: Set<String> = ["ucv", "iss", "aud", "nbf", "exp", "nnc", "fct", "cap", "prf"]
    /// `{"alg":"EdDSA","typ":"JWT"}`, the header ``UCANBuilder`` writes.
    static let standardHeader = JSONObject(uniqueMembers: [
        .init("alg", .string("EdDSA")), .init("typ", .string("JWT")),
    ])

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
        let (header, payload, signature, signingInputLength) = try Self.split(
            text, limits: limits, headerFields: Self.headerFields, payloadFields: nil,
            knownHeader: (UCANBuilder.encodedHeader, Self.standardHeader))
        try Self.checkHeader(header)
        // One pass over the payload members (each lookup by name would scan them again).
        var ucv, iss, aud, nbf, exp, nnc, fct, cap, prf: JSONValue?
        for member in payload {
            switch member.key {
            case "ucv": ucv = member.value
            case "iss": iss = member.value
            case "aud": aud = member.value
            case "nbf": nbf = member.value
            case "exp": exp = member.value
            case "nnc": nnc = member.value
            case "fct": fct = member.value
            case "cap": cap = member.value
            case "prf": prf = member.value
            default: throw Self.malformed("payload member '\(member.key.prefix(32))' is not defined by UCAN 0.10")
            }
        }
        for (name, value) in [("ucv", ucv), ("iss", iss), ("aud", aud), ("exp", exp), ("cap", cap)] where value == nil {
            throw FederationError(.ucanMissingField, "payload has no \(name)")
        }
        self.encoded = text
        self.header = header
        self.payload = payload
        self.version = try Self.version(ucv)
        self.issuer = try Self.did(iss, name: "iss")
        self.audience = try Self.did(aud, name: "aud")
        self.notBefore = try nbf.map { (v) throws(FederationError) in try Self.time(v, name: "nbf") }
        self.expiration = exp == .null ? nil : try Self.time(exp!, name: "exp")
        if let nnc {
            guard let s = nnc.stringValue else { throw Self.wrong("nnc must be a string") }
            self.nonce = s
        } else {
            self.nonce = nil
        }
        if let fct {
            guard let object = fct.objectValue else { throw Self.wrong("fct must be an object") }
            self.facts = object
        } else {
            self.facts = nil
        }
        self.capabilities = try UCANCapabilities(parsing: cap!, limits: limits)
        self.proofs = try Self.proofs(prf, limits: limits)
        guard signature.count == Ed25519.signatureByteCount else {
            throw Self.malformed("an EdDSA signature is 64 bytes, got \(signature.count)")
        }
        self.signature = signature
        self.signingInputLength = signingInputLength
    }

    /// Splits JWT text into its decoded header and payload objects and its signature bytes.
    /// - Throws: `ucan.malformed` — not exactly three non-empty parts, not strict base64url, not JSON objects, a
    ///   member outside `headerFields` / `payloadFields`.
    /// - Parameters:
    ///   - payloadFields: the allowed payload members, or `nil` when the caller checks them.
    ///   - knownHeader: an encoded header and its decoded object: a header part byte-identical to it is not decoded
    ///     again (the result would be the same).
    static func split(
        _ text: String, limits: UCANLimits, headerFields: Set<String>, payloadFields: Set<String>?,
        knownHeader: (encoded: String, object: JSONObject)
    ) throws(FederationError) -> (header: JSONObject, payload: JSONObject, signature: [UInt8], signingInputLength: Int)
    {
        // The two dots, found in the contiguous UTF-8 (walking String indices byte by byte costs more).
        let utf8 = text.utf8
        let offsets: (Int, Int, Int)? =
            utf8.withContiguousStorageIfAvailable { buffer in
                var found = (-1, -1)
                var count = 0
                for (i, byte) in buffer.enumerated() where byte == UInt8(ascii: ".") {
                    if count == 0 { found.0 = i } else if count == 1 { found.1 = i }
                    count += 1
                    if count > 2 { break }
                }
                return (found.0, found.1, count)
            } ?? nil
        guard let (firstDot, secondDot, dotCount) = offsets ?? Self.dotOffsets(utf8), dotCount == 2 else {
            throw malformed("a token is header.payload.signature")
        }
        let dots = [utf8.index(utf8.startIndex, offsetBy: firstDot), utf8.index(utf8.startIndex, offsetBy: secondDot)]
        let parts = [
            text[..<dots[0]], text[utf8.index(after: dots[0])..<dots[1]], text[utf8.index(after: dots[1])...],
        ]
        guard parts.allSatisfy({ !$0.isEmpty }) else { throw malformed("empty JWT part") }
        let reader = JSONReader(limits: .init(maxBytes: limits.maxTokenBytes, maxDepth: limits.maxJSONDepth))
        let header =
            parts[0].utf8.elementsEqual(knownHeader.encoded.utf8)
            ? knownHeader.object : try object(parts[0], reader: reader, name: "header", allowed: headerFields)
        let payload = try object(parts[1], reader: reader, name: "payload", allowed: payloadFields)
        let signature: [UInt8]
        do {
            signature = try Base64URL.decode(parts[2])
        } catch {
            throw malformed("signature is not unpadded base64url (\(error.code))")
        }
        return (header, payload, signature, secondDot)
    }

    /// The dot offsets of a non-contiguous string (bridged text): the slow path of ``split``.
    static func dotOffsets(_ utf8: String.UTF8View) -> (Int, Int, Int)? {
        let dots = utf8.enumerated().filter { $0.element == UInt8(ascii: ".") }.prefix(3).map(\.offset)
        return (dots.first ?? -1, dots.count > 1 ? dots[1] : -1, dots.count)
    }

    static func object(_ part: Substring, reader: JSONReader, name: String, allowed: Set<String>?)
        throws(FederationError) -> JSONObject
    {
        let value: JSONValue
        do {
            value = try reader.parse(try Base64URL.decode(part))
        } catch {
            throw malformed("\(name) is not base64url JSON (\(error.code))")
        }
        guard let object = value.objectValue else { throw malformed("\(name) is not a JSON object") }
        if let allowed, let unknown = object.keys.first(where: { !allowed.contains($0) }) {
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
        let parts = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        let numeric = parts.allSatisfy { p in
            !p.isEmpty && p.count <= 9 && p.allSatisfy { (0x30...0x39).contains($0) }
                && (p.count == 1 || p.first != UInt8(ascii: "0"))
        }
        guard parts.count == 3, numeric else { throw wrong("ucv '\(text.prefix(32))' is not MAJOR.MINOR.PATCH") }
        guard parts[0].elementsEqual("0".utf8), parts[1].elementsEqual("10".utf8) else {
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
