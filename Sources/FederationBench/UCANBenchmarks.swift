import CSodium
import Dispatch
import FederationSecurity
import Synchronization

/// UCAN 0.10 verification beside the raw `crypto_sign_verify_detached` calls it cannot avoid, in the same run.
///
/// Verification is async (key resolution, proof store), so each sample runs a batch of ``batch`` verifications in
/// one task on the bench queue, and the baseline runs the same number of raw verifies in a task on the same queue:
/// both sides pay the same task start, thread hand-off and wake-up once per batch. (With the baseline run inline, the
/// hand-off alone, a thread wake-up that takes tens of microseconds on a loaded virtual machine, was charged to the
/// library: about 7 % of a single-token batch whose profile showed 3 % of library work outside libsodium.)
/// Steady state: keys come from a warm `CachingKeyResolver`, as in a long-running verifier.
enum UCANBenchmarks {
    static let batch = 100

    static func all() -> [Comparison] {
        precondition(sodium_init() >= 0)
        let keys = (1...6).map { n in try! Ed25519.PrivateKey(seed: SecretBytes([UInt8](repeating: n, count: 32))) }
        let dids = keys.map { DIDKey(publicKey: $0.publicKey).did }
        let caps = UCANCapabilities([
            UCANCapability(resource: "mailto:alice@example.com", ability: "msg/send", caveats: [JSONObject()])
        ])
        let resolver = CachingKeyResolver(DIDKeyResolver())
        var chain = [
            try! UCANBuilder.build(.init(audience: dids[1], expiration: 2_000, capabilities: caps), key: keys[0])
        ]
        for n in 1...3 {
            chain.append(
                try! UCANBuilder.delegate(
                    chain[n - 1], to: dids[n + 1], capabilities: caps, expiration: 2_000, key: keys[n]))
        }
        let tokens = chain.map(\.encoded)
        let store = InMemoryProofStore(tokens)
        let single = UCANVerifier(resolver: resolver)
        let chained = UCANVerifier(resolver: resolver, proofs: store)
        let options = UCANVerifier.Options(now: 100)
        let raws = chain.map { t in (Array(t.signingInput), t.signature, t.issuer.did) }
        let rawKeys = raws.map { try! DIDKey(parsing: $0.2).publicKey.rawRepresentation }
        @Sendable func raw(_ i: Int) -> Bool {
            crypto_sign_verify_detached(raws[i].1, raws[i].0, UInt64(raws[i].0.count), rawKeys[i]) == 0
        }
        // 1,000 leaves sharing the 3-link chain (root → 1 → 2: three tokens): with the cache, 1,003 signatures in all.
        let leaves = (0..<1_000).map { n in
            try! UCANBuilder.delegate(
                chain[2], to: dids[5], capabilities: caps, expiration: 2_000, nonce: "\(n)", key: keys[3]
            ).encoded
        }
        let leafRaw = leaves.map { t in try! UCANToken(decoding: t) }.map { (Array($0.signingInput), $0.signature) }
        let leafKey = keys[3].publicKey.rawRepresentation
        let cache = UCANSignatureCache()
        let shared = UCANVerifier(resolver: resolver, proofs: store, cache: cache)
        return [
            Comparison(
                "ucan.verify single token (×\(batch))", baseline: "crypto_sign_verify_detached ×\(batch)", target: 0.95,
                library: {
                    batchRun { for _ in 0..<batch { _ = try? await single.verify(tokens[0], options: options) } }
                },
                baseline: { batchRun { for _ in 0..<batch { consume(raw(0)) } } }),
            Comparison(
                "ucan.verify chain depth 3 (×\(batch))", baseline: "4 × crypto_sign_verify_detached ×\(batch)",
                target: 1 / 1.05,
                library: {
                    batchRun {
                        for _ in 0..<batch { _ = try? await chained.verify(tokens[3], options: options) }
                    }
                },
                baseline: { batchRun { for _ in 0..<batch { consume(raw(0) && raw(1) && raw(2) && raw(3)) } } }),
            Comparison(
                // The goal here is the count (1,003 signature verifications, asserted below), not a ratio.
                "ucan.verify 1,000 leaves, shared 3-link chain, cache", baseline: "1,003 × crypto_sign_verify_detached",
                library: {
                    cache.removeAll()
                    let n = batchRun { () async -> Int in
                        var total = 0
                        for leaf in leaves {
                            total += (try? await shared.verify(leaf, options: options))?.signaturesVerified ?? 0
                        }
                        return total
                    }
                    precondition(n == 1_003, "expected 1,003 signature verifications, got \(n)")
                },
                baseline: {
                    batchRun {
                        for (input, signature) in leafRaw {
                            consume(crypto_sign_verify_detached(signature, input, UInt64(input.count), leafKey) == 0)
                        }
                        consume(raw(0) && raw(1) && raw(2))
                    }
                }),
        ]
    }

    /// Runs `body` in one task on its own queue and waits for it.
    static func batchRun<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let result = Mutex<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: BenchQueueExecutor.shared) {
            let value = await body()
            result.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        return result.withLock { $0! }
    }
}

/// Runs every job on one serial queue, so a waiting benchmark thread never blocks the cooperative pool.
final class BenchQueueExecutor: TaskExecutor {
    static let shared = BenchQueueExecutor()
    let queue = DispatchQueue(label: "bench.ucan")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
