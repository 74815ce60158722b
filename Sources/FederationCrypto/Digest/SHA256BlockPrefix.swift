import COpenSSL

extension SHA256 {
    /// SHA-256 with a fixed, public first block already absorbed: `hash(_:into:)` writes SHA-256(`block` ‖ data)
    /// and costs only the compressions of `data` (and the final padding), not the block's.
    ///
    /// For domain-separated hashes on hot paths: a domain tag padded with zero bytes to one 64-byte block is hashed
    /// once, when the prefix is made. The state holds nothing secret; do not put a key in the block (use
    /// ``HMACSHA256`` for that).
    public struct BlockPrefix: Sendable {
        /// The SHA-256 block size: the prefix is exactly one block.
        public static let blockSize = 64

        private let state: SHA256_CTX

        /// The state after `block`, which must be exactly ``blockSize`` bytes.
        public init(block: [UInt8]) {
            precondition(block.count == Self.blockSize, "a SHA-256 block prefix is exactly 64 bytes")
            var state = SHA256_CTX()
            guard block.withUnsafeBufferPointer({ fedsec_sha256_absorb_block(&state, $0.baseAddress!) }) == 1 else {
                fatalError("OpenSSL SHA-256 failed: \(CFailure.openSSL("SHA256").reason)")
            }
            self.state = state
        }

        /// The state after `text`'s UTF-8 padded with zero bytes to one block (`text` must be shorter than a block).
        public init(paddedText text: String) {
            let bytes = Array(text.utf8)
            precondition(bytes.count < Self.blockSize, "a padded prefix text is shorter than one SHA-256 block")
            self.init(block: bytes + [UInt8](repeating: 0, count: Self.blockSize - bytes.count))
        }

        /// Writes SHA-256(prefix block ‖ `data`) into `digest` (at least ``SHA256/byteCount`` bytes).
        public func hash(_ data: UnsafeRawBufferPointer, into digest: UnsafeMutableRawBufferPointer) {
            precondition(digest.count >= SHA256.byteCount, "digest buffer too small")
            let ok = withUnsafePointer(to: state) { state in
                // An empty input may have no base address; SHA256_Update reads nothing then.
                fedsec_sha256_resume(
                    state, data.baseAddress ?? UnsafeRawPointer(digest.baseAddress!), data.count, digest.cBytes)
            }
            guard ok == 1 else { fatalError("OpenSSL SHA-256 failed: \(CFailure.openSSL("SHA256").reason)") }
        }
    }
}
