import FederationSecurity
import Testing

/// The caches shared between tasks, hammered from several at once. CI runs every test whose name contains
/// `Concurrency` under ThreadSanitizer (`swift test --sanitize=thread --filter Concurrency`), so a data race in
/// the locking of these types is a CI failure, not only a wrong count.
@Suite struct SharedStateConcurrencyTests {
    /// Eight tasks mint and verify tokens for ten kernels through one ring whose cache holds four derived keys, so
    /// the cache is read, filled and emptied concurrently.
    @Test func kernelKeyRingCacheIsSafeUnderConcurrency() async throws {
        let keys = try KernelKeyRing(["k1": SecretBytes([UInt8](repeating: 1, count: 32))], cacheCapacity: 4)
        let claims = KernelTokenClaims(tokenID: "t", principal: "p", capability: "c", issuedAt: 100, expiresAt: 200)
        let failures = await withTaskGroup(of: Int.self) { group in
            for t in 0..<8 {
                group.addTask {
                    var failures = 0
                    for n in 0..<100 {
                        let kernel = "kernel-\((t + n) % 10)"
                        let expectation = KernelToken.Expectation(
                            kernel: kernel, principal: "p", capability: "c", now: 150)
                        guard let token = try? KernelToken.mint(claims, kernel: kernel, kid: "k1", keys: keys),
                            (try? KernelToken.verify(token, expecting: expectation, keys: keys)) == claims
                        else {
                            failures += 1
                            continue
                        }
                    }
                    return failures
                }
            }
            return await group.reduce(0, +)
        }
        #expect(failures == 0)
        #expect(keys.cachedKeyCount <= 4)
    }

    /// Eight tasks resolve ten did:key DIDs through a cache of four entries: every answer is the DID's own key and
    /// the cache never grows past its capacity.
    @Test func cachingKeyResolverIsSafeUnderConcurrency() async throws {
        let keys = try (UInt8(1)...10).map {
            try Ed25519.PrivateKey(seed: SecretBytes([UInt8](repeating: $0, count: 32))).publicKey
        }
        let dids = keys.map { DIDKey(publicKey: $0).did }
        let cache = CachingKeyResolver(DIDKeyResolver(), capacity: 4, lifetime: 1000)
        let wrong = await withTaskGroup(of: Int.self) { group in
            for t in 0..<8 {
                group.addTask {
                    var wrong = 0
                    for n in 0..<100 {
                        let i = (t * 3 + n) % dids.count
                        if (try? await cache.resolveKey(dids[i], now: Int64(n))) != keys[i] { wrong += 1 }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(wrong == 0)
        #expect(cache.count <= 4)
    }
}
