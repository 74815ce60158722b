extension Ed25519 {
    /// An Ed25519 public key that has passed the key checks of `Spec/ed25519.md`: 32 bytes, canonical encoding,
    /// not of small order, on the curve and in the prime-order subgroup.
    public struct PublicKey: Sendable, Hashable {
        /// The 32-byte encoding (RFC 8032 §5.1.2).
        public let rawRepresentation: [UInt8]
        /// The backend that verifies with this key.
        public let backend: Backend
        private let openSSLKey: OpenSSLKey?

        /// Imports and validates a raw public key.
        /// - Parameters:
        ///   - rawRepresentation: the 32-byte encoding.
        ///   - backend: which C library verifies signatures.
        /// - Throws: ``ErrorCode/cryptoInvalidLength`` for a length other than 32;
        ///   ``ErrorCode/cryptoInvalidPublicKey`` for a key the policy rejects.
        public init(rawRepresentation: some Collection<UInt8>, backend: Backend = .sodium) throws(FederationError) {
            let raw = Array(rawRepresentation)
            guard raw.count == Ed25519.publicKeyByteCount else {
                throw FederationError(.cryptoInvalidLength, "Ed25519 public key must be 32 bytes, got \(raw.count)")
            }
            let acceptable = raw.withUnsafeBytes { key in
                Ed25519Policy.isAcceptablePublicKeyEncoding(key) && Ed25519SodiumBackend.isValidPoint(key)
            }
            guard acceptable else {
                throw FederationError(.cryptoInvalidPublicKey, "not a canonical prime-order Ed25519 point")
            }
            self.rawRepresentation = raw
            self.backend = backend
            switch backend {
            case .sodium:
                openSSLKey = nil
            case .openssl:
                openSSLKey = try withContiguousBytes(raw) { (key) throws(FederationError) in
                    try Ed25519OpenSSLBackend.publicKey(key)
                }
            }
        }

        /// Whether `signature` is a valid signature of `message` under this key and the policy of `Spec/ed25519.md`.
        ///
        /// Returns `false`, never throws, for any malformed or wrong signature.
        @inlinable
        public func isValidSignature(_ signature: some Collection<UInt8>, for message: some Collection<UInt8>) -> Bool {
            withContiguousBytes(signature) { sig in
                withContiguousBytes(message) { msg in isValidSignature(bytes: sig, message: msg) }
            }
        }

        @usableFromInline
        func isValidSignature(bytes sig: UnsafeRawBufferPointer, message msg: UnsafeRawBufferPointer) -> Bool {
            guard sig.count == Ed25519.signatureByteCount, Ed25519Policy.isAcceptableSignatureEncoding(sig) else {
                return false
            }
            return rawRepresentation.withUnsafeBytes { key in
                switch backend {
                case .sodium:
                    return Ed25519SodiumBackend.verify(sig, msg, key)
                case .openssl:
                    guard let openSSLKey else { return false }
                    return Ed25519OpenSSLBackend.verify(sig, msg, key: openSSLKey)
                }
            }
        }

        // MARK: - Equality by key bytes

        public static func == (lhs: PublicKey, rhs: PublicKey) -> Bool {
            lhs.rawRepresentation == rhs.rawRepresentation
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(rawRepresentation)
        }
    }
}
