/// The in-process ``ReplayStore``: 16 shards (one below a capacity of 65,536), each an open-addressing table behind
/// its own pthread mutex, so concurrent verifiers rarely contend.
///
/// Memory: 24 bytes per slot (two 64-bit key words and the expiry); a table is at most half full while it can still
/// grow, so at most 48 bytes per live entry plus one array header per shard; tables grow by doubling as entries
/// arrive and shrink when a rebuild drops expired entries. `capacity` 1,048,576 (the default) caps the tables at
/// 16 × 131,072 slots = 48 MiB. Entries are evicted by time: an expired slot is reused by the next insert that
/// probes it, and every rebuild drops all expired entries. When a shard's largest table is 3/4 full of live
/// entries, inserting another throws `replay.store_full` (fail closed). A store of capacity below 65,536 has one
/// shard, so its capacity is exact (rounded up to a power of two).
public final class InMemoryReplayStore: ReplayStore {
    /// Default most live entries.
    public static let defaultCapacity = 1 << 20
    /// A shard: its table behind a pthread mutex (so ThreadSanitizer can check the store, see ``PThreadLock``).
    private final class Shard: Sendable {
        let table: PThreadLock<ReplayTable>

        init(maxSlots: Int, maxLive: Int) {
            table = PThreadLock(ReplayTable(maxSlots: maxSlots, maxLive: maxLive))
        }
    }

    private let shards: [Shard]
    /// Live entries the store always has room for (rounded up to a power of two; a 16-shard store takes up to 1.5
    /// times as many before a shard is full).
    public let capacity: Int

    private let shardShift: Int

    /// - Parameter capacity: most live entries, at least 1 (default ``defaultCapacity``).
    public init(capacity: Int = InMemoryReplayStore.defaultCapacity) {
        precondition(capacity >= 1 && capacity <= 1 << 40, "replay store capacity must be 1…2^40")
        let shardCount = capacity >= 1 << 16 ? 16 : 1
        var maxSlots = 2
        while maxSlots / 2 * shardCount < capacity { maxSlots *= 2 }
        // One shard holds exactly half its largest table. Sixteen shards each take up to 3/4 of theirs, so the
        // uneven spread of random keys over shards (about ±0.4 % at a million) never fills one before `capacity`.
        let maxLive = shardCount == 1 ? maxSlots / 2 : maxSlots / 4 * 3
        shards = (0..<shardCount).map { _ in Shard(maxSlots: maxSlots, maxLive: maxLive) }
        shardShift = shardCount == 16 ? 60 : 64
        self.capacity = maxSlots / 2 * shardCount
    }

    public func insertIfAbsent(_ key: ReplayKey, expiresAt: Int64, now: Int64) throws(FederationError) -> Bool {
        let index = ReplayTable.index(high: key.high, low: key.low)
        let shard = shards[shardShift == 64 ? 0 : Int(UInt(bitPattern: index) >> shardShift)]
        let outcome = shard.table.withLock { $0.insertIfAbsent(key, index: index, expiresAt: expiresAt, now: now) }
        switch outcome {
        case .fresh: return true
        case .replayed: return false
        case .full:
            throw FederationError(.replayStoreFull, "a replay store shard is full (capacity \(capacity))")
        }
    }

    /// Bytes held by the shard tables now.
    public var allocatedBytes: Int {
        shards.reduce(0) { total, shard in total + shard.table.withLock { $0.allocatedBytes } }
    }
}
