/// Ed25519 signatures (RFC 8032 §5.1) under the verification policy of `Spec/ed25519.md`.
///
/// Two backends give the same verdict on every input: libsodium (default) and OpenSSL's EVP interface. Both are
/// stricter than RFC 8032 requires, in the same way, because the policy checks of ``Ed25519Policy`` run before
/// either backend is called.
public enum Ed25519 {
    /// Which C library performs the curve arithmetic.
    public enum Backend: String, Sendable, CaseIterable, Hashable {
        case sodium
        case openssl
    }

    /// Bytes in a public key.
    public static let publicKeyByteCount = 32
    /// Bytes in a seed (the RFC 8032 private key).
    public static let seedByteCount = 32
    /// Bytes in a signature.
    public static let signatureByteCount = 64
}
