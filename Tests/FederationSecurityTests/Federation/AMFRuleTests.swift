import FederationSecurity
import Testing

@Suite struct AMFRuleTests {
    func chain(_ count: Int) -> [DelegationLink] {
        (0..<count).map { DelegationLink(delegator: "p\($0)", delegate: "p\($0 + 1)", scopes: ["x"]) }
    }

    @Test func depthIsConfigurableAndDefaultsToFive() throws {
        try DelegationRules().verify(chain(5))
        #expect(throws: FederationError(.delegationTooDeep)) { try DelegationRules().verify(chain(6)) }
        try DelegationRules(maxDepth: 6).verify(chain(6))
        #expect(throws: FederationError(.delegationTooDeep)) { try DelegationRules(maxDepth: 2).verify(chain(3)) }
    }

    @Test func cyclesAreFoundAtEveryDepthSetting() {
        let loop = [
            DelegationLink(delegator: "a", delegate: "b", scopes: []),
            DelegationLink(delegator: "b", delegate: "a", scopes: []),
        ]
        for depth in [2, 5, DelegationRules.hardMaxDepth] {
            for strict in [false, true] {
                #expect(throws: FederationError(.delegationCycle)) {
                    try DelegationRules(maxDepth: depth, strictSubset: strict).verify(loop)
                }
            }
        }
    }

    @Test func strictRequiresEveryHopToNarrow() throws {
        let same = [
            DelegationLink(delegator: "a", delegate: "b", scopes: ["r", "w"]),
            DelegationLink(delegator: "b", delegate: "c", scopes: ["w", "r", "r"]),
        ]
        #expect(try DelegationRules().verify(same) == ["r", "w"])
        #expect(throws: FederationError(.delegationScopeEscalation)) {
            try DelegationRules(strictSubset: true).verify(same)
        }
    }

    @Test func semanticVersions() {
        for good in ["0.0.0", "1.2.3-rc.1+build.5", "1.0.0-0A.is.legal"] {
            #expect(SemanticVersion.isValid(good), "\(good)")
        }
        for bad in ["1.2", "1.2.3-", "1.2.3-00", "01.2.3", "1.2.3+", "1.2.3+a..b", "v1.2.3", "", "1.2.3\u{0}"] {
            #expect(!SemanticVersion.isValid(bad), "\(bad)")
        }
    }

    @Test func advertisementSizeIsCheckedBeforeParsing() {
        let text = "[" + String(repeating: " ", count: Advertisement.maxBytes)
        #expect(throws: FederationError(.advertisementTooLarge)) { try Advertisement(bytes: Array(text.utf8)) }
        #expect(throws: FederationError(.jsonUnexpectedEnd)) { try Advertisement(bytes: Array(text.utf8.prefix(512))) }
    }

    @Test func pinsAreTrustOnFirstUse() throws {
        let store = PinStore(capacity: 2)
        let peer = try PeerName("https://partner.example.com")
        let fingerprint = PinStore.fingerprint(certificateDER: [1, 2, 3])
        #expect(fingerprint == "sha256:039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81")
        #expect(try store.check(peer: peer, fingerprint: fingerprint) == .pinned)
        #expect(
            try store.check(peer: try PeerName("did:web:partner.example.com"), fingerprint: fingerprint) == .matched)
        #expect(throws: FederationError(.pinMismatch)) {
            try store.check(peer: peer, fingerprint: PinStore.fingerprint(certificateDER: [1, 2, 4]))
        }
        #expect(store.pinned(peer) == fingerprint, "a mismatch never replaces the pin")
        try store.check(peer: try PeerName("https://b.example"), fingerprint: fingerprint)
        #expect(throws: FederationError(.pinStoreFull)) {
            try store.check(peer: try PeerName("https://c.example"), fingerprint: fingerprint)
        }
        #expect(store.unpin(peer))
        #expect(try store.check(peer: peer, fingerprint: PinStore.fingerprint(certificateDER: [9])) == .pinned)
    }

    @Test func pinFirstUseHasOneWinnerUnderConcurrency() async throws {
        let store = PinStore()
        let peer = try PeerName("https://race.example")
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for n in 0..<32 {
                group.addTask {
                    (try? store.check(peer: peer, fingerprint: PinStore.fingerprint(certificateDER: [UInt8(n)]))) != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        #expect(store.count == 1)
    }
}
