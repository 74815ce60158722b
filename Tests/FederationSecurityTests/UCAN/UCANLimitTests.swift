import FederationSecurity
import Testing

/// Each limit of `Spec/limits.md` for UCAN, at the limit and one past it.
@Suite struct UCANLimitTests {
    typealias F = UCANFixtures

    func caps(_ n: Int, caveats: Int = 1) -> UCANCapabilities {
        UCANCapabilities(
            (0..<n).map {
                UCANCapability(
                    resource: "mailto:u\($0)@example.com", ability: "msg/send",
                    caveats: (0..<caveats).map { try! JSONObject(["n": .number(.integer(Int64($0)))]) })
            })
    }

    @Test func tokenSize() throws {
        let token = F.root().encoded
        let limits = UCANLimits(maxTokenBytes: token.utf8.count)
        _ = try UCANToken(decoding: token, limits: limits)
        #expect(throws: FederationError(.ucanTooLarge)) {
            try UCANToken(decoding: token, limits: UCANLimits(maxTokenBytes: token.utf8.count - 1))
        }
    }

    /// A token built with room to spare, decoded under the defaults.
    func token(_ capabilities: UCANCapabilities) throws -> String {
        try UCANBuilder.build(
            .init(audience: F.did(F.bob), expiration: 10, capabilities: capabilities), key: F.alice,
            limits: .init(maxCapabilities: 1_000, maxCaveatsPerAbility: 1_000)
        ).encoded
    }

    /// Header and payload JSON: depth 16 is read, 17 is `ucan.malformed`. The depth of each payload is measured here
    /// from its own bytes (not taken from the decoder), so both sides of the limit are really reached. The builder
    /// refuses what a decoder would, so the depth-17 payload is made by hand from the depth-16 one (decoding does not
    /// look at the signature).
    @Test func jsonDepth() throws {
        func depth(_ value: JSONValue) -> Int {
            switch value {
            case .array(let items): 1 + (items.map(depth).max() ?? 0)
            case .object(let object): 1 + (object.members.map { depth($0.value) }.max() ?? 0)
            default: 0
            }
        }
        func measured(_ text: String) throws -> Int {
            let payload = String(text.split(separator: ".")[1])
            return depth(try JSONReader(limits: .init(maxDepth: 64)).parse(try Base64URL.decode(payload)))
        }
        var atLimit: String?
        for extra in 0..<16 where atLimit == nil {
            var caveat = JSONValue.string("x")
            for _ in 0..<extra { caveat = .array([caveat]) }
            let capability = UCANCapability(
                resource: "mailto:a@example.com", ability: "msg/send", caveats: [try JSONObject(["n": caveat])])
            guard let text = try? token(UCANCapabilities([capability])) else { break }
            if try measured(text) == UCANLimits.default.maxJSONDepth { atLimit = text }
        }
        let text = try #require(atLimit)
        _ = try UCANToken(decoding: text)
        let parts = text.split(separator: ".").map(String.init)
        let payload = String(decoding: try Base64URL.decode(parts[1]), as: UTF8.self)
        let deeper = payload.replacing(#"{"n":"#, with: #"{"n":["#, maxReplacements: 1)
            .replacing(#""x""#, with: #""x"]"#, maxReplacements: 1)
        let tooDeep = [parts[0], Base64URL.encode(Array(deeper.utf8)), parts[2]].joined(separator: ".")
        #expect(try measured(tooDeep) == UCANLimits.default.maxJSONDepth + 1)
        #expect(throws: FederationError(.ucanMalformed)) { try UCANToken(decoding: tooDeep) }
    }

    @Test func capabilitiesAndCaveatsPerToken() throws {
        let limits = UCANLimits.default
        _ = try UCANToken(decoding: try token(caps(limits.maxCapabilities)))
        #expect(throws: FederationError(.ucanTooManyCapabilities)) {
            try UCANToken(decoding: try token(caps(limits.maxCapabilities + 1)))
        }
        _ = try UCANToken(decoding: try token(caps(1, caveats: limits.maxCaveatsPerAbility)))
        #expect(throws: FederationError(.ucanTooManyCapabilities)) {
            try UCANToken(decoding: try token(caps(1, caveats: limits.maxCaveatsPerAbility + 1)))
        }
    }

    @Test func proofsPerToken() throws {
        let cids = (0..<17).map { CID.rawSHA256(of: [UInt8($0)]) }
        let at = try UCANBuilder.build(
            .init(audience: F.did(F.bob), expiration: 10, proofs: Array(cids.prefix(16))), key: F.alice)
        #expect(at.proofs.count == UCANLimits.default.maxProofsPerToken)
        #expect(throws: FederationError(.ucanTooManyProofs)) {
            try UCANBuilder.build(.init(audience: F.did(F.bob), expiration: 10, proofs: cids), key: F.alice)
        }
    }

    @Test func chainDepth() async throws {
        let limits = UCANLimits(maxChainDepth: 4)
        let (four, store4) = try F.chain(links: 4)
        _ = try await F.verifier(store4).verify(four.encoded, options: .init(now: 1, limits: limits))
        let (five, store5) = try F.chain(links: 5)
        await #expect(throws: FederationError(.ucanChainTooDeep)) {
            try await F.verifier(store5).verify(five.encoded, options: .init(now: 1, limits: limits))
        }
    }

    @Test func tokensPerChain() async throws {
        let (four, store) = try F.chain(links: 4)
        _ = try await F.verifier(store).verify(four.encoded, options: .init(now: 1, limits: .init(maxChainTokens: 4)))
        await #expect(throws: FederationError(.ucanTooManyProofs)) {
            try await F.verifier(store).verify(four.encoded, options: .init(now: 1, limits: .init(maxChainTokens: 3)))
        }
    }

    /// A full in-memory proof store refuses a new token (`add` returns `nil`) and keeps what it holds, decoded or not.
    @Test func theProofStoreIsBounded() throws {
        let store = InMemoryProofStore(capacity: 2)
        let tokens = (1...3).map { n in F.root(exp: 2_000 + Int64(n)).encoded }
        let first = try #require(store.add(tokens[0]))
        #expect(store.add(tokens[1]) != nil)
        #expect(store.add(tokens[0]) == first)  // already held: not a new token
        #expect(store.add(tokens[2]) == nil)
        #expect(store.storedToken(for: CID.rawSHA256(of: tokens[2].utf8)) == nil)
        #expect(store.decodedToken(for: first, limits: .default)?.encoded == tokens[0])
        #expect(store.storedToken(for: first) == tokens[0])
    }

    @Test func sharedProofsVerifyOnceAndTheCacheIsBounded() async throws {
        let (middle, store) = try F.chain(links: 3)
        store.add(middle.encoded)
        for capacity in [8, 2] {
            let cache = UCANSignatureCache(capacity: capacity)
            let verifier = F.verifier(store, cache: cache)
            var total = 0
            for n in 0..<100 {
                let leaf = try UCANBuilder.delegate(
                    middle, to: F.did(F.key(200)), capabilities: F.send, expiration: 2_000, nonce: "\(n)",
                    key: F.key(4))
                total += try await verifier.verify(leaf.encoded, options: .init(now: 1)).signaturesVerified
                #expect(cache.count <= capacity)
            }
            if capacity == 8 { #expect(total == 100 + 3) } else { #expect(total > 100 + 3) }
        }
    }
}
