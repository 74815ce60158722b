/// A multicodec code: the unsigned-varint tag that says what a byte string is (multiformats multicodec table).
public struct Multicodec: Hashable, Sendable, CustomStringConvertible {
    /// The code, as listed in the multicodec table.
    public let code: UInt64

    /// Wraps a code.
    /// - Parameter code: a code not above ``UVarint/maxValue``.
    public init(_ code: UInt64) {
        self.code = code
    }

    /// `identity` (0x00), the identity multihash.
    public static let identity = Multicodec(0x00)
    /// `sha2-256` (0x12), a multihash function.
    public static let sha2_256 = Multicodec(0x12)
    /// `sha2-512` (0x13), a multihash function.
    public static let sha2_512 = Multicodec(0x13)
    /// `raw` (0x55), raw binary, the codec of UCAN 0.10 proof CIDs.
    public static let raw = Multicodec(0x55)
    /// `dag-pb` (0x70), the MerkleDAG protobuf codec.
    public static let dagPB = Multicodec(0x70)
    /// `dag-cbor` (0x71), the MerkleDAG CBOR codec.
    public static let dagCBOR = Multicodec(0x71)
    /// `dag-json` (0x0129), the MerkleDAG JSON codec.
    public static let dagJSON = Multicodec(0x0129)
    /// `secp256k1-pub` (0xe7), a compressed secp256k1 public key.
    public static let secp256k1Pub = Multicodec(0xe7)
    /// `x25519-pub` (0xec), an X25519 public key.
    public static let x25519Pub = Multicodec(0xec)
    /// `ed25519-pub` (0xed), an Ed25519 public key, as in `did:key:z6Mk…`.
    public static let ed25519Pub = Multicodec(0xed)
    /// `p256-pub` (0x1200), a compressed P-256 public key.
    public static let p256Pub = Multicodec(0x1200)

    public var description: String { "multicodec 0x\(String(code, radix: 16))" }

    /// Prepends a codec's varint code to a payload.
    /// - Parameters:
    ///   - codec: the codec.
    ///   - bytes: the payload.
    /// - Returns: `varint(codec.code) ‖ bytes`.
    public static func prefix(_ codec: Multicodec, to bytes: some Collection<UInt8>) -> [UInt8] {
        var output = UVarint.encode(codec.code)
        output.append(contentsOf: bytes)
        return output
    }

    /// Splits a multicodec-prefixed byte string into its codec and payload. Any code is accepted: callers compare
    /// the codec with the one they require.
    /// - Parameter bytes: `varint(code) ‖ payload`.
    /// - Returns: the codec and the payload (possibly empty).
    /// - Throws: the ``UVarint/decode(_:)`` errors `varint.truncated`, `varint.too_long`, `varint.not_minimal`.
    public static func split(_ bytes: some Collection<UInt8>) throws(FederationError) -> (
        codec: Multicodec, payload: [UInt8]
    ) {
        let (code, count) = try UVarint.decode(bytes)
        return (Multicodec(code), Array(bytes.dropFirst(count)))
    }
}
