/// A bounded memo of proofs whose signatures verified (UCAN 0.10 §9.2, "Memoized Validation"), with the decoded
/// token, so a cached proof is neither fetched, hashed, decoded nor verified again.
///
/// Keyed by CID, which hashes the whole token, signature included: a hit means these exact bytes were verified
/// under the issuer's key. Only decoding and the signature are memoized — time bounds, alignment, revocation and
/// attenuation are checked on every verification. At most `capacity` entries (each a token of at most
/// ``UCANLimits/maxTokenBytes``), each kept `lifetime` seconds (a did:web key can rotate); when full, the entry that
/// expires soonest is evicted.
///
/// - Warning: a hit vouches for the key that the verifier which inserted the entry resolved, and for the decode
///   limits it applied. Share one cache only between verifiers with the same resolver (the same did:web document
///   source) and limits; and a key removed from a did:web document is still honoured for up to `lifetime` seconds
///   through the cache.
public final class UCANSignatureCache: Sendable {
    /// The decoded token, or `nil` for a CID recorded without one (the openintent profile).
    private let cache: ExpiringCache<CID, UCANToken?>

    /// - Parameters:
    ///   - capacity: the most CIDs held (≥ 1).
    ///   - lifetime: seconds an entry stays valid.
    public init(capacity: Int = 1024, lifetime: Int64 = 300) {
        cache = ExpiringCache(capacity: capacity, lifetime: lifetime)
    }

    /// The number of entries held (expired ones included until evicted).
    public var count: Int { cache.count }

    /// Whether `cid`'s signature is known to verify at `now`.
    public func contains(_ cid: CID, now: Int64) -> Bool {
        cache.value(for: cid, now: now) != nil
    }

    /// The decoded token of a verified proof, if `cid` is held and fresh.
    public func token(for cid: CID, now: Int64) -> UCANToken? {
        cache.value(for: cid, now: now) ?? nil
    }

    /// Records that `cid`'s signature verified, with its decoded token when there is one.
    public func insert(_ cid: CID, token: UCANToken? = nil, now: Int64) {
        cache.insert(token, for: cid, now: now)
    }

    /// Forgets every entry (for example after a revocation or a key rotation).
    public func removeAll() {
        cache.removeAll()
    }
}
