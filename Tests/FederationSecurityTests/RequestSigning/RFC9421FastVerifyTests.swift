@_spi(Fuzzing) import FederationSecurity
import Testing

/// The verifier's fast path (success only) against the general path: the common shape is taken and gives the
/// general path's result (``RequestSigningFastPathDifferential/checkAuthenticate(_:label:now:verifier:)`` traps
/// otherwise); every other shape, and every failure, is left to the general path, whose error codes are unchanged.
/// Signatures are made by ``RFC9421Signer`` and, for hand-written `Signature-Input` values, by HMAC over the base the
/// general path builds; RFC 9421 B.2 vectors pin the signer itself.
@Suite struct RFC9421FastVerifyTests {
    static let secret = SecretBytes([UInt8](repeating: 5, count: 32))
    static let key = try! RequestSigningKey.hmacSHA256(keyID: "kernel-b", secret: secret)
    static let edKey = try! Ed25519.PrivateKey(seed: SecretBytes([UInt8](repeating: 7, count: 32)))
    static let now: Int64 = 1_800_000_000
    static let body = Array(#"{"capability":"db.query"}"#.utf8)
    static let components = try! [
        "\"@method\"", "\"@target-uri\"", "\"@authority\"", "\"@scheme\"", "\"@path\"", "\"@query\"",
        "\"@request-target\"", "\"content-type\"", "\"content-digest\"", "\"content-length\"", "\"date\"", "\"host\"",
        "\"authorization\"",
    ].map { try ComponentIdentifier(parsing: $0) }

    static func request(target: String = "https://Kernel-B.example.com:443/v1/invoke?agent=a-7") -> SignableMessage {
        try! SignableMessage(
            method: "POST", targetURI: target,
            fields: [
                .init(name: "Host", value: "kernel-b.example.com"),
                .init(name: "Date", value: "  Fri, 15 Jan 2027 08:00:00 GMT\t"),
                .init(name: "Content-Type", value: "application/json"),
                .init(name: "Content-Length", value: String(body.count)),
                .init(name: "Content-Digest", value: ContentDigest.field(for: body, algorithm: .sha256)),
                .init(name: "Authorization", value: "Bearer a"), .init(name: "authorization", value: "Bearer b"),
            ], body: body)
    }

    static func signed(
        _ message: SignableMessage = request(), key: RequestSigningKey = key,
        components: [ComponentIdentifier] = components, expires: Int64? = nil, nonce: String? = "n-1",
        tag: String? = nil, includeAlgorithm: Bool = true
    ) -> SignableMessage {
        var message = message
        let signature = try! RFC9421Signer.sign(
            message, key: key, label: "sig1", components: components, created: now, expires: expires, nonce: nonce,
            tag: tag, includeAlgorithm: includeAlgorithm)
        message.append(name: "Signature-Input", value: signature.signatureInput)
        message.append(name: "Signature", value: signature.signature)
        return message
    }

    /// Coverage is not required unless asked for (these tests are about shapes, most of which cover little).
    static func verifier(
        _ keys: [RequestSigningKey] = [key], required: [ComponentIdentifier] = [], digestOfContent: Bool = false
    ) -> RFC9421Verifier {
        RFC9421Verifier(
            keys: RequestKeySet(keys),
            policy: .init(requiredComponents: required, requiresDigestOfContent: digestOfContent),
            replayStore: InMemoryReplayStore(capacity: 16))
    }

    static func fast(_ message: SignableMessage, label: String? = nil, now: Int64 = now, verifier: RFC9421Verifier)
        -> Bool
    {
        RequestSigningFastPathDifferential.checkAuthenticate(message, label: label, now: now, verifier: verifier)
    }

    @Test func commonShapesTakeTheFastPathWithTheGeneralResult() throws {
        let verifier = Self.verifier()
        #expect(Self.fast(Self.signed(), verifier: verifier))
        #expect(Self.fast(Self.signed(), label: "sig1", verifier: verifier))
        #expect(Self.fast(Self.signed(nonce: nil), verifier: verifier))  // replay key from the signature bytes
        #expect(Self.fast(Self.signed(expires: Self.now + 10, tag: "fed"), verifier: verifier))
        #expect(Self.fast(Self.signed(includeAlgorithm: false), verifier: verifier))
        #expect(
            Self.fast(
                Self.signed(Self.request(target: "http://h"), components: Array(Self.components[..<7])),
                verifier: verifier))  // empty path and no query
        #expect(Self.fast(Self.signed(components: []), verifier: verifier))
        let required = Self.verifier(required: [Self.components[0], Self.components[8]])
        #expect(Self.fast(Self.signed(), verifier: required))
        // Ed25519 keys take it too.
        let ed = RequestSigningKey.ed25519(keyID: "ed", privateKey: Self.edKey)
        let edVerifier = Self.verifier([RequestSigningKey.ed25519(keyID: "ed", publicKey: Self.edKey.publicKey)])
        #expect(Self.fast(Self.signed(key: ed), verifier: edVerifier))
        // The result is what `verify` returns, parameters included.
        let result = try Self.verifier().authenticate(Self.signed(expires: Self.now + 10), now: Self.now)
        #expect(result.verified.label == "sig1" && result.verified.keyID == "kernel-b")
        #expect(result.verified.parameters.components == Self.components)
        #expect(result.verified.parameters.expires == Self.now + 10 && result.verified.parameters.nonce == "n-1")
        #expect(result.retainUntil == Self.now + 10 && result.otherRecords.isEmpty)
    }

