/// A bounded cache in front of another resolver: at most `capacity` entries, each kept for `lifetime` seconds.
///
/// Only successes are cached. When full, the entry that expires soonest is evicted. Memory is bounded by
/// `capacity` × (DID URL + 32-byte key + bookkeeping).
public final class CachingKeyResolver: KeyResolver {
    private struct Entry {
        let key: Ed25519.PublicKey
        let expires: Int64
    }

    private let upstream: any KeyResolver
    private let capacity: Int
    private let lifetime: Int64
    /// A pthread mutex, not `Synchronization.Mutex`, so ThreadSanitizer can check it (see ``PThreadLock``).
    private let entries = PThreadLock<[String: Entry]>([:])

    /// - Parameters:
    ///   - upstream: the resolver asked on a miss.
    ///   - capacity: the most entries kept (≥ 1).
    ///   - lifetime: seconds an entry stays valid.
    public init(_ upstream: any KeyResolver, capacity: Int = 1024, lifetime: Int64 = 300) {
        precondition(capacity >= 1 && lifetime >= 0)
        self.upstream = upstream
        self.capacity = capacity
        self.lifetime = lifetime
    }

    /// The number of entries held (expired ones included until evicted).
    public var count: Int { entries.withLock { $0.count } }

    public func resolveKey(_ didURL: String, now: Int64) async throws(FederationError) -> Ed25519.PublicKey {
        if let hit = entries.withLock({ $0[didURL] }), hit.expires > now {
            return hit.key
        }
        let key = try await upstream.resolveKey(didURL, now: now)
        entries.withLock { table in
            if table[didURL] == nil, table.count >= capacity {
                table = table.filter { $0.value.expires > now }
                if table.count >= capacity, let soonest = table.min(by: { $0.value.expires < $1.value.expires }) {
                    table[soonest.key] = nil
                }
            }
            table[didURL] = Entry(key: key, expires: now + lifetime)
        }
        return key
    }
}
