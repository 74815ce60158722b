import FederationSecurity
import Synchronization
import Testing

@Suite struct CachingKeyResolverTests {
    /// Counts upstream calls and serves did:key.
    final class Counting: KeyResolver {
        let calls = Mutex(0)
        func resolveKey(_ didURL: String, now: Int64) async throws(FederationError) -> Ed25519.PublicKey {
            calls.withLock { $0 += 1 }
            return try await DIDKeyResolver().resolveKey(didURL, now: now)
        }
    }

    static func did(_ n: UInt8) throws -> String {
        DIDKey(publicKey: try Ed25519.PrivateKey(seed: SecretBytes([UInt8](repeating: n, count: 32))).publicKey).did
    }

    /// A `now` near `Int64.max` stores and reads without trapping on `now + lifetime`.
    @Test func extremeNowDoesNotTrap() async throws {
        let resolver = CachingKeyResolver(Counting())
        let did = try Self.did(3)
        _ = try await resolver.resolveKey(did, now: .max - 1)
        _ = try await resolver.resolveKey(did, now: .max)
    }

    @Test func hitsWithinLifetimeMissesAfter() async throws {
        let upstream = Counting()
        let cache = CachingKeyResolver(upstream, capacity: 4, lifetime: 10)
        let did = try Self.did(1)
        _ = try await cache.resolveKey(did, now: 100)
        _ = try await cache.resolveKey(did, now: 109)
        #expect(upstream.calls.withLock { $0 } == 1)
        _ = try await cache.resolveKey(did, now: 110)  // expired at 100 + 10
        #expect(upstream.calls.withLock { $0 } == 2)
    }

    @Test func neverHoldsMoreThanCapacity() async throws {
        let cache = CachingKeyResolver(Counting(), capacity: 3, lifetime: 1000)
        for n in UInt8(1)...10 {
            _ = try await cache.resolveKey(try Self.did(n), now: Int64(n))
            #expect(cache.count <= 3)
        }
        #expect(cache.count == 3)
    }

    @Test func failuresAreNotCached() async throws {
        let upstream = Counting()
        let cache = CachingKeyResolver(upstream, capacity: 3, lifetime: 1000)
        for _ in 0..<2 {
            await #expect(throws: FederationError(.didUnsupportedKeyType)) {
                try await cache.resolveKey("did:key:z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW", now: 0)
            }
        }
        #expect(upstream.calls.withLock { $0 } == 2 && cache.count == 0)
    }

    @Test func didWebNeedsASuppliedDocument() async throws {
        await #expect(throws: FederationError(.didNotResolved)) {
            try await DIDKeyResolver().resolveKey("did:web:example.com#k1", now: 0)
        }
        let key = try Ed25519.PrivateKey(seed: SecretBytes([UInt8](repeating: 7, count: 32)))
        let document = """
            {"id":"did:web:example.com","verificationMethod":[{"id":"#k1","type":"Multikey",
            "controller":"did:web:example.com","publicKeyMultibase":"\(DIDKey(publicKey: key.publicKey).multibaseValue)"}],
            "authentication":["#k1"]}
            """
        let resolver = DIDKeyResolver(webDocuments: { did, url in
            did == "did:web:example.com" && url == "https://example.com/.well-known/did.json"
                ? Array(document.utf8) : nil
        })
        #expect(try await resolver.resolveKey("did:web:example.com#k1", now: 0) == key.publicKey)
    }
}
