@_spi(Fuzzing) import FederationSecurity
import Testing

/// The one-pass readers of the verifier against the general path: for each input, whether the fast path takes it
/// (so the common shape really is fast, and the unusual shapes really fall back) and, when it does, that the general
/// path gives the same answer (``RequestSigningFastPathDifferential`` traps otherwise). Expected digests are
/// SHA-256 of the body computed independently with Python's hashlib.
@Suite struct RequestSigningFastPathTests {
    static let components = #"("@method" "@target-uri" "@authority" "content-type" "content-digest" "date")"#
    static let typical = components + #";created=1800000000;keyid="kernel-b";alg="hmac-sha256";nonce="n-1""#
    static let signature = "sig1=:" + String(repeating: "A", count: 43) + "=:"

    static func message(input: [String], signature: [String]) -> SignableMessage {
        try! SignableMessage(
            method: "POST", targetURI: "https://example.com/",
            fields: input.map { .init(name: "Signature-Input", value: $0) }
                + signature.map { .init(name: "Signature", value: $0) })
    }

    static func fast(_ input: String, _ signature: String = signature, label: String? = nil) -> Bool {
        RequestSigningFastPathDifferential.checkSignatureFields(
            message(input: [input], signature: [signature]), label: label)
    }

    @Test func typicalShapeTakesTheFastPath() {
        #expect(Self.fast("sig1=" + Self.typical))
        #expect(Self.fast("sig1=" + Self.typical, label: "sig1"))
        #expect(Self.fast(#"sig1=();created=0;keyid="k""#))
        #expect(Self.fast(#"sig1=();created=999999999999999"#))  // 15 digits, the RFC 8941 maximum
        #expect(Self.fast(#"sig1=("@method");expires=9;tag="t";keyid="k";created=1"#))
        #expect(Self.fast("sig1=" + Self.components + #";nonce=""# + String(repeating: "n", count: 256) + "\""))
        #expect(Self.fast(#"a*.-_9=("date");created=5"#, "a*.-_9=::"))
    }

    @Test func unusualShapesFallBack() {
        let cases: [(String, String)] = [
            (" sig1=" + Self.typical, Self.signature),  // leading space
            ("sig1=" + Self.typical + " ", Self.signature),  // trailing space
            (#"sig1=("@method"  "date");created=1"#, Self.signature),  // two spaces
            (#"sig1=( "@method");created=1"#, Self.signature),
            (#"sig1=("@method" );created=1"#, Self.signature),
            (#"sig1=("@method"); created=1"#, Self.signature),
            (#"sig1=("x-custom");created=1"#, Self.signature),  // not prebuilt
            (#"sig1=("@query-param";name="a");created=1"#, Self.signature),
            (#"sig1=("date" "date");created=1"#, Self.signature),  // duplicate component
            (#"sig1=("date");created=1;created=2"#, Self.signature),  // duplicate parameter
            (#"sig1=("date");created=1;foo=2"#, Self.signature),  // unknown parameter
            (#"sig1=("date");created=01"#, Self.signature),
            (#"sig1=("date");created=-1"#, Self.signature),
            (#"sig1=("date");created=1234567890123456"#, Self.signature),
            ("sig1=(\"date\");created=" + String(repeating: "9", count: 40), Self.signature),  // fuzz: overflowed
            (#"sig1=("date");created=1.5"#, Self.signature),
            (#"sig1=("date");created"#, Self.signature),
            (#"sig1=("date");keyid=k"#, Self.signature),  // token, not string
            (#"sig1=("date");keyid="a\"b""#, Self.signature),  // escape
            ("sig1=(\"date\");nonce=\"" + String(repeating: "n", count: 257) + "\"", Self.signature),
            (#"sig1=("date");created=1, sig2=("date");created=1"#, Self.signature + ", sig2=::"),
            (#"sig1=("date");created=1"#, "sig2=::"),  // other label
            (#"sig1=("date");created=1"#, "sig1=:AAA:"),  // bad base64 length
            (#"sig1=("date");created=1"#, "sig1=:AB==:"),  // non-zero trailing bits
            (#"sig1=("date");created=1"#, "sig1=:AAAA:;p"),
            (#"sig1=("date");created=1"#, "sig1=:"),
            (#"sig1="date";created=1"#, Self.signature),  // not an inner list
            ("Sig1=" + Self.typical, Self.signature),
        ]
        for (input, signature) in cases {
            #expect(!Self.fast(input, signature), "\(input) | \(signature)")
        }
        #expect(!Self.fast("sig1=" + Self.typical, label: "sig2"))
        let twoLines = Self.message(input: ["sig1=" + Self.typical, "sig2=()"], signature: [Self.signature])
        #expect(!RequestSigningFastPathDifferential.checkSignatureFields(twoLines, label: nil))
    }

    @Test func contentDigestShortcutAgreesWithTheGeneralPath() {
        let body = Array(#"{"hello": "world"}"#.utf8)
        // python3 -c 'import hashlib,base64;print(base64.b64encode(hashlib.sha256(b"{\"hello\": \"world\"}").digest()))'
        let good = "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:"
        #expect(RequestSigningFastPathDifferential.checkContentDigest(good, body: body))
        #expect(throws: Never.self) { try ContentDigest.verify(good, body: body) }
        #expect(throws: FederationError.self) { try ContentDigest.verify(good, body: body + [0x20]) }
        #expect(RequestSigningFastPathDifferential.checkContentDigest(good, body: body + [0x20]))
        for value in [
            good + " ", " " + good, good + ", sha-512=:AAAA:", "sha-512=:AAAA:",
            "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPF=:",  // non-zero trailing bits
            "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBP==:",  // decodes to 31 bytes
            "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:;a",
        ] {
            #expect(!RequestSigningFastPathDifferential.checkContentDigest(value, body: body), "\(value)")
        }
    }
}
