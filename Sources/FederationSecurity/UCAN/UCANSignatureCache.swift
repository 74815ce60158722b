import Synchronization

/// A bounded memo of proofs whose signatures verified (UCAN 0.10 §9.2, "Memoized Validation"), with the decoded
/// token, so a cached proof is neither fetched, hashed, decoded nor verified again.
///
/// Keyed by CID, which hashes the whole token, signature included: a hit means these exact bytes were verified
/// under the issuer's key. Only decoding and the signature are memoized — time bounds, alignment, revocation and
/// attenuation are checked on every verification. At most `capacity` entries (each a token of at most
/// ``UCANLimits/maxTokenBytes``), each kept `lifetime` seconds (a did:web key can rotate); when full, the entry that
/// expires soonest is evicted.
public final class UCANSignatureCache: Sendable {
    private struct Entry {
        let token: UCANToken?
        let expires: Int64
    }

    private let entries = Mutex<[CID: Entry]>([:])
    private let capacity: Int
    private let lifetime: Int64

    /// - Parameters:
    ///   - capacity: the most CIDs held (≥ 1).
    ///   - lifetime: seconds an entry stays valid.
    public init(capacity: Int = 1024, lifetime: Int64 = 300) {
        precondition(capacity >= 1 && lifetime >= 0)
        self.capacity = capacity
        self.lifetime = lifetime
    }

    /// The number of entries held (expired ones included until evicted).
    public var count: Int { entries.withLock { $0.count } }

    /// Whether `cid`'s signature is known to verify at `now`.
    public func contains(_ cid: CID, now: Int64) -> Bool {
        entries.withLock { ($0[cid]?.expires ?? .min) > now }
    }

    /// The decoded token of a verified proof, if `cid` is held and fresh.
    public func token(for cid: CID, now: Int64) -> UCANToken? {
        entries.withLock { table in table[cid].flatMap { $0.expires > now ? $0.token : nil } }
    }

    /// Records that `cid`'s signature verified, with its decoded token when there is one.
    public func insert(_ cid: CID, token: UCANToken? = nil, now: Int64) {
        entries.withLock { table in
            if table[cid] == nil, table.count >= capacity {
                table = table.filter { $0.value.expires > now }
                if table.count >= capacity, let soonest = table.min(by: { $0.value.expires < $1.value.expires }) {
                    table[soonest.key] = nil
                }
            }
            table[cid] = Entry(token: token, expires: now + lifetime)
        }
    }

    /// Forgets every entry (for example after a revocation or a key rotation).
    public func removeAll() {
        entries.withLock { $0.removeAll() }
    }
}
