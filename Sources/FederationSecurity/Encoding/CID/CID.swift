import FederationCrypto

/// A CIDv1 (multiformats CID spec): `varint(1) ‖ varint(codec) ‖ multihash`, written as multibase base32 (`b…`).
///
/// UCAN 0.10 §6.5.1 names the canonical form: raw codec (0x55), SHA2-256, base32 — `bafkrei…`. Parsing is strict:
/// lower-case base32 with the `b` prefix only, minimal varints, a digest of exactly the length the hash defines, and
/// nothing after it.
public struct CID: Sendable, Hashable, CustomStringConvertible {
    /// The multihash function of a CID.
    public enum Hash: UInt64, Sendable, Hashable {
        /// `sha2-256` (0x12), 32-byte digest.
        case sha2_256 = 0x12
        /// `blake3` (0x1e), 32-byte digest (the default output length).
        case blake3 = 0x1e
    }

    /// The content codec (`raw` for UCAN JWTs).
    public let codec: Multicodec
    /// The hash function.
    public let hash: Hash
    /// The digest, 32 bytes.
    public let digest: [UInt8]

    /// The longest CID text accepted (a 32-byte digest needs 59 characters).
    public static let maxTextLength = 128

    /// The canonical UCAN CID of `bytes`: CIDv1, raw codec, SHA2-256.
    public static func rawSHA256(of bytes: some Collection<UInt8>) -> CID {
        // OpenSSL's SHA-256 (the CPU's SHA extensions where present): the same digest as `SHA256.hash(_:)`, several
        // times faster on a token; every proof of every chain is hashed.
        let digest = [UInt8](unsafeUninitializedCapacity: SHA256.byteCount) { output, initialised in
            TextBytes.withBytes(bytes) { input in
                SHA256.hash(UnsafeRawBufferPointer(input), into: UnsafeMutableRawBufferPointer(output))
            }
            initialised = SHA256.byteCount
        }
        return CID(codec: .raw, hash: .sha2_256, digest: digest)
    }

    /// CIDv1, raw codec, BLAKE3-256.
    public static func rawBLAKE3(of bytes: some Collection<UInt8>) -> CID {
        CID(codec: .raw, hash: .blake3, digest: BLAKE3.hash(bytes))
    }

    init(codec: Multicodec, hash: Hash, digest: [UInt8]) {
        self.codec = codec
        self.hash = hash
        self.digest = digest
    }

    /// Hashes the digest a word at a time (it is already a uniform hash; feeding 32 bytes one by one costs more than
    /// the lookups it serves).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(codec.code)
        hasher.combine(hash)
        digest.withUnsafeBytes { raw in
            for word in stride(from: 0, to: raw.count - 7, by: 8) {
                hasher.combine(raw.loadUnaligned(fromByteOffset: word, as: UInt64.self))
            }
        }
    }

    /// Whether this is the canonical UCAN form (raw codec, SHA2-256).
    public var isCanonicalUCAN: Bool { codec == .raw && hash == .sha2_256 }

    /// The binary CID.
    public var bytes: [UInt8] {
        var out = UVarint.encode(1) + UVarint.encode(codec.code) + UVarint.encode(hash.rawValue)
        out += UVarint.encode(UInt64(digest.count)) + digest
        return out
    }

    /// `b` + base32 of ``bytes``.
    public var description: String { Multibase.encode(bytes, as: .base32) }

    /// Parses base32 CIDv1 text.
    /// - Throws: `cid.invalid` (not base32 multibase, bad varints, wrong digest length, trailing bytes),
    ///   `cid.unsupported` (CIDv0, another version, a hash other than sha2-256 and blake3).
    public init(parsing text: some StringProtocol) throws(FederationError) {
        guard text.utf8.count <= Self.maxTextLength, text.first == "b" else {
            throw FederationError(.cidInvalid, "a CIDv1 here is multibase base32 ('b…'), at most 128 characters")
        }
        var rest: ArraySlice<UInt8>
        do {
            rest = try Multibase.decode(text, expecting: .base32)[...]
        } catch {
            throw FederationError(.cidInvalid, "CID text does not decode (\(error.code))")
        }
        func next() throws(FederationError) -> UInt64 {
            do {
                let (value, count) = try UVarint.decode(rest)
                rest = rest.dropFirst(count)
                return value
            } catch {
                throw FederationError(.cidInvalid, "CID varint (\(error.code))")
            }
        }
        let version = try next()
        guard version == 1 else { throw FederationError(.cidUnsupported, "CID version \(version)") }
        let codec = Multicodec(try next())
        let hashCode = try next()
        let length = try next()
        guard let hash = Hash(rawValue: hashCode) else {
            throw FederationError(.cidUnsupported, "multihash 0x\(String(hashCode, radix: 16))")
        }
        guard length == 32, rest.count == 32 else {
            throw FederationError(.cidInvalid, "digest must be exactly 32 bytes")
        }
        self.init(codec: codec, hash: hash, digest: Array(rest))
    }
}
