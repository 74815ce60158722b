import FederationSecurity
import Testing

@Suite struct KernelTokenTests {
    let keys = try! KernelKeyRing(["k1": SecretBytes([UInt8](repeating: 1, count: 32))], cacheCapacity: 4)
    let claims = KernelTokenClaims(tokenID: "t", principal: "p", capability: "c", issuedAt: 100, expiresAt: 200)

    /// Tokens naming other kernels (forged, or minted for another kernel) do not enter the derived-key cache, so a
    /// stream of made-up kernel ids cannot flush the keys of real traffic; the expected kernel's key stays cached.
    @Test func otherKernelsDoNotFillTheKeyCache() throws {
        let ring = try KernelKeyRing(["k1": SecretBytes([UInt8](repeating: 1, count: 32))], cacheCapacity: 4)
        let expected = KernelToken.Expectation(kernel: "kernel-a", principal: "p", capability: "c", now: 150)
        let good = try KernelToken.mint(claims, kernel: "kernel-a", kid: "k1", keys: ring)
        _ = try KernelToken.verify(good, expecting: expected, keys: ring)
        #expect(ring.cachedKeyCount == 1)
        let minter = try KernelKeyRing(["k1": SecretBytes([UInt8](repeating: 1, count: 32))], cacheCapacity: 64)
        for n in 0..<20 {
            let other = try KernelToken.mint(claims, kernel: "kernel-\(n)", kid: "k1", keys: minter)
            #expect(throws: FederationError(.tokenWrongKernel)) {
                try KernelToken.verify(other, expecting: expected, keys: ring)
            }
        }
        #expect(ring.cachedKeyCount == 1)
    }

    /// "Revoked forever" (`expiresAt: .max`) and extreme times decide instead of trapping on `until + leeway`.
    @Test func revocationStoreTakesExtremeTimes() {
        let store = InMemoryRevocationStore(capacity: 1, leeway: 60)
        store.revoke("forever", expiresAt: .max, now: 0)
        #expect(store.isRevoked("forever", now: 1_900_000_000))
        #expect(store.isRevoked("forever", now: .max - 1))
        store.revoke("other", expiresAt: 10, now: .max - 1)  // full: the expiry filter runs on `.max` + leeway too
        #expect(store.count == 1)
    }

    /// Extreme caller times decide instead of trapping on overflow: `exp + leeway` and `now + leeway` clamp.
    @Test func extremeNowAndLeewayDecideWithoutOverflow() throws {
        let token = try KernelToken.mint(claims, kernel: "kernel-a", kid: "k1", keys: keys)
        let late = KernelToken.Expectation(
            kernel: "kernel-a", principal: "p", capability: "c", now: .max, leeway: .max)
        #expect(throws: FederationError(.tokenExpired)) { try KernelToken.verify(token, expecting: late, keys: keys) }
        let lenient = KernelToken.Expectation(
            kernel: "kernel-a", principal: "p", capability: "c", now: 150, leeway: .max)
        #expect(try KernelToken.verify(token, expecting: lenient, keys: keys).tokenID == "t")
    }

    @Test func mintThenVerifyAtOwnKernelOnly() throws {
        let token = try KernelToken.mint(claims, kernel: "kernel-a", kid: "k1", keys: keys)
        let ok = try KernelToken.verify(
            token, expecting: .init(kernel: "kernel-a", principal: "p", capability: "c", now: 150), keys: keys)
        #expect(ok == claims)
        #expect(throws: FederationError(.tokenWrongKernel)) {
            try KernelToken.verify(
                token, expecting: .init(kernel: "kernel-b", principal: "p", capability: "c", now: 150), keys: keys)
        }
    }

    @Test func everySingleByteChangeIsBadMACOrMalformed() throws {
        let token = Array(try KernelToken.mint(claims, kernel: "kernel-a", kid: "k1", keys: keys).utf8)
        for i in token.indices {
            var changed = token
            changed[i] = changed[i] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            let text = String(decoding: changed, as: UTF8.self)
            do {
                _ = try KernelToken.verify(
                    text, expecting: .init(kernel: "kernel-a", principal: "p", capability: "c", now: 150), keys: keys)
                Issue.record("byte \(i) changed and the token still verified")
            } catch {
                let allowed: Set<ErrorCode> = [.tokenBadMAC, .tokenMalformed, .tokenUnknownKeyID]
                #expect(allowed.contains(error.code), "byte \(i): \(error.code)")
            }
        }
    }

    /// `é` precomposed and decomposed are two kernel ids (compared by scalars), so they get two keys, also when the
    /// other one is already cached (a cache keyed by Swift `String ==` would hand out the other kernel's key).
    @Test func canonicallyEquivalentKernelsHaveTheirOwnKeys() throws {
        let master = SecretBytes([UInt8](repeating: 1, count: 32))
        let ring = try KernelKeyRing(["k1": master])
        let composed = try KernelToken.mint(claims, kernel: "k\u{E9}", kid: "k1", keys: ring)
        let decomposed = try KernelToken.mint(claims, kernel: "ke\u{301}", kid: "k1", keys: ring)
        let fresh = try KernelKeyRing(["k1": master])
        let expectation = KernelToken.Expectation(kernel: "ke\u{301}", principal: "p", capability: "c", now: 150)
        #expect(try KernelToken.verify(decomposed, expecting: expectation, keys: fresh) == claims)
        #expect(throws: FederationError(.tokenWrongKernel)) {
            try KernelToken.verify(composed, expecting: expectation, keys: ring)
        }
    }

    /// A dot added at any offset, or any one of the four removed, is a token of six or four parts: `token.malformed`
    /// (the part scanner reads 16 and 8 bytes at a time, so this covers a dot in every lane of every block).
    @Test func anExtraOrMissingDotAnywhereIsMalformed() throws {
        let token = Array(try KernelToken.mint(claims, kernel: "kernel-a", kid: "k1", keys: keys).utf8)
        let expectation = KernelToken.Expectation(kernel: "kernel-a", principal: "p", capability: "c", now: 150)
        var variants: [[UInt8]] = (0...token.count).map { i in
            var changed = token
            changed.insert(UInt8(ascii: "."), at: i)
            return changed
        }
        for i in token.indices where token[i] == UInt8(ascii: ".") {
            var changed = token
            changed.remove(at: i)
            variants.append(changed)
        }
        for variant in variants {
            #expect(throws: FederationError(.tokenMalformed)) {
                try KernelToken.verify(String(decoding: variant, as: UTF8.self), expecting: expectation, keys: keys)
            }
        }
    }

    @Test func keyCacheIsBounded() throws {
        for n in 0..<10 {
            _ = try KernelToken.mint(claims, kernel: "kernel-\(n)", kid: "k1", keys: keys)
            #expect(keys.cachedKeyCount <= 4)
        }
    }

    @Test func revocationStoreIsBounded() {
        let store = InMemoryRevocationStore(capacity: 3, leeway: 0)
        for n in 0..<3 { store.revoke("live-\(n)", expiresAt: 1000 + Int64(n), now: 0) }
        store.revoke("new", expiresAt: 2000, now: 0)
        #expect(store.count == 3)
        #expect(!store.isRevoked("live-0", now: 0))  // the soonest-expiring one made room
        #expect(store.isRevoked("new", now: 0) && store.isRevoked("live-2", now: 0))
        #expect(!store.isRevoked("new", now: 2000))  // forgotten after its expiry
    }

    @Test func revocationStoreIsSafeUnderConcurrency() async {
        let store = InMemoryRevocationStore(capacity: 100_000)
        await withTaskGroup(of: Void.self) { group in
            for t in 0..<8 {
                group.addTask { for n in 0..<500 { store.revoke("t\(t)-\(n)", expiresAt: 10_000, now: 0) } }
            }
        }
        #expect(store.count == 4000)
        #expect(store.isRevoked("t7-499", now: 1))
    }

    @Test func weaverTokenSizeLimit() {
        let big = #"{"token_id":"\#(String(repeating: "x", count: 64 * 1024))"}"#
        #expect(throws: FederationError(.jsonTooLarge)) { try WeaverToken(json: Array(big.utf8)) }
    }

    @Test func shortMasterSecretsAreRefused() {
        #expect(throws: FederationError(.cryptoInvalidLength)) { try KernelKeyRing(["k": SecretBytes([1, 2, 3])]) }
    }
}
