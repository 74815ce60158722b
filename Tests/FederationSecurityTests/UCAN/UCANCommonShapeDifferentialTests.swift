import Foundation
@_spi(Differential) import FederationSecurity
import Testing

/// The common-shape token path (``UCANPayloadCommonShape`` and ``UCANToken/readCommonShape(_:limits:)``) against
/// the strict decode: on every token of the UCAN vector files, on thousands of mutated and generated payloads and
/// token texts, and under tight limits, both give the same verdict, error code and reason, and the same token with
/// the same member order.
@Suite struct UCANCommonShapeDifferentialTests {
    enum Outcome: Equatable {
        case decoded(UCANToken, order: String)
        case rejected(ErrorCode, String)
    }

    static func decode(_ text: String, _ reader: UCANToken.Reader, limits: UCANLimits = .default) -> Outcome {
        do {
            let token = try UCANToken(decoding: text, limits: limits, reader: reader)
            return .decoded(token, order: ordered(.object(token.header)) + ordered(.object(token.payload)))
        } catch {
            return .rejected(error.code, error.reason)
        }
    }

    /// The value written out with members in their order (``JSONObject`` equality ignores the order).
    static func ordered(_ value: JSONValue) -> String {
        switch value {
        case .object(let o):
            "{" + o.members.map { "\($0.key.debugDescription):\(ordered($0.value))" }.joined(separator: ",") + "}"
        case .array(let a): "[" + a.map(ordered).joined(separator: ",") + "]"
        default: "\(value)"
        }
    }

