/// Verified revocation records by revoked CID; at most `capacity` records. Revocations are irreversible (§6.6): a
/// record is never removed.
public final class UCANRevocationList: Sendable {
    /// A pthread mutex, not `Synchronization.Mutex`, so ThreadSanitizer can check it (see ``PThreadLock``).
    private let records = PThreadLock<[CID: [UCANRevocation]]>([:])
    private let capacity: Int

    /// - Parameter capacity: the most records held; adding to a full list fails with `ucan.too_many_proofs`.
    public init(capacity: Int = 100_000) {
        self.capacity = capacity
    }

    /// The number of records held.
    public var count: Int { records.withLock { $0.values.reduce(0) { $0 + $1.count } } }

    /// Verifies `record`'s signature and adds it.
    /// - Throws: `ucan.invalid_revocation`, `did.*`; `ucan.too_many_proofs` when the list is full.
    public func add(_ record: UCANRevocation, resolver: any KeyResolver, now: Int64) async throws(FederationError) {
        try await record.verifySignature(resolver: resolver, now: now)
        let added = records.withLock { table in
            if table[record.revoked]?.contains(record) == true { return true }
            guard table.values.reduce(0, { $0 + $1.count }) < capacity else { return false }
            table[record.revoked, default: []].append(record)
            return true
        }
        guard added else { throw FederationError(.ucanTooManyProofs, "revocation list holds \(capacity) records") }
    }

    /// The verified records revoking `cid`.
    public func records(revoking cid: CID) -> [UCANRevocation] {
        records.withLock { $0[cid] ?? [] }
    }

    /// Whether any record is held (lets the verifier skip hashing tokens when none is).
    public var isEmpty: Bool { records.withLock { $0.isEmpty } }
}
