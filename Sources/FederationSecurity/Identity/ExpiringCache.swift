/// A bounded map whose entries expire: at most `capacity` entries, each valid for `lifetime` seconds after it was
/// stored. When full, expired entries are dropped, then the entry that expires soonest. Shared by
/// ``CachingKeyResolver`` and ``UCANSignatureCache``.
final class ExpiringCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        let value: Value
        let expires: Int64
    }

    /// A pthread mutex, not `Synchronization.Mutex`, so ThreadSanitizer can check it (see ``PThreadLock``).
    private let entries = PThreadLock<[Key: Entry]>([:])
    private let capacity: Int
    private let lifetime: Int64

    init(capacity: Int, lifetime: Int64) {
        precondition(capacity >= 1 && lifetime >= 0)
        self.capacity = capacity
        self.lifetime = lifetime
    }

    /// The number of entries held (expired ones included until evicted).
    var count: Int { entries.withLock { $0.count } }

    /// The value stored under `key`, if it has not expired at `now`.
    func value(for key: Key, now: Int64) -> Value? {
        entries.withLock { table in table[key].flatMap { $0.expires > now ? $0.value : nil } }
    }

    /// Stores `value` under `key` until `now + lifetime`, evicting when full.
    func insert(_ value: Value, for key: Key, now: Int64) {
        entries.withLock { table in
            if table[key] == nil, table.count >= capacity {
                table = table.filter { $0.value.expires > now }
                if table.count >= capacity, let soonest = table.min(by: { $0.value.expires < $1.value.expires }) {
                    table[soonest.key] = nil
                }
            }
            table[key] = Entry(value: value, expires: now.addingClamped(lifetime))  // an extreme `now` must not trap
        }
    }

    func removeAll() {
        entries.withLock { $0.removeAll() }
    }
}
