import FederationSecurity
import Testing

@Suite struct ReplayStoreTests {
    func key(_ n: Int) -> ReplayKey { .nonce("n-\(n)", keyID: "k") }

    @Test func acceptsOnceUntilExpiry() throws {
        let store = InMemoryReplayStore(capacity: 16)
        #expect(try store.insertIfAbsent(key(1), expiresAt: 100, now: 0))
        #expect(try !store.insertIfAbsent(key(1), expiresAt: 100, now: 99))
        #expect(try store.insertIfAbsent(key(2), expiresAt: 100, now: 99))
        // At its expiry the entry is gone: the key is fresh again (the window check rejects such requests first).
        #expect(try store.insertIfAbsent(key(1), expiresAt: 300, now: 100))
        #expect(try !store.insertIfAbsent(key(1), expiresAt: 300, now: 200))
    }

    @Test func capacityIsExactBelowOneShardAndFailsClosed() throws {
        let store = InMemoryReplayStore(capacity: 4)
        #expect(store.capacity == 4)
        for n in 0..<4 { #expect(try store.insertIfAbsent(key(n), expiresAt: 100, now: 0)) }
        #expect(throws: FederationError(.replayStoreFull)) { try store.insertIfAbsent(key(9), expiresAt: 100, now: 0) }
        #expect(try !store.insertIfAbsent(key(3), expiresAt: 100, now: 1))  // a full store still detects replays
        // Eviction by time makes room again.
        #expect(try store.insertIfAbsent(key(9), expiresAt: 300, now: 100))
    }

    @Test func shardedStoreTakesItsWholeCapacity() throws {
        // 16 shards: random keys do not spread evenly, yet `capacity` live entries always fit.
        let store = InMemoryReplayStore(capacity: 1 << 16)
        #expect(store.capacity == 1 << 16)
        for n in 0..<(1 << 16) { #expect(try store.insertIfAbsent(key(n), expiresAt: 100, now: 0)) }
        #expect(store.allocatedBytes <= 16 * 8192 * 24)
    }

    @Test func churnKeepsMemoryBounded() throws {
        let store = InMemoryReplayStore(capacity: 1 << 10)
        var now: Int64 = 0
        for n in 0..<50_000 {
            if n % 500 == 0 { now += 10 }
            #expect(try store.insertIfAbsent(key(n), expiresAt: now + 10, now: now))
        }
        // 1,024 live entries at most: 2 × 1,024 slots × 24 bytes.
        #expect(store.allocatedBytes <= 2 * 1024 * 24)
    }

    @Test func defaultCapacityIsOneMillionIn48MiB() {
        let store = InMemoryReplayStore()
        #expect(store.capacity == 1 << 20)
        #expect(store.allocatedBytes < 1 << 20)  // tables grow on demand
    }

    @Test func replayKeysSeparateSchemesAndKeys() {
        let sig: [UInt8] = [1, 2, 3]
        #expect(ReplayKey.nonce("a", keyID: "k1") != ReplayKey.nonce("a", keyID: "k2"))
        #expect(ReplayKey.nonce("a", keyID: "k1") == ReplayKey.nonce("a", keyID: "k1"))
        #expect(ReplayKey.signature(sig, keyID: "k1") != ReplayKey.agentVault(mac: sig))
        // The scope separator keeps ("ab", "c") and ("a", "bc") apart.
        #expect(ReplayKey.nonce("c", keyID: "ab") != ReplayKey.nonce("bc", keyID: "a"))
    }

    /// The key format of Spec/request-signing.md. Expected words computed independently with Python's `hashlib`:
    /// `sha256(tag.ljust(64, b"\0") + scope + b"\0" + value).digest()[:16]`, read as two big-endian words.
    @Test func replayKeysAreTheSpecifiedDigest() {
        #expect(
            ReplayKey.nonce("nonce-1-0123456789abcdef", keyID: "kernel-b")
                == ReplayKey(high: 0x0ca7_4a55_5c39_ec46, low: 0xbdc2_f5c8_0ad8_9973))
        #expect(
            ReplayKey.signature([1, 2, 3], keyID: "k")
                == ReplayKey(high: 0x6179_d623_5604_d2d4, low: 0xf67f_91f9_e47f_ea8b))
        #expect(
            ReplayKey.agentVault(mac: [UInt8](repeating: 0xAA, count: 32))
                == ReplayKey(high: 0x8b9a_1255_459a_b65f, low: 0x3472_895b_1876_14d3))
        // A value longer than one block.
        #expect(
            ReplayKey.nonce(String(repeating: "n", count: 200), keyID: "kernel-b")
                == ReplayKey(high: 0x3ea4_fc7a_1613_8092, low: 0x3e76_393f_e6a8_e3b3))
    }
}
