import COpenSSL

extension HMACSHA256 {
    /// A reusable HMAC-SHA256 key: the key schedule (the SHA-256 states after `K0 ⊕ ipad` and `K0 ⊕ opad`, RFC 2104)
    /// is computed once, and every MAC starts from copies of it on the stack.
    ///
    /// Why not a keyed OpenSSL `EVP_MAC_CTX`: OpenSSL 3 re-initialising one per message duplicates the provider's
    /// digest contexts (an allocation, a copy and a cleanse each time), which cost more than MACing a 500-byte request;
    /// and a shared context needs a lock. The schedule is read-only after `init`, so any number of callers MAC at once
    /// without locking. The SHA-256 is OpenSSL's (`SHA256_Update`, the same assembly as its EVP digest). Tags equal
    /// libsodium's `crypto_auth_hmacsha256` (`HMACTests`: Wycheproof, and keys and messages of every length around
    /// the block size).
    ///
    /// `@unchecked Sendable` is safe: the schedule is written only by `init` and wiped only by `deinit`, when no other
    /// reference exists; every MAC reads it into its own stack copy.
    public final class Key: @unchecked Sendable {
        /// The key schedule, secret-equivalent: in its own allocation, wiped (`OPENSSL_cleanse`) before it is freed.
        private let schedule: UnsafeMutablePointer<fedsec_hmac_sha256_schedule>

        /// Computes the key schedule.
        /// - Throws: ``ErrorCode/cryptoBackendFailure`` if OpenSSL's SHA-256 fails.
        public init(_ key: SecretBytes) throws(FederationError) {
            schedule = .allocate(capacity: 1)
            let ok = key.withUnsafeBytes { k in fedsec_hmac_sha256_prepare(schedule, k.cBytes, k.count) }
            guard ok == 1 else {
                Self.wipe(schedule)
                throw CFailure.openSSL("SHA256 (HMAC key schedule)")
            }
        }

        deinit {
            Self.wipe(schedule)
        }

        private static func wipe(_ schedule: UnsafeMutablePointer<fedsec_hmac_sha256_schedule>) {
            OPENSSL_cleanse(schedule, MemoryLayout<fedsec_hmac_sha256_schedule>.size)
            schedule.deallocate()
        }

        /// The 32-byte tag of `message`.
        @inlinable
        public func authenticationCode(for message: some Collection<UInt8>) -> [UInt8] {
            withContiguousBytes(message) { authenticationCode(forBytes: $0) }
        }

        @usableFromInline
        func authenticationCode(forBytes message: UnsafeRawBufferPointer) -> [UInt8] {
            [UInt8](unsafeUninitializedCapacity: HMACSHA256.byteCount) { tag, initialised in
                authenticationCode(forBytes: message, into: tag)
                initialised = HMACSHA256.byteCount
            }
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
                // In constant time (``ConstantTime``). Lengths are equal (checked above).
                let equal = ConstantTime.equals(UnsafeRawBufferPointer(tag), mac)
                OPENSSL_cleanse(tag.baseAddress, HMACSHA256.byteCount)
                return equal
            }
        }

        /// Writes the tag of `message` into `tag` (``HMACSHA256/byteCount`` bytes).
        func authenticationCode(forBytes message: UnsafeRawBufferPointer, into tag: UnsafeMutableBufferPointer<UInt8>) {
            precondition(tag.count >= HMACSHA256.byteCount, "tag buffer too small")
            // An empty message may have no base address; SHA256_Update reads nothing then.
            let ok = fedsec_hmac_sha256(
                schedule, message.baseAddress ?? UnsafeRawPointer(tag.baseAddress!), message.count, tag.baseAddress)
            guard ok == 1 else {
                fatalError("OpenSSL SHA-256 failed in HMAC: \(CFailure.openSSL("SHA256").reason)")
            }
        }
    }
}
