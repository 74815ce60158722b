/// A bounded cache in front of another resolver: at most `capacity` entries, each kept for `lifetime` seconds.
///
/// Only successes are cached. When full, the entry that expires soonest is evicted. Memory is bounded by
/// `capacity` × (DID URL + 32-byte key + bookkeeping).
public final class CachingKeyResolver: KeyResolver {
    private let upstream: any KeyResolver
    /// Keyed by the DID URL's UTF-8 bytes (``ExactText``): a `String` key would match by canonical equivalence, so a
    /// cached `did:web:h#a;b` would answer for `did:web:h#a\u{37E}b` (GREEK QUESTION MARK), which the parser rejects.
    private let cache: ExpiringCache<ExactText, Ed25519.PublicKey>

    /// - Parameters:
    ///   - upstream: the resolver asked on a miss.
    ///   - capacity: the most entries kept (≥ 1).
    ///   - lifetime: seconds an entry stays valid.
    public init(_ upstream: any KeyResolver, capacity: Int = 1024, lifetime: Int64 = 300) {
        self.upstream = upstream
        self.cache = ExpiringCache(capacity: capacity, lifetime: lifetime)
    }

    /// The number of entries held (expired ones included until evicted).
    public var count: Int { cache.count }

    /// The key ``resolveKey(_:now:)`` returns for `didURL` at `now` without asking upstream, or `nil` when it would
    /// ask: a synchronous path for callers on a hot path (no async call for a cached key).
    public func cachedKey(_ didURL: String, now: Int64) -> Ed25519.PublicKey? {
        cache.value(for: ExactText(didURL), now: now)
    }

    public func resolveKey(_ didURL: String, now: Int64) async throws(FederationError) -> Ed25519.PublicKey {
        let exact = ExactText(didURL)
        if let hit = cache.value(for: exact, now: now) { return hit }
        let key = try await upstream.resolveKey(didURL, now: now)
        cache.insert(key, for: exact, now: now)
        return key
    }
}
