/// Verified revocation records by revoked CID; at most `capacity` records. Revocations are irreversible (§6.6): a
/// record is never removed.
public final class UCANRevocationList: Sendable {
    /// The records by revoked CID, and how many there are (kept, not counted: a full list holds 100,000 by default,
    /// and counting them at every add made filling it quadratic).
    private struct Records {
        var byCID: [CID: [UCANRevocation]] = [:]
        var count = 0
    }

    /// A pthread mutex, not `Synchronization.Mutex`, so ThreadSanitizer can check it (see ``PThreadLock``).
    private let records = PThreadLock(Records())
    private let capacity: Int

    /// - Parameter capacity: the most records held; adding to a full list fails with `ucan.too_many_proofs`.
    public init(capacity: Int = 100_000) {
        self.capacity = capacity
    }

    /// The number of records held.
    public var count: Int { records.withLock { $0.count } }

    /// Verifies `record`'s signature and adds it.
    /// - Throws: `ucan.invalid_revocation`, `did.*`; `ucan.too_many_proofs` when the list is full.
    public func add(_ record: UCANRevocation, resolver: any KeyResolver, now: Int64) async throws(FederationError) {
        try await record.verifySignature(resolver: resolver, now: now)
        let added = records.withLock { records in
            if records.byCID[record.revoked]?.contains(record) == true { return true }
            guard records.count < capacity else { return false }
            records.byCID[record.revoked, default: []].append(record)
            records.count += 1
            return true
        }
        guard added else { throw FederationError(.ucanTooManyProofs, "revocation list holds \(capacity) records") }
    }

    /// The verified records revoking `cid`.
    public func records(revoking cid: CID) -> [UCANRevocation] {
        records.withLock { $0.byCID[cid] ?? [] }
    }

    /// Whether any record is held (lets the verifier skip hashing tokens when none is).
    public var isEmpty: Bool { records.withLock { $0.count == 0 } }
}
