import FederationSecurity
import Testing

/// The UCAN verifier's shared state (proof store, verified-signature cache) used by several tasks at once; run
/// under ThreadSanitizer in CI with every other `Concurrency` test.
@Suite struct UCANConcurrencyTests {
    typealias F = UCANFixtures

    /// Eight tasks verify leaves delegated from one shared chain through one verifier whose cache holds two tokens,
    /// so the cache is read, filled and evicted concurrently: every leaf verifies and the cache stays bounded.
    @Test func sharedVerifierIsSafeUnderConcurrency() async throws {
        let (middle, store) = try F.chain(links: 3)
        store.add(middle.encoded)
        let cache = UCANSignatureCache(capacity: 2)
        let verifier = F.verifier(store, cache: cache)
        let leaves = try (0..<64).map {
            try UCANBuilder.delegate(
                middle, to: F.did(F.key(200)), capabilities: F.send, expiration: 2_000, nonce: "\($0)",
                key: F.key(4)
            ).encoded
        }
        let failures = await withTaskGroup(of: Int.self) { group in
            for t in 0..<8 {
                group.addTask {
                    var failures = 0
                    for n in 0..<8 {
                        let leaf = leaves[t * 8 + n]
                        if (try? await verifier.verify(leaf, options: .init(now: 1))) == nil { failures += 1 }
                    }
                    return failures
                }
            }
            return await group.reduce(0, +)
        }
        #expect(failures == 0)
        #expect(cache.count <= 2)
    }
}
