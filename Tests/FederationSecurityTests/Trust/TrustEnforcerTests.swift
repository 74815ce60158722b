import FederationSecurity
import Testing

@Suite struct TrustEnforcerTests {
    @Test(arguments: [
        "HTTPS://Partner.example.com:443/", "https://partner.example.com", "did:web:partner.example.com",
        "did:web:PARTNER.example.com%3A443", "https://partner.example.com/",
    ])
    func spellingsOfOnePeerMatch(_ spelling: String) throws {
        let enforcer = try TrustEnforcer(mode: .allowlist, peers: ["https://partner.example.com"])
        let viaOrigin = enforcer.decide(origin: spelling)
        #expect(viaOrigin.trusted && viaOrigin.reason == .allowlisted)
        #expect(viaOrigin.matchedPeer?.canonical == "did:web:partner.example.com")
    }

    @Test func addAndRemoveTakeAnySpelling() throws {
        var enforcer = try TrustEnforcer(mode: .allowlist)
        #expect(enforcer.decide(origin: "https://a.example").reason == .notAllowlisted)
        try enforcer.add("did:web:a.example")
        #expect(enforcer.decide(origin: "https://A.example:443").trusted)
        #expect(try enforcer.remove("HTTPS://a.example/"))
        #expect(!enforcer.decide(origin: "https://a.example").trusted)
        #expect(try !enforcer.remove("https://a.example"))
        #expect(throws: FederationError(.trustInvalidPeer)) { try enforcer.add("a.example") }
    }

    @Test func modesAndReasons() throws {
        let open = try TrustEnforcer(mode: .open)
        #expect(open.decide(origin: "garbage").reason == .openMode)
        let none = try TrustEnforcer(mode: .trustless, peers: ["https://a.example"])
        let decision = none.decide(origin: "https://a.example")
        #expect(!decision.trusted && decision.reason == .trustlessMode && decision.matchedPeer == nil)
        let list = try TrustEnforcer(mode: .allowlist, peers: ["https://a.example"])
        #expect(list.decide(origin: nil, did: nil).reason == .noPeer)
        #expect(list.decide(origin: "a.example").reason == .invalidPeer)
        #expect(list.decide(origin: "a.example", did: "did:web:a.example").trusted)
        #expect(throws: FederationError(.trustDenied)) { try list.require(origin: "https://b.example") }
    }

    @Test func lookalikesAreOtherPeers() throws {
        let list = try TrustEnforcer(mode: .allowlist, peers: ["https://partner.example.com"])
        for name in [
            "https://evil.partner.example.com", "https://partner.example.com.evil.example",
            "http://partner.example.com",
            "https://partner.example.com:8443", "https://partner.example.com/x", "https://partner.example.com?",
            "https://user@partner.example.com",
        ] {
            #expect(!list.decide(origin: name).trusted, "\(name)")
        }
    }

    @Test func peerNameLimit() {
        let host = "https://a.example/"
        let atLimit = host + String(repeating: "a", count: PeerName.maxLength - host.utf8.count)
        #expect((try? PeerName(atLimit)) != nil)
        #expect(throws: FederationError(.trustInvalidPeer)) { try PeerName(atLimit + "a") }
        // With a port, the did:web form is 2 bytes longer (`%3A`): 2,046 bytes of origin is the most it can take.
        let withPort = "https://a.example:8443/"
        let portAtLimit = withPort + String(repeating: "a", count: PeerName.maxLength - 2 - withPort.utf8.count)
        #expect((try? PeerName(portAtLimit))?.canonical.utf8.count == PeerName.maxLength)
        #expect(throws: FederationError(.trustInvalidPeer)) { try PeerName(portAtLimit + "a") }
    }
}
