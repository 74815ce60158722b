import CSodium

/// Cryptographically secure random bytes from the operating system (libsodium `randombytes_buf`).
public enum SecureRandom {
    /// `count` random bytes for non-secret uses (nonces, identifiers).
    public static func bytes(count: Int) -> [UInt8] {
        Sodium.ensureInitialised()
        var out = [UInt8](repeating: 0, count: count)
        out.withUnsafeMutableBytes { randombytes_buf($0.cBytes, $0.count) }
        return out
    }

    /// `count` random bytes written straight into zeroizing storage, for keys and seeds.
    public static func secretBytes(count: Int) -> SecretBytes {
        Sodium.ensureInitialised()
        // The initialiser cannot fail: it only fills the buffer.
        return try! SecretBytes(count: count) { randombytes_buf($0.cBytes, $0.count) }
    }
}
