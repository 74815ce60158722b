import CSodium

/// Overwrites secret bytes held outside ``SecretBytes`` (a key file's contents on their way in or out) with zeros,
/// through `sodium_memzero`, which the compiler may not elide as a dead store the way it may a plain loop over memory
/// that is about to be freed.
public enum Wipe {
    /// Zeroes every byte of `bytes` in place (the count is unchanged).
    public static func zero(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { sodium_memzero($0.baseAddress, $0.count) }
    }
}
