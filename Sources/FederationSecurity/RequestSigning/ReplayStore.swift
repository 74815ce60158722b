/// What a replay store remembers of an accepted request: 128 bits of SHA-256 over a domain tag and the request's
/// nonce (scoped by `keyid`) or, without a nonce, its signature bytes.
public struct ReplayKey: Sendable, Hashable {
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The first 16 bytes of SHA-256(`tag` ‖ `scope` ‖ 0x00 ‖ `value`), `tag` being a domain tag padded with zero
    /// bytes to one SHA-256 block (absorbed once, so a key costs one compression for a scope and value under 56
    /// bytes).
    init(tag: SHA256.BlockPrefix, scope: String, value: some Collection<UInt8>) {
        // The input and the digest are assembled in a stack buffer (no array, no generic call per request).
        let count = scope.utf8.count + value.count + 1
        var words = (UInt64(0), UInt64(0))
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count + SHA256.byteCount) { buffer in
            let i = buffer.initialize(fromContentsOf: scope.utf8)
            buffer[i] = 0
            _ = buffer[(i + 1)...].initialize(fromContentsOf: value)
            let digest = UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[count...]))
            tag.hash(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[..<count])), into: digest)
            // Big-endian: the first digest byte is the high byte of `high`.
            func word(_ at: Int) -> UInt64 {
                UInt64(bigEndian: digest.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            }
            words = (word(0), word(8))
        }
        self.init(high: words.0, low: words.1)
    }

    /// An RFC 9421 signature's nonce, scoped by its `keyid` (two signers may pick the same nonce).
    public static func nonce(_ nonce: String, keyID: String) -> Self {
        Self(tag: nonceTag, scope: keyID, value: nonce.utf8)
    }

    /// An RFC 9421 signature without a nonce: its signature bytes, scoped by `keyid`.
    public static func signature(_ signature: [UInt8], keyID: String) -> Self {
        Self(tag: signatureTag, scope: keyID, value: signature)
    }

    /// An AgentVault signature: its MAC.
    public static func agentVault(mac: [UInt8]) -> Self {
        Self(tag: agentVaultTag, scope: "", value: mac)
    }

    /// The domain tags, each padded to one block (`Spec/request-signing.md`). The verifier's fast path hashes the
    /// same bytes from the received fields.
    static let nonceTag = SHA256.BlockPrefix(paddedText: "fedsec/replay/rfc9421-nonce/v2")
    static let signatureTag = SHA256.BlockPrefix(paddedText: "fedsec/replay/rfc9421-signature/v2")
    static let agentVaultTag = SHA256.BlockPrefix(paddedText: "fedsec/replay/agentvault/v2")
}

/// Remembers accepted requests until they leave the replay window, so each is accepted once.
///
/// One store may be shared by every replica of a server (a network store such as Redis implements this protocol
/// with an atomic "set if absent, with expiry"); the in-process default is ``InMemoryReplayStore``.
public protocol ReplayStore: Sendable {
    /// Atomically records `key` until `expiresAt` unless it is already recorded and still live.
    /// - Parameters:
    ///   - key: the request's replay key.
    ///   - expiresAt: the first unix second at which the request could no longer be accepted anyway.
    ///   - now: the current time.
    /// - Returns: `true` when `key` was not live (the request is fresh), `false` when it was (a replay).
    /// - Throws: `replay.store_full` when the store cannot take another entry (the request must be rejected).
    func insertIfAbsent(_ key: ReplayKey, expiresAt: Int64, now: Int64) async throws(FederationError) -> Bool
}
