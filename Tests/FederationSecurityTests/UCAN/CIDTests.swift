import FederationSecurity
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
}
