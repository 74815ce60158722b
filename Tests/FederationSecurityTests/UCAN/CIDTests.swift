@_spi(Differential) import FederationSecurity
import Testing

@Suite struct CIDTests {
    /// The canonical CID of the ucan-wg `toCID` fixture's token.
    static let fixture = "bafkreibvv43zt5dfzwr5ejms3oeb5rkazufzkvqs6v3izwwlj64jmrchci"

    @Test func parsesAndPrintsTheCanonicalForm() throws {
        let cid = try CID(parsing: Self.fixture)
        #expect(cid.isCanonicalUCAN)
        #expect(cid.description == Self.fixture)
    }

    @Test(arguments: [
        ("B" + fixture.dropFirst(), ErrorCode.cidInvalid),  // upper-case prefix
        (fixture.uppercased(), ErrorCode.cidInvalid),
        ("z" + fixture.dropFirst(), ErrorCode.cidInvalid),  // base58btc prefix
        ("QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG", ErrorCode.cidInvalid),  // CIDv0
        (String(fixture.dropLast()), ErrorCode.cidInvalid),  // digest one symbol short
        (fixture + "aa", ErrorCode.cidInvalid),  // trailing bytes
        ("bahkreibvv43zt5dfzwr5ejms3oeb5rkazufzkvqs6v3izwwlj64jmrchci", ErrorCode.cidUnsupported),  // version 3
    ])
    func rejects(_ text: String, _ code: ErrorCode) {
        #expect(throws: FederationError(code)) { try CID(parsing: text) }
    }

    @Test func lengthLimit() {
        #expect(throws: FederationError(.cidInvalid)) {
            try CID(parsing: "b" + String(repeating: "a", count: CID.maxTextLength))
        }
    }

    /// The CID digest (OpenSSL's SHA-256) is libsodium's `SHA256.hash` of the same bytes, for every length across
    /// the 64-byte block boundaries and for contiguous and non-contiguous inputs.
    @Test func digestIsSHA256OfTheBytes() {
        var rng = SplitMix64(seed: 0x5EED_0C1D)
        for length in Array(0...300) + [4_095, 16_384] {
            let bytes = (0..<length).map { _ in UInt8(rng.next() & 0xFF) }
            #expect(CID.rawSHA256(of: bytes).digest == SHA256.hash(bytes), "length \(length)")
            #expect(CID.rawSHA256(of: bytes.lazy.map { $0 }).digest == SHA256.hash(bytes), "length \(length)")
        }
        let text = "héllo, UCAN"
        #expect(CID.rawSHA256(of: text.utf8) == CID.rawSHA256(of: Array(text.utf8)))
    }

    /// ``CID/readCanonicalUCAN(_:)`` against ``CID/init(parsing:)``: it answers for every canonical UCAN CID, and for
    /// any text only with the CID the parse returns (on canonical texts with one symbol replaced, cut, lengthened or
    /// re-prefixed, and on CIDs of other codecs and hashes).
    @Test func canonicalReaderAnswersOnlyLikeTheParse() {
        var generator = SystemRandomNumberGenerator()
        let replacements = Array("abz27AZ=1890-_ .é".unicodeScalars).map(String.init)
        var answered = 0
        for round in 0..<4_000 {
            let data = (0..<(round % 70)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let canonical = CID.rawSHA256(of: data).description
            #expect(CID.readCanonicalUCAN(canonical) == (try? CID(parsing: canonical)), "\(canonical)")
            var text = Array(canonical.unicodeScalars).map(String.init)
            switch round % 5 {
            case 0: text[Int.random(in: 0..<text.count, using: &generator)] = replacements.randomElement()!
            case 1: text.removeLast(Int.random(in: 1...3, using: &generator))
            case 2: text.append(replacements.randomElement()!)
            case 3: text[0] = ["B", "z", "f", "u"].randomElement()!
            default: text = Array(CID.rawBLAKE3(of: data).description.unicodeScalars).map(String.init)
            }
            let mutated = text.joined()
            let fast = CID.readCanonicalUCAN(mutated)
            if fast != nil { answered += 1 }
            #expect(fast == nil || fast == (try? CID(parsing: mutated)), "\(mutated)")
        }
        #expect(answered > 0)
    }
}
