@testable import FederationSecurity
import HTTPTypes
import Testing

/// The library API with swift-http-types requests; expected values are RFC 9421 Appendix B.2.6 (ed25519) text.
@Suite struct RFC9421Tests {
    // RFC 9421 B.1.4 test-key-ed25519 (the seed inside its PKCS#8 PEM).
    static let seed = try! Hex.decode("9f8362f87a484a954e6e740c5b4c0e84229139a20aa8ab56ff66586f6a7d29c5")
    static let created: Int64 = 1_618_884_473

    static func testRequest() -> HTTPRequest {
        var fields = HTTPFields()
        fields[HTTPField.Name("Date")!] = "Tue, 20 Apr 2021 02:07:55 GMT"
        fields[.contentType] = "application/json"
        fields[HTTPField.Name("Content-Digest")!] =
            "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:"
        fields[.contentLength] = "18"
        return HTTPRequest(
            method: .post, scheme: "https", authority: "example.com", path: "/foo?param=Value&Pet=dog",
            headerFields: fields)
    }

    @Test func signsAnHTTPRequestAsAppendixB26() async throws {
        let key = RequestSigningKey.ed25519(
            keyID: "test-key-ed25519", privateKey: try Ed25519.PrivateKey(seed: SecretBytes(Self.seed)))
        let components = try ["date", "@method", "@path", "@authority", "content-type", "content-length"].map {
            try ComponentIdentifier(parsing: "\"\($0)\"")
        }
        var request = Self.testRequest()
        let signature = try RFC9421Signer.sign(
            try SignableMessage(request: request), key: key, label: "sig-b26", components: components,
            created: Self.created)
        #expect(
            signature.signatureInput
                == "sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\")"
                + ";created=1618884473;keyid=\"test-key-ed25519\"")
        #expect(
            signature.signature
                == "sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:")
        request.addSignatureFields(signature)
        let verifier = RFC9421Verifier(
            keys: RequestKeySet([
                .ed25519(
                    keyID: "test-key-ed25519", publicKey: try Ed25519.PrivateKey(seed: SecretBytes(Self.seed)).publicKey
                )
            ]),
            // B.2.6 covers neither `@target-uri` nor `content-digest`: accepted only under a policy that says so.
            policy: .coverageNotRequired(), replayStore: InMemoryReplayStore(capacity: 16))
        let message = try SignableMessage(request: request, body: Array("{\"hello\": \"world\"}".utf8))
        let verified = try await verifier.verify(message, now: Self.created + 1)
        #expect(verified.keyID == "test-key-ed25519")
        await #expect(throws: FederationError(.replayDetected)) {
            try await verifier.verify(message, now: Self.created + 2)
        }
    }

    @Test func requestWithoutAuthorityIsRejected() {
        let request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/")
        #expect(throws: FederationError(.requestInvalidComponent)) { try SignableMessage(request: request) }
    }

    @Test func queryParamsAreReencoded() throws {
        // RFC 9421 §2.2.8 example: `?var=this%20is%20a%20big%0Avalue&bar=with+plus+whitespace&fa%C3%A7ade%22%3A%20=something`
        let message = try SignableMessage(
            method: "GET",
            targetURI: "https://example.com/parameters?var=this%20is%20a%20big%0Avalue&bar=with+plus+whitespace"
                + "&fa%C3%A7ade%22%3A%20=something", fields: [])
        let parameters = try SignatureParameters(
            parsing: "(\"@query-param\";name=\"var\" \"@query-param\";name=\"bar\" "
                + "\"@query-param\";name=\"fa%C3%A7ade%22%3A%20\");created=1")
        let base = String(decoding: try SignatureBase.build(for: message, parameters: parameters), as: UTF8.self)
        #expect(
            base == """
                "@query-param";name="var": this%20is%20a%20big%0Avalue
                "@query-param";name="bar": with%20plus%20whitespace
                "@query-param";name="fa%C3%A7ade%22%3A%20": something
                "@signature-params": ("@query-param";name="var" "@query-param";name="bar" \
                "@query-param";name="fa%C3%A7ade%22%3A%20");created=1
                """)
    }

    @Test func authorityIsNormalized() throws {
        let message = try SignableMessage(method: "GET", targetURI: "HTTPS://WWW.Example.COM:443/p", fields: [])
        let parameters = try SignatureParameters(parsing: "(\"@authority\" \"@scheme\" \"@target-uri\")")
        let base = String(decoding: try SignatureBase.build(for: message, parameters: parameters), as: UTF8.self)
        #expect(base.hasPrefix("\"@authority\": www.example.com\n\"@scheme\": https\n"))
    }

    /// Every component derived from the target URI alone, by the general and the fast path's reading. Expected
    /// values: RFC 9421 §2.2.2–§2.2.7's example (`https://www.example.com/path?param=value`), and the rules of
    /// §2.2.3 (host in lower case, default port left out), §2.2.6 (`/` for an empty path) and §2.2.7 (`?` alone for an
    /// empty or absent query).
    @Test func derivedComponentsFollowSection22() throws {
        let cases: [(uri: String, values: [TargetURI.Part: String])] = [
            (
                "https://www.example.com/path?param=value",
                [
                    .targetURI: "https://www.example.com/path?param=value", .authority: "www.example.com",
                    .scheme: "https", .path: "/path", .query: "?param=value", .requestTarget: "/path?param=value",
                ]
            ),
            (
                "HTTPS://WWW.Example.COM:443/P?Q",
                [
                    .targetURI: "HTTPS://WWW.Example.COM:443/P?Q", .authority: "www.example.com", .scheme: "https",
                    .path: "/P", .query: "?Q", .requestTarget: "/P?Q",
                ]
            ),
            (
                "http://a.example:80",
                [
                    .targetURI: "http://a.example:80/", .authority: "a.example", .scheme: "http", .path: "/",
                    .query: "?", .requestTarget: "/",
                ]
            ),
            (
                "https://a.example:80/x?",
                [
                    .targetURI: "https://a.example:80/x?", .authority: "a.example:80", .scheme: "https", .path: "/x",
                    .query: "?", .requestTarget: "/x?",
                ]
            ),
            (
                "http://a.example:443?a=1",
                [
                    .targetURI: "http://a.example:443/?a=1", .authority: "a.example:443", .scheme: "http", .path: "/",
                    .query: "?a=1", .requestTarget: "/?a=1",
                ]
            ),
        ]
        for (uri, values) in cases {
            let target = try TargetURI(uri)
            #expect(Set(values.keys) == Set(TargetURI.Part.allCases))
            for (part, value) in values {
                let kind = ComponentIdentifier.prebuilt.first { TargetURI.Part($0.kind) == part }!.kind
                #expect(target.derivedValue(kind) == value, "\(uri) \(part)")
                #expect(target.withDerivedUTF8(part) { Array($0) } == Array(value.utf8), "\(uri) \(part)")
            }
        }
    }
}
