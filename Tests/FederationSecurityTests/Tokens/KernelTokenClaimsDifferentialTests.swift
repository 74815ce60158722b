@_spi(Differential) import FederationSecurity
import Testing

/// The common-shape claims reader against the generic one (``JSONReader`` + ``KernelTokenClaims/init(parsing:)``):
/// on thousands of mutated and generated claim payloads, each minted into an authentic token so that it reaches the
/// claims step, both give the same verdict, error code and claims.
@Suite struct KernelTokenClaimsDifferentialTests {
    let keys = try! KernelKeyRing(["k1": SecretBytes([UInt8](repeating: 9, count: 32))])
    let expectation = KernelToken.Expectation(
        kernel: "kernel-a", principal: "agent-7", capability: "db.query", now: 1_800_000_000)

    /// Seeds: the canonical shape, other orders, every claim type, and the inputs the fast path must decline.
    static let seeds: [String] = [
        #"{"cap":"db.query","cns":{},"exp":1800000300,"iat":1799999990,"jti":"tok-1","sub":"agent-7"}"#,
        #"{"cap":"db.query","cns":{"max_rows":10},"exp":1800000300,"iat":1799999990,"jti":"0960e964962f0d279337bc52451051df","nbf":1799999995,"sub":"agent-7"}"#,
        #"{"jti":"t","sub":"agent-7","cap":"db.query","iat":-0,"exp":9007199254740991,"cns":{"allowed_fields":["a","b"],"args":{"p":{"prefix":"/srv/"}}}}"#,
        #"{"sub":"agent-7","cap":"db.query","cns":{"max_rows":1.5},"iat":0,"exp":2000000000,"jti":"x"}"#,
        #"{ "cap":"db.query", "cns":{}, "exp":1800000300, "iat":1799999990, "jti":"tok-1", "sub":"agent-7" }"#,
        #"{"cap":"db.\u0071uery","cns":{},"exp":1800000300,"iat":1799999990,"jti":"tok-\u00e9","sub":"agent-7"}"#,
        #"{"cap":"db.query","cns":{"args":{"k":{"pinned":"é\ud83d\ude00"}}},"exp":1800000300,"iat":1,"jti":"é","sub":"agent-7"}"#,
        #"{"cap":"db.query","cns":{},"exp":1800000300,"iat":1799999990,"jti":"tok-1","sub":"agent-7","jti":"again"}"#,
        #"{"cap":"db.query","exp":9007199254740992,"iat":01,"jti":"","sub":"agent-7","xyz":1}"#,
        deep(15),
        #"{"cap":"db.query","cns":{"x":1,"x":2},"exp":1e9,"iat":1.0,"jti":"tok-1","sub":"agent-7"}"#,
        #"{"cap":null,"cns":[],"exp":"1","iat":true,"jti":1,"sub":{}}"#,
        // `cns` shapes: flat (read by the scanner), and ones it hands to the generic parser in place.
        #"{"cap":"db.query","cns":{"a":"x","b":-0,"c":9007199254740991,"d":""},"exp":1800000300,"iat":1799999990,"jti":"tok-1","sub":"agent-7"}"#,
        #"{"cap":"db.query","cns":{"max_rows":10,"allowed_fields":["a"]},"exp":1800000300,"iat":1799999990,"jti":"tok-1","sub":"agent-7"}"#,
        #"{"cap":"db.query","cns":{"a":1 ,"b":"\u0041","c":1.0},"exp":1800000300,"iat":1799999990,"jti":"tok-1","sub":"agent-7"}"#,
        #"{"cap":"db.query","cns":{"a":1,"b":2,"a":3},"exp":1800000300,"iat":1799999990,"jti":"tok-1","sub":"agent-7"}"#,
        #"{"cap":"db.query","cns":{"#
            + (0..<17).map { #""k\#($0)":\#($0)"# }.joined(separator: ",")
            + #"},"exp":1800000300,"iat":1799999990,"jti":"tok-1","sub":"agent-7"}"#,
    ]

    /// Fragments spliced in by the mutator: structure, escapes, non-ASCII, number edge cases, claim names.
    static let fragments: [String] = [
        " ", "\n", "\\", "\\\"", "\\u0041", "\\ud800", "\"", ",", ":", "{", "}", "[", "]", "{}", "0", "-", "-0", "01",
        "1.0", "1e3", "9007199254740991", "9007199254740992", "-9007199254740991", "12345678901234567", "é", "\u{212A}",
        "\"jti\":", "\"sub\":\"agent-7\",", "\"nbf\":1,", "\"cns\":{\"max_rows\":2},", "\"exp\":", "null", "true",
        "\u{7F}", "\u{1F}", String(repeating: "j", count: 129),
    ]

    @Test func bothReadersAgreeOnMutatedAndGeneratedClaims() throws {
        var rng = SplitMix64(seed: 0x5EED_0005)
        var fastAnswered = 0, fallbackAccepted = 0, rejected = 0
        for round in 0..<6000 {
            var payload = Array(Self.seeds[round % Self.seeds.count].utf8)
            for _ in 0..<(round % 4) { mutate(&payload, &rng) }
            if round % 7 == 0, !payload.isEmpty {
                payload[Int(rng.next() % UInt64(payload.count))] = UInt8(rng.next() & 0xFF)
            }

            let fast = KernelTokenClaims.readCommonShape(payload)
            let generic = read(payload, .generic)
            let combined = read(payload, .commonShapeFirst)
            if let fast {
                fastAnswered += 1
                #expect(
                    generic == .accepted(fast), "fast path answered where the generic path did not: \(text(payload))")
            } else if case .accepted = generic {
                fallbackAccepted += 1
            } else {
                rejected += 1
            }
            #expect(combined == generic, "readers disagree on \(text(payload))")

            let token = try KernelToken.mint(claimsJSON: payload, kernel: "kernel-a", kid: "k1", keys: keys)
            let viaFast = verify(token, .commonShapeFirst)
            let viaGeneric = verify(token, .generic)
            #expect(viaFast == viaGeneric, "verify verdicts differ on \(text(payload))")
        }
        // The comparison is not vacuous: each side of the split was exercised many times.
        #expect(fastAnswered > 500 && fallbackAccepted > 150 && rejected > 2000)
    }