    /// Compares both paths on `text`; returns whether the common-shape path answered.
    @discardableResult
    static func check(_ text: String, limits: UCANLimits = .default) -> Bool {
        let strict = decode(text, .strict, limits: limits)
        #expect(decode(text, .commonShapeFirst, limits: limits) == strict, "paths disagree on \(text)")
        guard let fast = UCANToken.readCommonShape(text, limits: limits) else { return false }
        #expect(
            strict == .decoded(fast, order: ordered(.object(fast.header)) + ordered(.object(fast.payload))),
            "the common-shape path answered where the strict decode did not: \(text)")
        return true
    }

    /// Every token text in the UCAN vector files.
    static let vectorTokens: [String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("TestVectors")
        let files = [
            "ucan/openintent-0.17.json", "external/ucan/verify.json", "external/ucan/refute.json",
            "external/ucan/build.json", "external/ucan/cid.json",
        ]
        let pattern = try! Regex("ey[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*")
        var tokens: [String] = []
        for file in files {
            let text = try! String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            tokens += text.matches(of: pattern).map { String(text[$0.range]) }
        }
        return tokens
    }()

    static let signature = Base64URL.encode([UInt8](repeating: 7, count: 64))
    static let cid = UCANFixtures.root().cid.description
    static let iss = UCANFixtures.did(UCANFixtures.alice)
    static let aud = UCANFixtures.did(UCANFixtures.bob)

    /// Payload seeds: the builder's shape, every member, and shapes the common-shape reader must decline.
    static let seeds: [String] = [
        #"{"ucv":"0.10.0","iss":"\#(iss)","aud":"\#(aud)","exp":2000,"cap":{"mailto:a@b.c":{"msg/send":[{}]}}}"#,
        #"{"aud":"\#(aud)","cap":{"mailto:a@b.c":{"msg/send":[{}],"msg/*":[{"a":1},{}]},"dns:x":{"*":[{}]}},"exp":null,"fct":{"k":[1,{"v":"é"}]},"iss":"\#(iss)#k","nbf":0,"nnc":"n-1","prf":["\#(cid)"],"ucv":"0.10.3"}"#,
        #"{"ucv":"0.10.0","iss":"\#(iss)","aud":"\#(aud)","exp":9007199254740991,"nbf":12,"cap":{"mailto:a@b.c":{"Msg/Send":[{}],"msg/send":[{}]}},"prf":[]}"#,
        #"{"ucv":"0.10.0","iss":"\#(iss)","aud":"\#(aud)","exp":2000,"cap":{"mailto:a@b.c":{"msg/send":[{"n":{"m":{"o":{}}}}]}},"fct":{}}"#,
        #"{ "ucv":"0.10.0","iss":"\#(iss)","aud":"\#(aud)","exp":2000,"cap":{}}"#,
        #"{"ucv":"0.10.0","iss":"\#(iss)","aud":"\#(aud)","exp":2000,"cap":{},"ucv":"0.10.0"}"#,
        #"{"ucv":"0.9.0","iss":"did:key:","aud":"x","exp":-1,"cap":[],"prf":["x"],"nnc":1,"fct":[]}"#,
        #"{"ucv":"0.10.0","iss":"\#(iss)","aud":"\#(aud)","exp":2000,"cap":{"mailto:a@b.c":{"msg/send":[]},"x":{}}}"#,
        #"{"ucv":"0.10.0","iss":"\#(iss)","aud":"\#(aud)","exp":2000.0,"nbf":1e3,"cap":{"mailto:a@b.c":{"msg/send":[{}]}},"xyz":1}"#,
        #"{"ucv":"0.10.0","iss":"\#(iss)","aud":"\#(aud)","exp":2000,"cap":{"mailto:a@b.c":{"msg/send":[{}],"msg/send":[{}]},"mailto:a@b.c":{}}}"#,
        #"{"ucv":"0.10.0","iss":"\u0064id:key:x","aud":"\#(aud)","exp":02000,"cap":{"mailto:a@b.c":{"msg/send":[{},1]}}}"#,
    ]

    /// Fragments spliced in by the mutator: structure, escapes, non-ASCII, numbers, members, capability parts.
    static let fragments: [String] = [
        " ", "\n", "\\", "\\\"", "\\u0041", "\"", ",", ":", "{", "}", "[", "]", "{}", "[]", "0", "-", "-0", "01", "1.0",
        "1e3", "9007199254740991", "9007199254740992", "null", "true", "é", "\u{7F}", "\u{1F}", "*", "Msg/Send",
        #""ucv":"0.10.0","#, #""nbf":5,"#, #""nnc":"x","#, #""fct":{"a":[1,{"b":null}]},"#, #""prf":[],"#,
        #""prf":["\#(cid)"],"#, #""cap":{},"#, #""xyz":1,"#, #""exp":null,"#, #""mailto:a@b.c":{"msg/send":[{}]}"#,
        #""dns:x":{"a/b":[{"k":"v"},{}]},"#, #"{"k":"v"}"#, #"{"k":{"l":{"m":{"n":{}}}}}"#, "did:key:", "#frag",
    ]

    @Test func vectorTokensAgree() {
        let answered = Self.vectorTokens.filter { Self.check($0) }.count
        #expect(Self.vectorTokens.count > 90 && answered > 30, "\(answered) of \(Self.vectorTokens.count)")
    }

    @Test func seedsSplitAsDesigned() {
        let answered = Self.seeds.map {
            Self.check(UCANBuilder.encodedHeader + "." + Base64URL.encode(Array($0.utf8)) + "." + Self.signature)
        }
        #expect(answered == [true, true, false, true] + Array(repeating: false, count: 7))
    }

    @Test func mutatedPayloadsAgree() {
        var rng = SplitMix64(seed: 0x5EED_0CA5)
        var answered = 0, strictDecoded = 0
        for round in 0..<8_000 {
            var payload = Array(Self.seeds[round % Self.seeds.count].utf8)
            for _ in 0..<(round % 4) { Self.mutate(&payload, &rng) }
            if round % 7 == 0, !payload.isEmpty {
                payload[Int(rng.next() % UInt64(payload.count))] = UInt8(rng.next() & 0xFF)
            }
            let text = UCANBuilder.encodedHeader + "." + Base64URL.encode(payload) + "." + Self.signature
            if Self.check(text) { answered += 1 }
            if case .decoded = Self.decode(text, .strict) { strictDecoded += 1 }
        }
        // Not vacuous: the fast path answered often, and the strict decode accepted some it declined.
        #expect(answered > 500 && strictDecoded > answered, "\(answered) answered, \(strictDecoded) decoded")
    }

    @Test func mutatedTokenTextsAgree() {
        var rng = SplitMix64(seed: 0x5EED_0CA6)
        let texts =
            Self.vectorTokens
            + Self.seeds.map {
                UCANBuilder.encodedHeader + "." + Base64URL.encode(Array($0.utf8)) + "." + Self.signature
            }
        let alphabet = Array("AZaz09-_.=+/ ".utf8)
        for round in 0..<8_000 {
            var bytes = Array(texts[round % texts.count].utf8)
            for _ in 0..<(1 + round % 3) where !bytes.isEmpty {
                let at = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 3 {
                case 0: bytes[at] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                case 1: bytes.remove(at: at)
                default: bytes.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: at)
                }
            }
            Self.check(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func tightLimitsAgree() {
        let variants: [UCANLimits] = [
            UCANLimits(maxJSONDepth: 4), UCANLimits(maxJSONDepth: 5), UCANLimits(maxJSONDepth: 6),
            UCANLimits(maxTokenBytes: 400), UCANLimits(maxProofsPerToken: 0), UCANLimits(maxCapabilities: 1),
            UCANLimits(maxCaveatsPerAbility: 1),
        ]
        for limits in variants {
            for seed in Self.seeds {
                Self.check(
                    UCANBuilder.encodedHeader + "." + Base64URL.encode(Array(seed.utf8)) + "." + Self.signature,
                    limits: limits)
            }
            for token in Self.vectorTokens { Self.check(token, limits: limits) }
        }
    }

    static func mutate(_ payload: inout [UInt8], _ rng: inout SplitMix64) {
        let at = payload.isEmpty ? 0 : Int(rng.next() % UInt64(payload.count + 1))
        let fragment = Array(fragments[Int(rng.next() % UInt64(fragments.count))].utf8)
        switch rng.next() % 4 {
        case 0: payload.insert(contentsOf: fragment, at: at)
        case 1: payload.replaceSubrange(at..<min(payload.count, at + Int(rng.next() % 4)), with: fragment)
        case 2: payload.removeSubrange(at..<min(payload.count, at + 1 + Int(rng.next() % 3)))
        default:
            let end = min(payload.count, at + Int(rng.next() % 24))
            let run = Array(payload[at..<end])
            payload.insert(contentsOf: run, at: Int(rng.next() % UInt64(payload.count + 1)))
        }
    }
}
