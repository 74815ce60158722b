/// The byte-level checks of the verification policy (`Spec/ed25519.md`), shared by both backends.
///
/// These run in Swift, before any C call, so that libsodium and OpenSSL cannot differ on them: OpenSSL 3.0 accepts
/// small-order public keys and small-order `R`, which libsodium 1.0.18 rejects; with these checks both reject.
enum Ed25519Policy {
    /// The group order L = 2^252 + 27742317777372353535851937790883648493, little-endian (RFC 8032 §5.1).
    static let groupOrder: [UInt8] = [
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
    ]

    /// The y-coordinates (sign bit cleared) of every point of order 1, 2, 4 or 8, including the two non-canonical
    /// aliases y = p and y = p + 1. Derived by curve arithmetic (TestVectors/generators/ed25519_torsion.py); the list
    /// equals libsodium's `ge25519_has_small_order` blacklist.
    static let smallOrderY: [[UInt8]] = [
        [UInt8](repeating: 0, count: 32),  // y = 0: order 4
        [0x01] + [UInt8](repeating: 0, count: 31),  // y = 1: the identity
        [
            0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0,
            0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05,
        ],  // order 8
        [
            0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f,
            0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a,
        ],  // order 8
        [0xec] + [UInt8](repeating: 0xff, count: 30) + [0x7f],  // y = p − 1: order 2
        [0xed] + [UInt8](repeating: 0xff, count: 30) + [0x7f],  // y = p ≡ 0 (non-canonical)
        [0xee] + [UInt8](repeating: 0xff, count: 30) + [0x7f],  // y = p + 1 ≡ 1 (non-canonical)
    ]

    /// Whether the scalar `S` (32 bytes, little-endian) is below the group order: RFC 8032 §5.1.7 step 1.
    static func isCanonicalScalar(_ s: UnsafeRawBufferPointer) -> Bool {
        for i in stride(from: 31, through: 0, by: -1) {
            if s[i] < groupOrder[i] { return true }
            if s[i] > groupOrder[i] { return false }
        }
        return false  // S == L
    }

    /// Whether the encoded y-coordinate (sign bit ignored) is below p = 2^255 − 19: RFC 8032 §5.1.3 step 1.
    static func isCanonicalPointEncoding(_ point: UnsafeRawBufferPointer) -> Bool {
        if point[31] & 0x7f != 0x7f { return true }
        for i in stride(from: 30, through: 1, by: -1) where point[i] != 0xff {
            return true
        }
        return point[0] < 0xed
    }

    /// Whether the encoding names a point of small order (or an alias of one), sign bit ignored.
    static func hasSmallOrder(_ point: UnsafeRawBufferPointer) -> Bool {
        smallOrderY.contains { candidate in
            for i in 0..<31 where point[i] != candidate[i] { return false }
            return point[31] & 0x7f == candidate[31]
        }
    }

    /// The signature checks: `R` canonical and not of small order, `S` canonical.
    /// - Precondition: `signature.count == 64`.
    static func isAcceptableSignatureEncoding(_ signature: UnsafeRawBufferPointer) -> Bool {
        let r = UnsafeRawBufferPointer(rebasing: signature[0..<32])
        let s = UnsafeRawBufferPointer(rebasing: signature[32..<64])
        return isCanonicalScalar(s) && isCanonicalPointEncoding(r) && !hasSmallOrder(r)
    }

    /// The public-key checks that need no curve arithmetic: canonical and not of small order. (Membership of the
    /// prime-order subgroup is checked by ``Ed25519SodiumBackend/isValidPoint(_:)`` when the key is built.)
    static func isAcceptablePublicKeyEncoding(_ key: UnsafeRawBufferPointer) -> Bool {
        isCanonicalPointEncoding(key) && !hasSmallOrder(key)
    }
}
