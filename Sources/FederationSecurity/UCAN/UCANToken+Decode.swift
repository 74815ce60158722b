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
    ///
    /// Text in the common shape (the builder's header, a compact payload) is read by a single-pass path that answers
    /// only where these checks pass, with the same token (``commonShape(_:limits:)``); all other text goes through
    /// them as written.
    /// - Throws: the codes above, `ucan.too_many_proofs`, `ucan.too_many_capabilities`.
    public init(decoding text: String, limits: UCANLimits = .default) throws(FederationError) {
        try self.init(decoding: text, limits: limits, reader: .commonShapeFirst)
    }

    /// The strict decode of ``init(decoding:limits:)`` after the size check, reading the payload with the generic
    /// ``JSONReader``.
    init(strictlyDecoding text: String, limits: UCANLimits) throws(FederationError) {
        let (header, payload, signature, signingInputLength) = try Self.split(
            text, limits: limits, headerFields: Self.headerFields, payloadFields: nil,
            knownHeader: (UCANBuilder.encodedHeader, Self.standardHeader))
        try Self.checkHeader(header)
        // One pass over the payload members (each lookup by name would scan them again).
        var members = PayloadMembers()
        for member in payload {
            switch member.key {
            case "ucv": members.ucv = member.value
            case "iss": members.iss = member.value
            case "aud": members.aud = member.value
            case "nbf": members.nbf = member.value
            case "exp": members.exp = member.value
            case "nnc": members.nnc = member.value
            case "fct": members.fct = member.value
            case "cap": members.cap = member.value
            case "prf": members.prf = member.value
            default: throw Self.malformed("payload member '\(member.key.prefix(32))' is not defined by UCAN 0.10")
            }
        }
        try self.init(
            encoded: text, header: header, payload: payload, members: members, signature: signature,
            signingInputLength: signingInputLength, limits: limits)
    }

    /// The payload members of UCAN 0.10 §3.2, by name (`nil` when absent).
    struct PayloadMembers {
        var ucv, iss, aud, nbf, exp, nnc, fct, cap, prf: JSONValue?
        /// `prf` already read as canonical UCAN CIDs (by the common-shape reader, which then leaves `prf` `nil`):
        /// the CIDs ``proofs(_:limits:)`` returns for it, before its count check.
        var proofCIDs: [CID]?
    }

    /// The reader limits of a token decoded under `limits`.
    static func readerLimits(_ limits: UCANLimits) -> JSONReader.Limits {
        JSONReader.Limits(maxBytes: limits.maxTokenBytes, maxDepth: limits.maxJSONDepth)
    }

    /// The checks of ``init(decoding:limits:)`` from step 4 on, over the payload's members, then the signature length.
    /// - Parameter payload: the payload object, or `nil` when the caller has checked that the strict decode accepts
    ///   `text` under `limits` (the token then reads it from `text` when asked: ``payloadObject(of:limits:)``).
    init(
        encoded text: String, header: JSONObject, payload: JSONObject?, members: PayloadMembers, signature: [UInt8],
        signingInputLength: Int, limits: UCANLimits
    ) throws(FederationError) {
        // In this order (no array of pairs: this runs for every token).
        guard let ucv = members.ucv else { throw Self.missing("ucv") }
        guard let iss = members.iss else { throw Self.missing("iss") }
        guard let aud = members.aud else { throw Self.missing("aud") }
        guard let exp = members.exp else { throw Self.missing("exp") }
        guard let cap = members.cap else { throw Self.missing("cap") }
        let version = try Self.version(ucv)
        let issuer = try Self.did(iss, name: "iss")
        let audience = try Self.did(aud, name: "aud")
        let notBefore = try members.nbf.map { (v) throws(FederationError) in try Self.time(v, name: "nbf") }
        let expiration = exp == .null ? nil : try Self.time(exp, name: "exp")
        var nonce: String?
        if let nnc = members.nnc {
            guard let s = nnc.stringValue else { throw Self.wrong("nnc must be a string") }
            nonce = s
        }
        var facts: JSONObject?
        if let fct = members.fct {
            guard let object = fct.objectValue else { throw Self.wrong("fct must be an object") }
            facts = object
        }
        let capabilities = try UCANCapabilities(parsing: cap, limits: limits)
        let proofs: [CID]
        if let cids = members.proofCIDs {
            guard cids.count <= limits.maxProofsPerToken else { throw Self.tooManyProofs(limits) }
            proofs = cids
        } else {
            proofs = try Self.proofs(members.prf, limits: limits)
        }
        guard signature.count == Ed25519.signatureByteCount else {
            throw Self.malformed("an EdDSA signature is 64 bytes, got \(signature.count)")
        }
        self.init(
            storage: Storage(
                encoded: text, header: header, payload: payload, limits: limits,
                version: version, issuer: issuer,
                audience: audience, notBefore: notBefore, expiration: expiration, nonce: nonce, facts: facts,
                capabilities: capabilities, proofs: proofs, signature: signature,
                signingInputLength: signingInputLength))
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
        // Offsets, not arrays of indices and parts: no allocation for the split itself.
        let dot0 = utf8.index(utf8.startIndex, offsetBy: firstDot)
        let dot1 = utf8.index(utf8.startIndex, offsetBy: secondDot)
        let headerPart = text[..<dot0]
        let payloadPart = text[utf8.index(after: dot0)..<dot1]
        let signaturePart = text[utf8.index(after: dot1)...]
        guard !headerPart.isEmpty, !payloadPart.isEmpty, !signaturePart.isEmpty else {
            throw malformed("empty JWT part")
        }
        let reader = JSONReader(limits: readerLimits(limits))
        let header =
            headerPart.utf8.elementsEqual(knownHeader.encoded.utf8)
            ? knownHeader.object : try object(headerPart, reader: reader, name: "header", allowed: headerFields)
        let payload = try object(payloadPart, reader: reader, name: "payload", allowed: payloadFields)
        let signature: [UInt8]
        do {
            signature = try Base64URL.decode(signaturePart)
        } catch {
            throw malformed("signature is not unpadded base64url (\(error.code))")
        }
        return (header, payload, signature, secondDot)
    }

    /// The payload object of `text`, a token the strict decode accepts under reader limits `limits`: the object
    /// ``split(_:limits:headerFields:payloadFields:knownHeader:)`` returns for it.
    static func payloadObject(of text: String, limits: JSONReader.Limits) -> JSONObject {
        let utf8 = text.utf8
        guard let dot0 = utf8.firstIndex(of: UInt8(ascii: ".")),
            let dot1 = utf8[utf8.index(after: dot0)...].firstIndex(of: UInt8(ascii: ".")),
            let object = try? json(text[utf8.index(after: dot0)..<dot1], reader: JSONReader(limits: limits)).objectValue
        else { preconditionFailure("the payload of a decoded token no longer reads") }
        return object
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
            value = try json(part, reader: reader)
        } catch {
            throw malformed("\(name) is not base64url JSON (\(error.code))")
        }
        guard let object = value.objectValue else { throw malformed("\(name) is not a JSON object") }
        if let allowed, let unknown = object.keys.first(where: { !allowed.contains($0) }) {
            throw malformed("\(name) member '\(unknown.prefix(32))' is not defined by UCAN 0.10")
        }
        return object
    }

    /// `reader.parse(Base64URL.decode(part))` (the same checks, results and errors) with the decoded bytes in a
    /// scratch buffer, on the stack when small, instead of a new array.
    static func json(_ part: Substring, reader: JSONReader) throws(FederationError) -> JSONValue {
        guard part.utf8.count <= Base64URL.defaultMaxTextLength else {
            return try reader.parse(try Base64URL.decode(part))  // base64url.too_large, as there
        }
        let codec = Base64URL.codec
        let result: Result<JSONValue, FederationError> = TextBytes.withUTF8(part) { text in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: codec.maxDecodedCount(text.count)) { scratch in
                switch codec.decode(utf8: text, into: scratch) {
                case .failure(let error): return .failure(error)
                case .success(let count):
                    do throws(FederationError) {
                        return .success(try reader.parse(UnsafeBufferPointer(rebasing: scratch[..<count])))
                    } catch {
                        return .failure(error)
                    }
                }
            }
        }
        return try result.get()
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
        // One byte scan (no array of parts): each `.`-separated part 1–9 digits without a leading zero, the values
        // of the first two kept (with no leading zeros, value 0 is exactly "0" and value 10 exactly "10").
        var parts = 0
        var length = 0
        var leading: UInt8 = 0
        var value = 0
        var values = (-1, -1)
        var numeric = true
        func endPart() {
            if length == 0 || length > 9 || (length > 1 && leading == UInt8(ascii: "0")) { numeric = false }
            if parts == 0 { values.0 = value } else if parts == 1 { values.1 = value }
            parts += 1
            length = 0
            value = 0
        }
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                endPart()
                continue
            }
            if length == 0 { leading = byte }
            length += 1
            if (0x30...0x39).contains(byte), length <= 9 {
                value = value * 10 + Int(byte - 0x30)
            } else {
                numeric = false
            }
        }
        endPart()
        guard parts == 3, numeric else { throw wrong("ucv '\(text.prefix(32))' is not MAJOR.MINOR.PATCH") }
        guard values.0 == 0, values.1 == 10 else {
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
        guard list.count <= limits.maxProofsPerToken else { throw tooManyProofs(limits) }
        var cids: [CID] = []
        cids.reserveCapacity(list.count)
        for item in list {
            guard let text = item.stringValue else { throw wrong("prf entries must be strings") }
            let cid: CID
            if let canonical = CID.readCanonicalUCAN(text) {
                cid = canonical  // the one-pass reader answers for canonical text, with the CID the parse returns
            } else {
                do {
                    cid = try CID(parsing: text)
                } catch {
                    throw FederationError(
                        .ucanInvalidProof, "prf entry '\(text.prefix(64))' is not a CID (\(error.code))")
                }
            }
            guard cid.isCanonicalUCAN else {
                throw FederationError(.ucanInvalidProof, "prf entry \(text) is not a raw SHA2-256 CID")
            }
            cids.append(cid)
        }
        return cids
    }

    static func tooManyProofs(_ limits: UCANLimits) -> FederationError {
        FederationError(.ucanTooManyProofs, "over \(limits.maxProofsPerToken) proofs in one token")
    }

    static func missing(_ name: String) -> FederationError {
        FederationError(.ucanMissingField, "payload has no \(name)")
    }

    static func malformed(_ reason: String) -> FederationError {
        FederationError(.ucanMalformed, reason)
    }

    static func wrong(_ reason: String) -> FederationError {
        FederationError(.ucanIncorrectType, reason)
    }
}
