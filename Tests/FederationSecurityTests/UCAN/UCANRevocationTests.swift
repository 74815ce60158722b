import FederationSecurity
import Testing

@Suite struct UCANRevocationTests {
    typealias F = UCANFixtures
    let resolver = DIDKeyResolver()

    /// Chain alice → key 2 → key 3 → key 4; returns the outer token, its store and the middle proof's CID.
    func chain() throws -> (UCANToken, InMemoryProofStore, CID) {
        let (token, store) = try F.chain(links: 3)
        return (token, store, token.proofs[0])
    }

    @Test func aRevokedProofBreaksTheChainThroughIt() async throws {
        let (token, store, middle) = try chain()
        let list = UCANRevocationList()
        try await list.add(UCANRevocation.create(revoking: middle, key: F.alice), resolver: resolver, now: 1)
        await #expect(throws: FederationError(.ucanRevoked)) {
            try await F.verifier(store, revocations: list).verify(token.encoded, options: .init(now: 1))
        }
    }

    @Test func onlyAnIssuerInTheChainCanRevoke() async throws {
        let (token, store, middle) = try chain()
        let list = UCANRevocationList()
        try await list.add(UCANRevocation.create(revoking: middle, key: F.key(9)), resolver: resolver, now: 1)
        _ = try await F.verifier(store, revocations: list).verify(token.encoded, options: .init(now: 1))
        try await list.add(UCANRevocation.create(revoking: token.cid, key: F.key(3)), resolver: resolver, now: 1)
        await #expect(throws: FederationError(.ucanRevoked)) {
            try await F.verifier(store, revocations: list).verify(token.encoded, options: .init(now: 1))
        }
    }

    /// A full list refuses a new record with `ucan.too_many_proofs`; adding a record it holds is not a new record.
    @Test func theListIsBoundedAndCountsItsRecords() async throws {
        let list = UCANRevocationList(capacity: 2)
        let records = try (1...3).map { n in
            try UCANRevocation.create(revoking: CID.rawSHA256(of: [UInt8(n)]), key: F.alice)
        }
        try await list.add(records[0], resolver: resolver, now: 1)
        try await list.add(records[1], resolver: resolver, now: 1)
        try await list.add(records[0], resolver: resolver, now: 1)
        #expect(list.count == 2 && !list.isEmpty)
        await #expect(throws: FederationError(.ucanTooManyProofs)) {
            try await list.add(records[2], resolver: resolver, now: 1)
        }
        #expect(list.count == 2)
        #expect(list.records(revoking: records[1].revoked) == [records[1]])
        #expect(UCANRevocationList().isEmpty && UCANRevocationList().count == 0)
    }

    @Test func recordsRoundTripAndForgeriesAreRefused() async throws {
        let record = try UCANRevocation.create(revoking: CID.rawSHA256(of: [1]), key: F.alice)
        let decoded = try UCANRevocation(json: Array(record.json.utf8))
        #expect(decoded == record)
        let forged = record.json.replacingOccurrences(of: F.did(F.alice), with: F.did(F.bob))
        await #expect(throws: FederationError(.ucanInvalidRevocation)) {
            try await UCANRevocationList().add(
                UCANRevocation(json: Array(forged.utf8)), resolver: resolver, now: 1)
        }
        #expect(throws: FederationError(.ucanInvalidRevocation)) {
            try UCANRevocation(json: Array(#"{"iss":"did:key:z","revoke":"b","challenge":"","x":1}"#.utf8))
        }
    }
}
