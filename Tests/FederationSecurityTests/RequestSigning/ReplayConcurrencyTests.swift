import FederationSecurity
import Testing

/// Many tasks submit a mix of fresh and replayed signed requests against one verifier and store: every request is
/// accepted exactly once. CI runs this suite under `--sanitize=thread`.
@Suite struct ReplayConcurrencyTests {
    static let tasks = 8
    static let requestsPerTask = 150

    @Test func eachRequestAcceptedExactlyOnce() async throws {
        let key = try RequestSigningKey.hmacSHA256(keyID: "k", secret: SecretBytes([UInt8](repeating: 7, count: 32)))
        let store = InMemoryReplayStore(capacity: 1 << 16)
        let verifier = RFC9421Verifier(keys: RequestKeySet([key]), replayStore: store)
        let now: Int64 = 1_800_000_000
        let components = try ["\"@method\"", "\"@target-uri\""].map { try ComponentIdentifier(parsing: $0) }
        // Requests 0..<N; every task submits all of its own and a third of its neighbour's (replays racing the
        // originals), in an interleaved order.
        let total = Self.tasks * Self.requestsPerTask
        var messages: [SignableMessage] = []
        for n in 0..<total {
            var message = try SignableMessage(method: "POST", targetURI: "https://k.example/r/\(n)", fields: [])
            let signature = try RFC9421Signer.sign(
                message, key: key, label: "s", components: components, created: now, nonce: "n\(n)")
            message.append(name: "Signature-Input", value: signature.signatureInput)
            message.append(name: "Signature", value: signature.signature)
            messages.append(message)
        }
        let shared = messages
        let accepted = await withTaskGroup(of: [Int: Int].self) { group in
            for t in 0..<Self.tasks {
                group.addTask {
                    var counts: [Int: Int] = [:]
                    let own = (t * Self.requestsPerTask)..<((t + 1) * Self.requestsPerTask)
                    let neighbour = ((t + 1) % Self.tasks) * Self.requestsPerTask
                    var order: [Int] = []
                    for (i, n) in own.enumerated() {
                        order.append(n)
                        if i % 3 == 0 { order.append(neighbour + i) }
                        if i % 5 == 0 { order.append(n) }  // a replay of our own
                    }
                    for n in order {
                        do throws(FederationError) {
                            _ = try await verifier.verify(shared[n], now: now + 1)
                            counts[n, default: 0] += 1
                        } catch {
                            #expect(error.code == .replayDetected, "request \(n): \(error.code)")
                        }
                    }
                    return counts
                }
            }
            var all: [Int: Int] = [:]
            for await counts in group { all.merge(counts, uniquingKeysWith: +) }
            return all
        }
        #expect(accepted.count == total, "every fresh request accepted")
        #expect(accepted.values.allSatisfy { $0 == 1 }, "no replay accepted")
    }
}
