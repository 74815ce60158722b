/// One shard of ``InMemoryReplayStore``: an open-addressing hash table (linear probing) of 24-byte slots, at most
/// half full while it can still grow and at most `maxLive / maxSlots` full at its largest. Expired entries stay in
/// place as reusable slots until a rebuild drops them.
struct ReplayTable {
    struct Slot {
        var high: UInt64
        var low: UInt64
        /// `Int64.min`: never used.
        var expiresAt: Int64

        static let empty = Slot(high: 0, low: 0, expiresAt: .min)
    }

    enum Outcome {
        case fresh, replayed, full
    }

    private var slots: [Slot]
    /// Slots not empty (live or expired).
    private var occupied = 0
    private let maxSlots: Int
    /// Most entries (live or expired) in the largest table: at most 3/4 of `maxSlots`.
    private let maxLive: Int
    /// After a rebuild at full size that freed nothing: the earliest expiry then live; no rebuild before it.
    private var noRebuildBefore = Int64.min

    static let minSlots = 64

    init(maxSlots: Int, maxLive: Int) {
        precondition(maxLive * 4 <= maxSlots * 3 && maxLive * 2 >= maxSlots, "load factor between 1/2 and 3/4")
        self.maxSlots = maxSlots
        self.maxLive = maxLive
        slots = Array(repeating: .empty, count: min(Self.minSlots, maxSlots))
    }

    /// Bytes of the slot array (its slots × 24; the allocator may round the block up slightly).
    var allocatedBytes: Int { slots.count * MemoryLayout<Slot>.stride }

    mutating func insertIfAbsent(_ key: ReplayKey, index: Int, expiresAt: Int64, now: Int64) -> Outcome {
        var mask = slots.count - 1
        var i = index & mask
        var reusable: Int? = nil
        while slots[i].expiresAt != .min {
            if slots[i].high == key.high && slots[i].low == key.low {
                if slots[i].expiresAt > now { return .replayed }
                slots[i].expiresAt = expiresAt
                return .fresh
            }
            if reusable == nil && slots[i].expiresAt <= now { reusable = i }
            i = (i + 1) & mask
        }
        if let reusable {
            slots[reusable] = Slot(high: key.high, low: key.low, expiresAt: expiresAt)
            return .fresh
        }
        if occupied + 1 > (slots.count < maxSlots ? slots.count / 2 : maxLive) {
            guard rebuild(now: now) else { return .full }
            mask = slots.count - 1
            i = index & mask
            while slots[i].expiresAt != .min { i = (i + 1) & mask }
        }
        slots[i] = Slot(high: key.high, low: key.low, expiresAt: expiresAt)
        occupied += 1
        return .fresh
    }

    /// Rehashes the live entries into a table with room for as many again (doubling up to `maxSlots`).
    /// Returns whether there is room for one more entry.
    private mutating func rebuild(now: Int64) -> Bool {
        if now < noRebuildBefore { return false }
        // Counted first, then moved straight into the new table: no array of the live entries is built.
        var liveCount = 0
        var earliestExpiry = Int64.max
        for slot in slots where slot.expiresAt > now {
            liveCount += 1
            earliestExpiry = min(earliestExpiry, slot.expiresAt)
        }
        var size = min(Self.minSlots, maxSlots)
        while size < (liveCount + 1) * 4 && size < maxSlots { size *= 2 }
        guard liveCount + 1 <= (size < maxSlots ? size / 2 : maxLive) else {
            noRebuildBefore = liveCount == 0 ? .min : earliestExpiry
            return false
        }
        noRebuildBefore = .min
        var table = [Slot](repeating: .empty, count: size)
        let mask = size - 1
        for slot in slots where slot.expiresAt > now {
            var i = Self.index(high: slot.high, low: slot.low) & mask
            while table[i].expiresAt != .min { i = (i + 1) & mask }
            table[i] = slot
        }
        slots = table
        occupied = liveCount
        return true
    }

    /// The probe start: a per-process keyed hash, so signers cannot grind nonces into one probe chain.
    static func index(high: UInt64, low: UInt64) -> Int {
        var hasher = Hasher()
        hasher.combine(high)
        hasher.combine(low)
        return hasher.finalize()
    }
}
