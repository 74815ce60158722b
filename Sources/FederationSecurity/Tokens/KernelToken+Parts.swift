extension KernelToken {
    /// The five `.`-separated parts of a token, as ranges of its UTF-8, with the version and key id checked.
    struct Parts {
        let kid: UnsafeBufferPointer<UInt8>
        let kernel: UnsafeBufferPointer<UInt8>
        let claims: UnsafeBufferPointer<UInt8>
        let tag: UnsafeBufferPointer<UInt8>
        /// Every byte before the last `.`: what the tag authenticates.
        let signed: UnsafeBufferPointer<UInt8>

        /// Splits `token` at exactly four dots.
        /// - Throws: `token.malformed` for another number of parts, a version other than `v1` or a bad key id.
        init(_ token: UnsafeBufferPointer<UInt8>) throws(FederationError) {
            var dots = (0, 0, 0, 0)
            var found = 0
            func record(_ i: Int) {
                switch found {
                case 0: dots.0 = i
                case 1: dots.1 = i
                case 2: dots.2 = i
                case 3: dots.3 = i
                default: break
                }
                found += 1
            }
            // Eight bytes at a time (this runs over every byte of every token), without a branch per byte: the mask
            // has 0x80 in exactly the bytes that are `.` (no carry crosses a byte), visited lowest offset first.
            // Stops after the fifth dot.
            let dot = UInt8(ascii: ".")
            var i = 0
            if let base = UnsafeRawPointer(token.baseAddress) {
                let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
                while found <= 4, i + 8 <= token.count {
                    let x =
                        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                        ^ 0x2E2E_2E2E_2E2E_2E2E
                    var hits = ~(((x & low7) &+ low7) | x | low7)
                    while hits != 0 {
                        record(i + hits.trailingZeroBitCount / 8)
                        hits &= hits &- 1
                    }
                    i += 8
                }
            }
            while found <= 4, i < token.count {
                if token[i] == dot { record(i) }
                i += 1
            }
            guard found == 4 else { throw Self.malformed() }
            func part(_ from: Int, _ to: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: token[from..<to])
            }
            let version = part(0, dots.0)
            kid = part(dots.0 + 1, dots.1)
            kernel = part(dots.1 + 1, dots.2)
            claims = part(dots.2 + 1, dots.3)
            tag = part(dots.3 + 1, token.count)
            signed = part(0, dots.3)
            guard version.count == 2, version[0] == UInt8(ascii: "v"), version[1] == UInt8(ascii: "1"),
                KernelKeyRing.isValidKeyID(utf8: kid)
            else { throw Self.malformed() }
        }

        static func malformed() -> FederationError {
            FederationError(.tokenMalformed, "expected v1.<kid>.<kernel>.<claims>.<tag>")
        }
    }
}
