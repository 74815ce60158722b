extension CID {
    /// The bytes before the digest of a canonical UCAN proof CID: version 1, codec raw (0x55), multihash sha2-256
    /// (0x12), digest length 32 (each a one-byte varint).
    private static let canonicalUCANPrefix: (UInt8, UInt8, UInt8, UInt8) = (0x01, 0x55, 0x12, 0x20)

    /// Reads the text of a canonical UCAN proof CID (``isCanonicalUCAN``) in one pass, or returns `nil`.
    ///
    /// Answers only for `b` followed by base32 text that the decoder of ``Base32/decode(_:)`` (the one
    /// ``init(parsing:)`` runs through ``Multibase``) decodes to exactly the four prefix bytes and a 32-byte digest;
    /// for that text ``init(parsing:)`` reads the same four one-byte varints and returns the same CID. Everything else
    /// gets `nil`, and the caller runs ``init(parsing:)``, which decides. The bytes are decoded into a stack buffer,
    /// not into arrays and slices.
    @_spi(Differential)
    public static func readCanonicalUCAN(_ text: String) -> CID? {
        let result: CID?? = text.utf8.withContiguousStorageIfAvailable { readCanonicalUCAN(utf8: $0) }
        return result ?? nil
    }

    /// ``readCanonicalUCAN(_:)`` on the UTF-8 bytes of the text.
    static func readCanonicalUCAN(utf8 bytes: UnsafeBufferPointer<UInt8>) -> CID? {
        // 59 bytes: `b` and the 58 symbols of 36 bytes.
        guard bytes.count == 59, bytes[0] == UInt8(ascii: "b") else { return nil }
        let symbols = UnsafeBufferPointer(rebasing: bytes[1...])
        let codec = Base32.codec
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: codec.maxDecodedCount(symbols.count)) {
            buffer -> CID? in
            guard case .success(let count) = codec.decode(utf8: symbols, into: buffer), count == 36,
                (buffer[0], buffer[1], buffer[2], buffer[3]) == canonicalUCANPrefix
            else { return nil }
            return CID(codec: .raw, hash: .sha2_256, digest: Array(buffer[4..<36]))
        }
    }
}
