import FederationSecurity
import Testing

/// The token decoder reads each base64url JSON part through a scratch buffer instead of a decoded array; these
/// check that it reaches the same verdict as the general path, `JSONReader.parse(Base64URL.decode(part))`, on parts
/// built to fail at each step (base64url, UTF-8, byte order mark, JSON grammar, duplicate keys, depth) and on random
/// ones.
@Suite struct UCANDecodeDifferentialTests {
    static let signature = Base64URL.encode([UInt8](repeating: 7, count: 64))

    /// The general path's outcome for a payload part: `nil` when it parses, else its error code.
    static func reference(_ part: String) -> ErrorCode? {
        let reader = JSONReader(limits: .init(maxBytes: UCANLimits.default.maxTokenBytes, maxDepth: 16))
        do {
            _ = try reader.parse(try Base64URL.decode(part))
            return nil
        } catch {
            return error.code
        }
    }

    /// Decodes `header.part.signature` and checks the payload step matches ``reference(_:)``.
    static func check(_ part: String) {
        let text = UCANBuilder.encodedHeader + "." + part + "." + signature
        let expected = reference(part)
        do {
            _ = try UCANToken(decoding: text)
            #expect(expected == nil, "decoded, but the general path fails with \(String(describing: expected))")
        } catch {
            let readFailed = error.code == .ucanMalformed && error.reason.contains("payload is not base64url JSON")
            if let expected {
                #expect(readFailed && error.reason.contains("(\(expected))"), "\(error) for \(part)")
            } else {
                #expect(!readFailed, "\(error) for a part the general path reads")
            }
        }
    }

    @Test(arguments: [
        #"{"ucv":"0.10.0","iss":"did:key:z6Mk","aud":"did:key:z6Mk","exp":null,"cap":{}}"#,
        #"{"a":1,"a":2}"#, "[1,2]", "{", "  ", " {} ", "\u{FEFF}{}", "{\"k\":\"\u{1}\"}",
        String(repeating: "[", count: 20) + String(repeating: "]", count: 20), #"{"k":"\ud800"}"#,
    ])
    func textParts(_ json: String) {
        Self.check(Base64URL.encode(Array(json.utf8)))
    }

    @Test(arguments: ["e30=", "e30", "e31", "e3+", "e3/", "e*0", "eyJhIjoxfQ", "eyJhIjoxfR", "A", "AB", "ABC"])
    func base64Parts(_ part: String) {
        Self.check(part)
    }

    @Test func invalidUTF8() {
        Self.check(Base64URL.encode([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]))
    }

    @Test func randomParts() {
        var rng = SplitMix64(seed: 0x5EED_0C4A)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_{}\":,=".utf8)
        for _ in 0..<2_000 {
            let length = Int(rng.next() % 40) + 1
            let bytes = (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            Self.check(String(decoding: bytes, as: UTF8.self))
            let json = (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            Self.check(Base64URL.encode(json))
        }
    }

    /// The `ucv` rule as first written (split into parts, then checked): the reference for the byte scan.
    static func referenceVersion(_ text: String) -> ErrorCode? {
        let parts = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        let numeric = parts.allSatisfy { p in
            !p.isEmpty && p.count <= 9 && p.allSatisfy { (0x30...0x39).contains($0) }
                && (p.count == 1 || p.first != UInt8(ascii: "0"))
        }
        guard parts.count == 3, numeric else { return .ucanIncorrectType }
        guard parts[0].elementsEqual("0".utf8), parts[1].elementsEqual("10".utf8) else {
            return .ucanUnsupportedVersion
        }
        return nil
    }

    static func checkVersion(_ ucv: String) {
        let did = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"
        let payload = #"{"ucv":"\#(ucv)","iss":"\#(did)","aud":"\#(did)","exp":null,"cap":{}}"#
        let text = UCANBuilder.encodedHeader + "." + Base64URL.encode(Array(payload.utf8)) + "." + signature
        let expected = referenceVersion(ucv)
        do {
            _ = try UCANToken(decoding: text)
            #expect(expected == nil, "ucv \(ucv) accepted")
        } catch {
            #expect(error.code == expected, "ucv \(ucv): \(error)")
        }
    }

    @Test(arguments: [
        "0.10.0", "0.10.12", "0.10.123456789", "0.10.1234567890", "0.10.01", "00.10.0", "0.010.0", "0.9.0", "1.10.0",
        "0.10", "0.10.0.0", "0.10.", ".10.0", "0..0", "0.10.x", "0.1a.0", "", ".", "..", "0.10.-1", "0.10.0-rc1",
        "0.000000010.0", "0.10.999999999",
    ])
    func versions(_ ucv: String) {
        Self.checkVersion(ucv)
    }

    @Test func randomVersions() {
        var rng = SplitMix64(seed: 0x5EED_0C4B)
        let alphabet = Array("0011..9a".utf8)
        for _ in 0..<3_000 {
            let length = Int(rng.next() % 12)
            let bytes = (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            Self.checkVersion(String(decoding: bytes, as: UTF8.self))
        }
    }
}