    /// The default policy (`@method`, `@target-uri`, and `content-digest` for a message with content): the fast path
    /// takes what it accepts and leaves every refusal to the general path, which reports `request.missing_component`.
    @Test func theDefaultPolicyRequiresMethodTargetAndDigestOfContent() throws {
        let verifier = RFC9421Verifier(keys: RequestKeySet([Self.key]), replayStore: InMemoryReplayStore(capacity: 16))
        let method = Self.components[0]
        let target = Self.components[1]
        let digest = Self.components[8]
        #expect(Self.fast(Self.signed(components: [method, target, digest]), verifier: verifier))
        #expect(Self.fast(Self.signed(), verifier: verifier))
        var empty = Self.request()
        empty.body = []
        empty.fields.removeAll { $0.name == "content-digest" || $0.name == "content-length" }
        #expect(Self.fast(Self.signed(empty, components: [method, target]), verifier: verifier))  // no content
        for refused in [
            Self.signed(components: [method, target]),  // content, no digest covered
            Self.signed(components: [method, digest]),
            Self.signed(components: [target, digest]),
            Self.signed(components: []),
        ] {
            #expect(!Self.fast(refused, verifier: verifier))
            #expect(throws: FederationError(.requestMissingComponent)) {
                try verifier.authenticate(refused, now: Self.now)
            }
        }
        // Waived explicitly.
        let waived = RFC9421Verifier(
            keys: RequestKeySet([Self.key]), policy: .coverageNotRequired(),
            replayStore: InMemoryReplayStore(capacity: 16))
        #expect(Self.fast(Self.signed(components: []), verifier: waived))
    }

    @Test func otherShapesAreLeftToTheGeneralPath() throws {
        let verifier = Self.verifier()
        // Accepted by the general path, not taken by the fast path.
        let queryParam = try ComponentIdentifier(parsing: #""@query-param";name="agent""#)
        let bs = try ComponentIdentifier(parsing: #""date";bs"#)
        var custom = Self.request()
        custom.append(name: "X-Custom", value: "1")
        for message in [
            Self.signed(components: [queryParam]), Self.signed(components: [bs]),
            Self.signed(custom, components: [try ComponentIdentifier(parsing: "\"x-custom\"")]),
        ] {
            #expect(!Self.fast(message, verifier: verifier))
            #expect(throws: Never.self) { try verifier.authenticate(message, now: Self.now) }
        }
        // A base larger than the fast path's buffer.
        var big = Self.request()
        big.append(name: "Digest", value: String(repeating: "d", count: 8192))  // the fast path's buffer
        let bigSigned = Self.signed(big, components: [try ComponentIdentifier(parsing: "\"digest\"")])
        #expect(!Self.fast(bigSigned, verifier: verifier))
        #expect(throws: Never.self) { try verifier.authenticate(bigSigned, now: Self.now) }
        // Two Content-Digest lines (the digest shortcut needs one).
        var twoDigests = Self.request()
        twoDigests.append(name: "Content-Digest", value: ContentDigest.field(for: Self.body, algorithm: .sha512))
        #expect(!Self.fast(Self.signed(twoDigests), verifier: verifier))
        #expect(throws: Never.self) { try verifier.authenticate(Self.signed(twoDigests), now: Self.now) }
        // A requirement that is not a prebuilt identifier.
        let requiresQueryParam = Self.verifier(required: [queryParam])
        #expect(!Self.fast(Self.signed(components: Self.components + [queryParam]), verifier: requiresQueryParam))
        #expect(throws: Never.self) {
            try requiresQueryParam.authenticate(Self.signed(components: Self.components + [queryParam]), now: Self.now)
        }
    }

    /// Small sets are searched in order, larger ones hashed: both find every key, byte for byte.
    @Test func keySetsFindKeysByExactBytes() throws {
        for count in [1, 8, 9, 40] {
            let keys = try (0..<count).map {
                try RequestSigningKey.hmacSHA256(keyID: "k\($0)", secret: SecretBytes([UInt8($0 + 1)]))
            }
            let set = RequestKeySet(keys + [try RequestSigningKey.hmacSHA256(keyID: "Kelvin", secret: Self.secret)])
            for n in 0..<count { #expect(set["k\(n)"]?.keyID == "k\(n)") }
            #expect(set["k\(count)"] == nil && set[""] == nil)
            #expect(set["Kelvin"] != nil)
            #expect(set["\u{212A}elvin"] == nil, "KELVIN SIGN is canonically equivalent to K, not the same bytes")
        }
    }

    /// Each failure is declined by the fast path and reported by the general path with its code.
    @Test func failuresAreReportedByTheGeneralPath() throws {
        let good = Self.signed()
        func code(
            _ message: SignableMessage, now: Int64 = RFC9421FastVerifyTests.now, verifier: RFC9421Verifier? = nil,
            label: String? = nil
        ) -> ErrorCode? {
            let verifier = verifier ?? Self.verifier()
            #expect(!Self.fast(message, label: label, now: now, verifier: verifier))
            do {
                _ = try verifier.authenticate(message, label: label, now: now)
                return nil
            } catch { return error.code }
        }
        #expect(code(good, now: Self.now + 301) == .requestStale)
        #expect(code(good, now: Self.now - 31) == .requestFuture)
        #expect(code(Self.signed(expires: Self.now), now: Self.now) == .requestExpired)
        #expect(code(good, verifier: Self.verifier([])) == .requestUnknownKey)
        #expect(code(good, label: "sig2") == .requestMissingSignature)
        let otherKey = try RequestSigningKey.hmacSHA256(keyID: "kernel-b", secret: SecretBytes([1]))
        #expect(code(good, verifier: Self.verifier([otherKey])) == .requestSignatureInvalid)
        let edPublic = RequestSigningKey.ed25519(keyID: "kernel-b", publicKey: Self.edKey.publicKey)
        #expect(code(good, verifier: Self.verifier([edPublic])) == .requestAlgorithmMismatch)
        #expect(
            code(good, verifier: Self.verifier(required: [try ComponentIdentifier(parsing: "\"digest\"")]))
                == .requestMissingComponent)
        var tampered = good
        tampered.body = Array("{}".utf8)
        #expect(code(tampered) == .requestDigestMismatch)
        var changedDate = good
        changedDate.fields[1] = .init(name: "Date", value: "Sat, 16 Jan 2027 08:00:00 GMT")
        #expect(code(changedDate) == .requestSignatureInvalid)
        var noDate = good
        noDate.fields.remove(at: 1)
        #expect(code(noDate) == .requestMissingComponent)
        var lineBreak = good
        lineBreak.fields[1] = .init(name: "Date", value: "Fri,\n15 Jan 2027")
        #expect(code(lineBreak) == .requestInvalidComponent)
        let response = SignableMessage(control: .response(status: 200), fields: good.fields, body: good.body)
        #expect(code(response) == .requestInvalidComponent)
    }
}
