@_spi(Fuzzing) import FederationSecurity

/// Fuzz body for `Signature-Input` parsing: the input is a `Signature-Input` field value (with a matching
/// `Signature` built from its labels) and, separately, a serialized inner list.
///
/// Invariants: nothing crashes; whatever parses re-serializes to text that parses to the same parameters (the
/// `@signature-params` value a verifier signs is stable); the one-pass readers (signature fields, and the input
/// read as a `Content-Digest` value) give exactly the general path's answer whenever they give one.
public func fuzzSignatureInput(_ data: [UInt8]) {
    let text = String(decoding: data, as: UTF8.self)
    if let parameters = try? SignatureParameters(parsing: text) {
        roundTrips(parameters)
    }
    RequestSigningFastPathDifferential.checkContentDigest(text, body: [])
    guard
        let message = try? SignableMessage(
            method: "POST", targetURI: "https://example.com/",
            fields: [.init(name: "Signature-Input", value: text), .init(name: "Signature", value: "sig1=:AAAA:")])
    else { return }
    RequestSigningFastPathDifferential.checkSignatureFields(message, label: nil)
    RequestSigningFastPathDifferential.checkSignatureFields(message, label: "sig1")
    guard let fields = try? SignatureFields(message: message) else { return }
    precondition(fields.entries.count <= SignatureFields.maxLabels, "more labels than the limit")
    for entry in fields.entries {
        precondition(entry.parameters.components.count <= SignatureParameters.maxComponents, "too many components")
        roundTrips(entry.parameters)
    }
    checkFastVerify(fields, text: text)
}

/// Signs the first entry's base (as the general path builds it) with the fixture key, into a message with the fuzzed
/// `Signature-Input`, and checks the verifier's fast path against the general path at several times.
private func checkFastVerify(_ fields: SignatureFields, text: String) {
    guard let entry = fields.entries.first, let request = SignatureBaseFixture.fastPathRequest,
        let base = try? SignatureBase.build(
            for: request, parameters: entry.parameters, serializedParameters: entry.serializedParameters),
        case let tag = HMACSHA256.authenticationCode(for: base, using: SignatureBaseFixture.secret)
    else { return }
    var signed = request
    signed.append(name: "Signature-Input", value: text)
    signed.append(name: "Signature", value: "\(entry.label)=:\(Base64.encode(tag)):")
    for verifier in SignatureBaseFixture.verifiers {
        for now in [entry.parameters.created ?? 0, 1000, 0, Int64.max] {
            RequestSigningFastPathDifferential.checkAuthenticate(signed, label: nil, now: now, verifier: verifier)
            RequestSigningFastPathDifferential.checkAuthenticate(
                signed, label: entry.label, now: now, verifier: verifier)
        }
    }
}

private func roundTrips(_ parameters: SignatureParameters) {
    guard let text = try? parameters.serialized() else { return }
    guard let again = try? SignatureParameters(parsing: text) else {
        preconditionFailure("serialized parameters do not parse: \(text)")
    }
    precondition(again == parameters, "parameters changed in a round trip: \(text)")
    precondition((try? again.serialized()) == text, "serialization is not stable: \(text)")
}

