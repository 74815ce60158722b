/// BLAKE3 (the BLAKE3 specification, 2020), hash mode with the default 32-byte output, in Swift: libsodium and
/// OpenSSL 3.0 have no BLAKE3. Used only to compute the `BLAKE3-256` CIDs of the UCAN fixtures; nothing is keyed or
/// secret, so it needs no constant-time care.
public enum BLAKE3 {
    /// Bytes in a digest.
    public static let byteCount = 32

    static let iv: [UInt32] = [
        0x6A09_E667, 0xBB67_AE85, 0x3C6E_F372, 0xA54F_F53A, 0x510E_527F, 0x9B05_688C, 0x1F83_D9AB, 0x5BE0_CD19,
    ]
    static let permutation = [2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8]
    static let chunkStart: UInt32 = 1
    static let chunkEnd: UInt32 = 2
    static let parent: UInt32 = 4
    static let root: UInt32 = 8
    static let chunkLength = 1024

    /// The 32-byte BLAKE3 digest of `data`.
    public static func hash(_ data: some Collection<UInt8>) -> [UInt8] {
        let bytes = Array(data)
        let chunkCount = max(1, (bytes.count + chunkLength - 1) / chunkLength)
        var stack: [[UInt32]] = []
        for index in 0..<(chunkCount - 1) {
            let chunk = bytes[(index * chunkLength)..<((index + 1) * chunkLength)]
            var cv = chunkOutput(chunk, counter: UInt64(index)).chainingValue()
            var total = UInt64(index + 1)
            while total & 1 == 0 {
                cv = parentOutput(stack.removeLast(), cv).chainingValue()
                total >>= 1
            }
            stack.append(cv)
        }
        var output = chunkOutput(bytes[((chunkCount - 1) * chunkLength)...], counter: UInt64(chunkCount - 1))
        while let left = stack.popLast() {
            output = parentOutput(left, output.chainingValue())
        }
        let words = compress(output.cv, output.block, counter: 0, length: output.length, flags: output.flags | root)
        return words.prefix(8).flatMap { w in (0..<4).map { UInt8(truncatingIfNeeded: w >> (8 * $0)) } }
    }

    /// The inputs of a compression whose output is not yet known to be the root.
    struct Output {
        let cv: [UInt32]
        let block: [UInt32]
        let counter: UInt64
        let length: UInt32
        let flags: UInt32

        func chainingValue() -> [UInt32] {
            Array(compress(cv, block, counter: counter, length: length, flags: flags).prefix(8))
        }
    }

    static func chunkOutput(_ chunk: ArraySlice<UInt8>, counter: UInt64) -> Output {
        var cv = iv
        let blocks = max(1, (chunk.count + 63) / 64)
        for index in 0..<blocks {
            let start = chunk.startIndex + index * 64
            let block = chunk[start..<min(start + 64, chunk.endIndex)]
            var flags: UInt32 = index == 0 ? chunkStart : 0
            let words = blockWords(block)
            if index == blocks - 1 {
                flags |= chunkEnd
                return Output(cv: cv, block: words, counter: counter, length: UInt32(block.count), flags: flags)
            }
            cv = Array(compress(cv, words, counter: counter, length: 64, flags: flags).prefix(8))
        }
        fatalError("unreachable: a chunk has at least one block")
    }

    static func parentOutput(_ left: [UInt32], _ right: [UInt32]) -> Output {
        Output(cv: iv, block: left + right, counter: 0, length: 64, flags: parent)
    }

    static func blockWords(_ block: ArraySlice<UInt8>) -> [UInt32] {
        var padded = Array(block)
        padded += [UInt8](repeating: 0, count: 64 - padded.count)
        return (0..<16).map { i in
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(padded[4 * i + $1]) << (8 * $1) }
        }
    }

    static func compress(_ cv: [UInt32], _ block: [UInt32], counter: UInt64, length: UInt32, flags: UInt32)
        -> [UInt32]
    {
        var s =
            cv + iv.prefix(4) + [
                UInt32(truncatingIfNeeded: counter), UInt32(truncatingIfNeeded: counter >> 32), length, flags,
            ]
        var m = block
        func g(_ a: Int, _ b: Int, _ c: Int, _ d: Int, _ x: UInt32, _ y: UInt32) {
            s[a] = s[a] &+ s[b] &+ x
            s[d] = (s[d] ^ s[a]).rotatedRight(16)
            s[c] = s[c] &+ s[d]
            s[b] = (s[b] ^ s[c]).rotatedRight(12)
            s[a] = s[a] &+ s[b] &+ y
            s[d] = (s[d] ^ s[a]).rotatedRight(8)
            s[c] = s[c] &+ s[d]
            s[b] = (s[b] ^ s[c]).rotatedRight(7)
        }
        for round in 0..<7 {
            g(0, 4, 8, 12, m[0], m[1])
            g(1, 5, 9, 13, m[2], m[3])
            g(2, 6, 10, 14, m[4], m[5])
            g(3, 7, 11, 15, m[6], m[7])
            g(0, 5, 10, 15, m[8], m[9])
            g(1, 6, 11, 12, m[10], m[11])
            g(2, 7, 8, 13, m[12], m[13])
            g(3, 4, 9, 14, m[14], m[15])
            if round < 6 { m = permutation.map { m[$0] } }
        }
        for i in 0..<8 {
            s[i] ^= s[i + 8]
            s[i + 8] ^= cv[i]
        }
        return s
    }
}

extension UInt32 {
    fileprivate func rotatedRight(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 - n)) }
}