    /// Every byte the string scan must stop at, at every offset of a 24-byte `jti` (the scan reads 8 bytes at a time).
    @Test func everyStopByteAtEveryOffsetOfAString() {
        let stops: [[UInt8]] = [[0x22], [0x5C], [0x5C, 0x22], [0x00], [0x1F], [0x7F], [0x80], [0xC3, 0xA9], [0xFF]]
        for stop in stops {
            for offset in 0..<24 {
                var jti = [UInt8](repeating: UInt8(ascii: "a"), count: 24)
                jti.replaceSubrange(offset..<(offset + 1), with: stop)
                let payload = Array(#"{"cap":"c","exp":2,"iat":1,"jti":""#.utf8) + jti + Array(#"","sub":"s"}"#.utf8)
                let fast = KernelTokenClaims.readCommonShape(payload)
                #expect(fast == nil, "answered with \(stop) at \(offset)")
                #expect(read(payload, .commonShapeFirst) == read(payload, .generic))
            }
        }
    }

    @Test func seedsSplitAsDesigned() {
        let answered = Self.seeds.map { KernelTokenClaims.readCommonShape(Array($0.utf8)) != nil }
        #expect(
            answered == [
                true, true, true, true, false, false, false, false, false, true, false, false,
                true, true, true, false, true,
            ])
        // Over the size limit (8 KiB, the token's): the common-shape reader declines, the generic one refuses.
        let large = Array(Self.seeds[0].replacing("agent-7", with: String(repeating: "a", count: 8200)).utf8)
        #expect(KernelTokenClaims.readCommonShape(large) == nil)
        #expect(read(large, .generic) == .rejected(.jsonTooLarge))
        // `cns` 15 levels deep puts the claims at the depth limit (16); one more level is rejected by both.
        #expect(KernelTokenClaims.readCommonShape(Array(Self.deep(15).utf8)) != nil)
        #expect(read(Array(Self.deep(15).utf8), .generic) != .rejected(.jsonTooDeep))
        #expect(KernelTokenClaims.readCommonShape(Array(Self.deep(16).utf8)) == nil)
        #expect(read(Array(Self.deep(16).utf8), .generic) == .rejected(.jsonTooDeep))
    }

    // MARK: - Helpers

    /// Claims whose `cns` nests `levels` objects.
    static func deep(_ levels: Int) -> String {
        let cns = String(repeating: #"{"a":"#, count: levels - 1) + "{}" + String(repeating: "}", count: levels - 1)
        return #"{"cap":"db.query","cns":"# + cns
            + #","exp":1800000300,"iat":1799999990,"jti":"tok-1","sub":"agent-7"}"#
    }

    enum Outcome: Equatable {
        case accepted(KernelTokenClaims)
        case rejected(ErrorCode)
    }

    func read(_ payload: [UInt8], _ reader: KernelTokenClaims.Reader) -> Outcome {
        do {
            return .accepted(try payload.withUnsafeBufferPointer { try KernelTokenClaims(json: $0, reader: reader) })
        } catch {
            return .rejected((error as? FederationError)?.code ?? ErrorCode("unexpected"))
        }
    }

    func verify(_ token: String, _ reader: KernelTokenClaims.Reader) -> Outcome {
        do {
            return .accepted(
                try KernelToken.verify(
                    token, expecting: expectation, keys: keys, revocations: nil, claimsReader: reader))
        } catch {
            return .rejected(error.code)
        }
    }

    func mutate(_ payload: inout [UInt8], _ rng: inout SplitMix64) {
        let at = payload.isEmpty ? 0 : Int(rng.next() % UInt64(payload.count + 1))
        let fragment = Array(Self.fragments[Int(rng.next() % UInt64(Self.fragments.count))].utf8)
        switch rng.next() % 4 {
        case 0: payload.insert(contentsOf: fragment, at: at)
        case 1:  // replace a short run with the fragment
            let end = min(payload.count, at + Int(rng.next() % 4))
            payload.replaceSubrange(at..<end, with: fragment)
        case 2:  // delete a short run
            payload.removeSubrange(at..<min(payload.count, at + 1 + Int(rng.next() % 3)))
        default:  // duplicate a run elsewhere
            let end = min(payload.count, at + Int(rng.next() % 24))
            let run = Array(payload[at..<end])
            payload.insert(contentsOf: run, at: Int(rng.next() % UInt64(payload.count + 1)))
        }
    }

    func text(_ payload: [UInt8]) -> String { String(decoding: payload, as: UTF8.self) }
}

/// A small deterministic generator (SplitMix64), so every run tests the same payloads.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