/// Fuzz body for signature-base construction: `params` alone (the RFC 9421 B.2 test request is the message), or
/// `params 0x00 target-uri LF name: value LF …` (a message of its own).
///
/// Invariants: nothing crashes; a base has one line per covered component plus `@signature-params`; the message
/// signed with HMAC over those components verifies.
public func fuzzSignatureBase(_ data: [UInt8]) {
    let parts = data.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    guard let message = parts.count == 2 ? fuzzMessage(parts[1]) : SignatureBaseFixture.request,
        let parameters = try? SignatureParameters(parsing: String(decoding: parts[0], as: UTF8.self)),
        let base = try? SignatureBase.build(for: message, parameters: parameters)
    else { return }
    precondition(base.filter { $0 == 0x0A }.count == parameters.components.count, "a value broke a line")
    let touchesSignatureFields = parameters.components.contains {
        if case .field(let name, _) = $0.kind {
            return ["signature", "signature-input", "content-digest"].contains(name)
        }
        return false
    }
    guard !touchesSignatureFields, !message.fields.contains(where: { $0.name.hasPrefix("signature") }),
        let signature = try? RFC9421Signer.sign(
            message, key: SignatureBaseFixture.key, label: "f", components: parameters.components, created: 1000)
    else { return }
    var signed = message
    signed.append(name: "Signature-Input", value: signature.signatureInput)
    signed.append(name: "Signature", value: signature.signature)
    let verifier = SignatureBaseFixture.verifier
    do {
        _ = try verifier.authenticate(signed, now: 1000)
    } catch {
        preconditionFailure("a signature over \(String(decoding: base, as: UTF8.self)) did not verify: \(error)")
    }
    for verifier in SignatureBaseFixture.verifiers {
        for now: Int64 in [1000, 1000 + 301, 1000 - 31] {
            RequestSigningFastPathDifferential.checkAuthenticate(signed, label: nil, now: now, verifier: verifier)
        }
    }
}

private func fuzzMessage(_ bytes: ArraySlice<UInt8>) -> SignableMessage? {
    let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map {
        String(decoding: $0, as: UTF8.self)
    }
    guard let target = lines.first else { return nil }
    var fields: [SignableMessage.FieldLine] = []
    for line in lines.dropFirst() {
        guard let colon = line.firstIndex(of: ":") else { continue }
        fields.append(.init(name: String(line[..<colon]), value: String(line[line.index(after: colon)...])))
    }
    return try? SignableMessage(method: "POST", targetURI: target, fields: fields)
}

enum SignatureBaseFixture {
    static let secret = SecretBytes([UInt8](repeating: 9, count: 32))
    static let key = try! RequestSigningKey.hmacSHA256(keyID: "k", secret: secret)
    /// Accepts whatever a signature covers, so a fuzzed `Signature-Input` reaches every later check.
    static let verifier = RFC9421Verifier(
        keys: RequestKeySet([key]), policy: .coverageNotRequired(), replayStore: InMemoryReplayStore(capacity: 1))
    /// The default policy (`@method`, `@target-uri`, `content-digest` with content), for the fast-path differential.
    static let defaultPolicyVerifier = RFC9421Verifier(
        keys: RequestKeySet([key]), replayStore: InMemoryReplayStore(capacity: 1))
    static let verifiers = [verifier, defaultPolicyVerifier]
    /// A request with every prebuilt field (and a matching `Content-Digest`), for the fast verify path.
    static let fastPathRequest: SignableMessage? = {
        let body = Array(#"{"hello": "world"}"#.utf8)
        return try? SignableMessage(
            method: "POST", targetURI: "https://Example.com:443/foo?param=Value&Pet=dog",
            fields: [
                .init(name: "Host", value: "example.com"),
                .init(name: "Date", value: " Tue, 20 Apr 2021 02:07:55 GMT "),
                .init(name: "Content-Type", value: "application/json"), .init(name: "Content-Length", value: "18"),
                .init(name: "Content-Digest", value: ContentDigest.field(for: body, algorithm: .sha256)),
                .init(name: "Authorization", value: "Bearer a"), .init(name: "authorization", value: "Bearer b"),
                .init(name: "Digest", value: "x"),
            ], body: body)
    }()
    static let request: SignableMessage? = try? SignableMessage(
        method: "POST", targetURI: "https://example.com/foo?param=Value&Pet=dog",
        fields: [
            .init(name: "Host", value: "example.com"), .init(name: "Date", value: "Tue, 20 Apr 2021 02:07:55 GMT"),
            .init(name: "Content-Type", value: "application/json"), .init(name: "Content-Length", value: "18"),
        ])
}

/// Fuzz body for the fast RFC 8941 parser: whatever it accepts, apple/swift-http-structured-headers must read
/// identically, and both serializers must write the same bytes (``StructuredFieldsDifferential``).
public func fuzzStructuredFields(_ data: [UInt8]) {
    StructuredFieldsDifferential.check(data)
}
