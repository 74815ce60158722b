import COpenSSL

extension HMACSHA256 {
    /// A reusable HMAC-SHA256 key: the key schedule is done once, in an OpenSSL `EVP_MAC_CTX`, and every MAC reuses it.
    ///
    /// Safe to share between tasks: one cached context serves callers one at a time, and a caller that finds it busy
    /// duplicates the keyed template instead of waiting.
    public final class Key: Sendable {
        private let template: MACContext
        /// A pthread mutex, not `Synchronization.Mutex`, so ThreadSanitizer can check it (see ``PThreadLock``).
        private let cached: PThreadLock<MACContext>

        /// Prepares a keyed context.
        /// - Throws: ``ErrorCode/cryptoBackendFailure`` if OpenSSL cannot create it.
        public init(_ key: SecretBytes) throws(FederationError) {
            template = try MACContext.keyed(key)
            cached = PThreadLock(try template.duplicate())
        }

        /// The 32-byte tag of `message`.
        @inlinable
        public func authenticationCode(for message: some Collection<UInt8>) -> [UInt8] {
            withContiguousBytes(message) { authenticationCode(forBytes: $0) }
        }

        @usableFromInline
        func authenticationCode(forBytes message: UnsafeRawBufferPointer) -> [UInt8] {
            if let tag = cached.withLockIfAvailable({ context in context.mac(message) }) {
                return tag
            }
            // Busy: a private copy of the keyed template. Only fails if OpenSSL cannot allocate.
            guard let copy = try? template.duplicate() else { HMACSHA256.fallbackFailure() }
            return copy.mac(message)
        }

        /// Whether `mac` is the full 32-byte tag of `message`, compared in constant time.
        @inlinable
        public func isValidAuthenticationCode(_ mac: some Collection<UInt8>, for message: some Collection<UInt8>)
            -> Bool
        {
            guard mac.count == HMACSHA256.byteCount else { return false }
            return withContiguousBytes(message) { m in
                withContiguousBytes(mac) { isValidAuthenticationCode($0, for: m) }
            }
        }

        @usableFromInline
        func isValidAuthenticationCode(_ mac: UnsafeRawBufferPointer, for message: UnsafeRawBufferPointer) -> Bool {
            guard mac.count == HMACSHA256.byteCount else { return false }
            // The expected tag goes into a stack buffer: verification allocates nothing.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: HMACSHA256.byteCount) { tag in
                authenticationCode(forBytes: message, into: tag)
                // OpenSSL's constant-time comparison (assembly), beside the context that made the tag: on this hot
                // path it costs a fraction of `sodium_memcmp`'s volatile byte loop. Lengths are equal (checked above).
                return CRYPTO_memcmp(tag.baseAddress, mac.baseAddress, HMACSHA256.byteCount) == 0
            }
        }

        /// Writes the tag of `message` into `tag` (``HMACSHA256/byteCount`` bytes).
        func authenticationCode(forBytes message: UnsafeRawBufferPointer, into tag: UnsafeMutableBufferPointer<UInt8>) {
            if cached.withLockIfAvailable({ context in context.mac(message, into: tag) }) != nil { return }
            guard let copy = try? template.duplicate() else { HMACSHA256.fallbackFailure() }
            copy.mac(message, into: tag)
        }
    }

    static func fallbackFailure() -> Never {
        fatalError("OpenSSL could not duplicate an HMAC context (out of memory)")
    }
}

/// An owned `EVP_MAC_CTX` (OpenSSL cleanses the key copy it holds when the context is freed).
///
/// `@unchecked Sendable` is safe: a context is used either only to be duplicated (the template, which OpenSSL reads
/// without mutating) or only under the lock of ``HMACSHA256/Key``.
final class MACContext: @unchecked Sendable {
    private let ctx: OpaquePointer

    private init(_ ctx: OpaquePointer) {
        self.ctx = ctx
    }

    deinit {
        EVP_MAC_CTX_free(ctx)
    }

    static func keyed(_ key: SecretBytes) throws(FederationError) -> MACContext {
        guard let mac = EVP_MAC_fetch(nil, "HMAC", nil) else { throw CFailure.openSSL("EVP_MAC_fetch(HMAC)") }
        defer { EVP_MAC_free(mac) }
        guard let raw = EVP_MAC_CTX_new(mac) else { throw CFailure.openSSL("EVP_MAC_CTX_new") }
        let context = MACContext(raw)
        let rc = "digest".withCString { name in
            "SHA256".withCString { digest in
                var params = [
                    OSSL_PARAM_construct_utf8_string(name, UnsafeMutablePointer(mutating: digest), 0),
                    OSSL_PARAM_construct_end(),
                ]
                return key.withUnsafeBytes { k in EVP_MAC_init(raw, k.cBytes, k.count, &params) }
            }
        }
        try CFailure.checkOpenSSL(rc, "EVP_MAC_init")
        return context
    }

    func duplicate() throws(FederationError) -> MACContext {
        guard let copy = EVP_MAC_CTX_dup(ctx) else { throw CFailure.openSSL("EVP_MAC_CTX_dup") }
        return MACContext(copy)
    }

    /// Re-initialises with the stored key (OpenSSL 3 `EVP_MAC_init` with a NULL key keeps the key) and MACs `message`.
    func mac(_ message: UnsafeRawBufferPointer) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: HMACSHA256.byteCount) { tag, initialised in
            mac(message, into: tag)
            initialised = HMACSHA256.byteCount
        }
    }

    /// As ``mac(_:)``, into `tag` (at least ``HMACSHA256/byteCount`` bytes).
    func mac(_ message: UnsafeRawBufferPointer, into tag: UnsafeMutableBufferPointer<UInt8>) {
        var length = 0
        let ok =
            EVP_MAC_init(ctx, nil, 0, nil) == 1
            && EVP_MAC_update(ctx, message.cBytes, message.count) == 1
            && EVP_MAC_final(ctx, tag.baseAddress, &length, tag.count) == 1
        guard ok, length == HMACSHA256.byteCount else {
            fatalError("EVP_MAC on a keyed HMAC-SHA256 context failed: \(CFailure.openSSL("EVP_MAC").reason)")
        }
    }
}
