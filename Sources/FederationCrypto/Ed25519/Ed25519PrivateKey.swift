extension Ed25519 {
    /// An Ed25519 signing key: the 32-byte seed of RFC 8032 §5.1.5, held in ``SecretBytes``.
    ///
    /// `description` and reflection never show the seed.
    public struct PrivateKey: Sendable, CustomStringConvertible, CustomReflectable {
        /// The seed. - Warning: secret; export it only into zeroizing storage or an encrypted file.
        public let seed: SecretBytes
        /// The matching public key.
        public let publicKey: PublicKey
        private let signer: Signer

        private enum Signer: Sendable {
            case sodium(secretKey: SecretBytes)
            case openssl(OpenSSLKey)
        }

        /// A new random key.
        public init(backend: Backend = .sodium) {
            // A 32-byte random seed always yields a valid key pair; failure here is a broken C library.
            try! self.init(seed: SecureRandom.secretBytes(count: Ed25519.seedByteCount), backend: backend)
        }

        /// The key for `seed`.
        /// - Throws: ``ErrorCode/cryptoInvalidLength`` unless the seed is 32 bytes;
        ///   ``ErrorCode/cryptoBackendFailure`` if the C library fails.
        public init(seed: SecretBytes, backend: Backend = .sodium) throws(FederationError) {
            guard seed.count == Ed25519.seedByteCount else {
                throw FederationError(.cryptoInvalidLength, "Ed25519 seed must be 32 bytes, got \(seed.count)")
            }
            self.seed = seed
            let publicBytes: [UInt8]
            switch backend {
            case .sodium:
                let pair = try Ed25519SodiumBackend.keyPair(seed: seed)
                signer = .sodium(secretKey: pair.secretKey)
                publicBytes = pair.publicKey
            case .openssl:
                let pair = try Ed25519OpenSSLBackend.privateKey(seed: seed)
                signer = .openssl(pair.key)
                publicBytes = pair.publicKey
            }
            publicKey = try PublicKey(rawRepresentation: publicBytes, backend: backend)
        }

        /// The deterministic RFC 8032 signature of `message`.
        /// - Throws: ``ErrorCode/cryptoBackendFailure`` if the C library fails.
        public func signature(for message: some Collection<UInt8>) throws(FederationError) -> [UInt8] {
            try withContiguousBytes(message) { (msg) throws(FederationError) in
                switch signer {
                case .sodium(let secretKey):
                    return try Ed25519SodiumBackend.sign(msg, secretKey: secretKey)
                case .openssl(let key):
                    return try Ed25519OpenSSLBackend.sign(msg, key: key)
                }
            }
        }

        public var description: String { "Ed25519.PrivateKey(redacted)" }
        public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
    }
}
