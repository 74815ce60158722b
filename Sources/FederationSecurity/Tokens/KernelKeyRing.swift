/// The issuer's master secrets by key id, several at once for rotation, and the per-kernel MAC keys derived from them.
///
/// Per-kernel key: HKDF-SHA256(IKM = master secret, salt = `fedsec/kernel-token/v1`, info = `kernel:` ‖ kernel id,
/// L = 32) (RFC 5869). Derived keys are cached as keyed HMAC contexts, at most ``cacheCapacity`` of them.
public final class KernelKeyRing: Sendable {
    /// Key ids: 1–64 characters of `[A-Za-z0-9_-]`.
    public static func isValidKeyID(_ kid: some StringProtocol) -> Bool {
        isValidKeyID(utf8: kid.utf8)
    }

    /// ``isValidKeyID(_:)`` over UTF-8 bytes.
    static func isValidKeyID(utf8 kid: some Collection<UInt8>) -> Bool {
        (1...64).contains(kid.count)
            && kid.allSatisfy {
                (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D
                    || $0 == 0x5F
            }
    }

    static let salt = Array("fedsec/kernel-token/v1".utf8)
    /// The most derived keys kept; when full, the cache is emptied and refilled on demand.
    public let cacheCapacity: Int
    private let masters: [String: SecretBytes]
    /// A pthread mutex, not `Synchronization.Mutex`, so ThreadSanitizer can check it (see ``PThreadLock``).
    private let cache = PThreadLock(Cache())

    /// - Parameters:
    ///   - masters: master secrets by key id (at least 32 bytes each).
    ///   - cacheCapacity: the most (key id, kernel) keys kept derived.
    /// - Throws: `crypto.invalid_length` for a short secret, `token.malformed` for a bad key id.
    public init(_ masters: [String: SecretBytes], cacheCapacity: Int = 256) throws(FederationError) {
        for (kid, secret) in masters {
            guard Self.isValidKeyID(kid) else {
                throw FederationError(.tokenMalformed, "key id must be 1-64 of [A-Za-z0-9_-]")
            }
            guard secret.count >= 32 else {
                throw FederationError(.cryptoInvalidLength, "master secrets are at least 32 bytes")
            }
        }
        self.masters = masters
        self.cacheCapacity = max(1, cacheCapacity)
    }

    /// The number of derived keys currently cached.
    public var cachedKeyCount: Int { cache.withLock { $0.table.count } }

    /// Whether `kid` is in the ring.
    public func contains(_ kid: String) -> Bool { masters[kid] != nil }

    /// ``key(kid:kernel:)`` for ids given as UTF-8 (the kernel id well-formed), as a verifier reads them: the most
    /// recently used slot is compared byte for byte first, so the common case hashes nothing and builds no string.
    /// - Parameter remember: whether a key derived here is cached (see ``key(kid:kernel:remember:)``).
    func key(kid: UnsafeBufferPointer<UInt8>, kernel: UnsafeBufferPointer<UInt8>, remember: Bool = true)
        throws(FederationError) -> HMACSHA256.Key?
    {
        let recent = cache.withLock { cache -> HMACSHA256.Key? in
            guard let (slot, key) = cache.recent, UTF8Equality.equal(kid, slot.kid),
                UTF8Equality.equal(kernel, slot.kernel)
            else { return nil }
            return key
        }
        if let recent { return recent }
        return try key(
            kid: String(decoding: kid, as: UTF8.self), kernel: String(decoding: kernel, as: UTF8.self),
            remember: remember)
    }

    /// The MAC key of `kernel` under key `kid`, or `nil` for an unknown key id.
    /// - Parameter remember: whether a key derived here is cached. A verifier passes `false` for a token naming
    ///   another kernel than the one it serves: such a token is rejected whatever its MAC, and caching its key would
    ///   let a stream of tokens with made-up kernel ids flush the keys of real traffic (the cache is cleared when
    ///   full).
    func key(kid: String, kernel: String, remember: Bool = true) throws(FederationError) -> HMACSHA256.Key? {
        // The cache first: an entry exists only for a key id in the (immutable) ring. No string is built for the
        // lookup: the slot hashes the two strings as they are.
        let slot = Slot(kid: kid, kernel: kernel)
        let cached = cache.withLock { cache -> HMACSHA256.Key? in
            guard let key = cache.table[slot] else { return nil }
            cache.recent = (slot, key)
            return key
        }
        if let cached { return cached }
        guard let master = masters[kid] else { return nil }
        let derived = try HKDFSHA256.deriveKey(
            inputKeyMaterial: master, salt: Self.salt, info: Array("kernel:".utf8) + Array(kernel.utf8),
            outputByteCount: 32)
        let key = try HMACSHA256.Key(derived)
        guard remember else { return key }
        cache.withLock { cache in
            if cache.table.count >= cacheCapacity { cache.table.removeAll(keepingCapacity: true) }
            cache.table[slot] = key
            cache.recent = (slot, key)
        }
        return key
    }

    /// The derived keys, and the one used last (always also in the table).
    struct Cache {
        var table: [Slot: HMACSHA256.Key] = [:]
        var recent: (slot: Slot, key: HMACSHA256.Key)?
    }

    /// A cache slot: a key id and a kernel id, compared by their UTF-8 bytes (Swift's `String ==` would merge
    /// canonically equivalent kernel ids, which derive different keys).
    struct Slot: Hashable {
        let kid: String
        let kernel: String

        static func == (a: Slot, b: Slot) -> Bool {
            UTF8Equality.equal(a.kid, b.kid) && UTF8Equality.equal(a.kernel, b.kernel)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(kid)
            hasher.combine(kernel)
        }
    }
}
