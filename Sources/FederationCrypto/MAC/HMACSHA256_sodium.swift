import CSodium

/// HMAC-SHA256 (RFC 2104, FIPS 198-1) with keys of any length.
///
/// For many MACs under one key, ``HMACSHA256/Key`` keeps a keyed OpenSSL context and skips the key schedule.
public enum HMACSHA256 {
    /// Bytes in a tag.
    public static let byteCount = 32

    /// The 32-byte tag of `message` under `key` (one-shot, libsodium `crypto_auth_hmacsha256_*`).
    public static func authenticationCode(for message: some Collection<UInt8>, using key: SecretBytes) -> [UInt8] {
        Sodium.ensureInitialised()
        var state = crypto_auth_hmacsha256_state()
        defer { withUnsafeMutableBytes(of: &state) { sodium_memzero($0.baseAddress, $0.count) } }
        var tag = [UInt8](repeating: 0, count: byteCount)
        key.withUnsafeBytes { k in _ = crypto_auth_hmacsha256_init(&state, k.cBytes, k.count) }
        withContiguousBytes(message) { m in _ = crypto_auth_hmacsha256_update(&state, m.cBytes, UInt64(m.count)) }
        tag.withUnsafeMutableBytes { t in _ = crypto_auth_hmacsha256_final(&state, t.cBytes) }
        return tag
    }

    /// Whether `mac` is the full 32-byte tag of `message` under `key`, compared in constant time.
    /// Truncated tags are not accepted.
    public static func isValidAuthenticationCode(
        _ mac: some Collection<UInt8>, for message: some Collection<UInt8>, using key: SecretBytes
    ) -> Bool {
        guard mac.count == byteCount else { return false }
        return ConstantTime.equals(authenticationCode(for: message, using: key), mac)
    }
}
