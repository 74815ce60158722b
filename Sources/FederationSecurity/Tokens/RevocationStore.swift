/// Where revoked token ids are kept. A store shared between replicas implements this over a shared database.
public protocol RevocationStore: Sendable {
    /// Records `tokenID` as revoked until `expiresAt` (after which the token fails its expiry check anyway).
    func revoke(_ tokenID: String, expiresAt: Int64, now: Int64)
    /// Whether `tokenID` is revoked.
    func isRevoked(_ tokenID: String, now: Int64) -> Bool
}

/// An in-memory revocation store holding at most `capacity` entries; entries are forgotten once their token has
/// expired (plus the leeway verifiers use), and when full the entry that expires soonest makes room.
///
/// - Warning: evicting a live entry at capacity would un-revoke it, so ``revoke(_:expiresAt:now:)`` first drops
///   expired entries and only then, if still full, the soonest-expiring one; size `capacity` for the number of
///   revocations live at once.
public final class InMemoryRevocationStore: RevocationStore {
    public let capacity: Int
    public let leeway: Int64
    /// A pthread mutex, not `Synchronization.Mutex`, so ThreadSanitizer can check it (see ``PThreadLock``).
    private let entries = PThreadLock<[String: Int64]>([:])

    public init(capacity: Int = 100_000, leeway: Int64 = 60) {
        self.capacity = max(1, capacity)
        self.leeway = leeway
    }

    public var count: Int { entries.withLock { $0.count } }

    public func revoke(_ tokenID: String, expiresAt: Int64, now: Int64) {
        entries.withLock { table in
            if table[tokenID] == nil, table.count >= capacity {
                table = table.filter { $0.value.addingClamped(leeway) > now }
                if table.count >= capacity, let soonest = table.min(by: { $0.value < $1.value }) {
                    table[soonest.key] = nil
                }
            }
            table[tokenID] = max(table[tokenID] ?? expiresAt, expiresAt)
        }
    }

    public func isRevoked(_ tokenID: String, now: Int64) -> Bool {
        entries.withLock { table in
            guard let until = table[tokenID] else { return false }
            // Clamped: `revoke(id, expiresAt: .max, …)` ("forever") must not trap every later check.
            if until.addingClamped(leeway) <= now {
                table[tokenID] = nil
                return false
            }
            return true
        }
    }
}
