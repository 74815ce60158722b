@testable import FederationSecurity
import Testing

/// ``WordBytes`` against the byte-by-byte definition, on words built to hit and miss every byte position, and its
/// search on buffers of every length up to 40 with the byte at every position, several times or not at all.
@Suite struct WordBytesTests {
    @Test func containsAgreesWithBytewiseSearch() {
        var generator = SystemRandomNumberGenerator()
        let targets: [UInt8] = [0x00, 0x0A, 0x0D, 0x22, 0x5C, 0x7F, 0x80, 0xFF]
        for round in 0..<20_000 {
            var bytes = (0..<8).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let target = targets[round % targets.count]
            if round % 3 == 0 { bytes[round % 8] = target }
            if round % 5 == 0 { bytes[(round + 1) % 8] = target &+ 1 }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            #expect(WordBytes.contains(word, target) == bytes.contains(target))
            #expect(WordBytes.hasZeroByte(word) == bytes.contains(0))
        }
    }

    @Test func firstIndexAgreesWithBytewiseSearch() {
        var generator = SystemRandomNumberGenerator()
        let dot = UInt8(ascii: ".")
        for round in 0..<20_000 {
            let count = round % 41
            // Bytes near the target too (a borrow in the word test must not report a neighbour).
            var bytes = (0..<count).map { _ in
                [dot &- 1, dot &+ 1, 0x00, 0x80, 0xFF, 0x41][Int.random(in: 0..<6, using: &generator)]
            }
            for _ in 0..<(round % 4) where count > 0 { bytes[Int.random(in: 0..<count, using: &generator)] = dot }
            let start = count == 0 ? 0 : Int.random(in: 0...count, using: &generator)
            let expected = bytes[start...].firstIndex(of: dot)
            bytes.withUnsafeBufferPointer { buffer in
                #expect(WordBytes.firstIndex(of: dot, in: buffer, from: start) == expected, "\(bytes) from \(start)")
            }
        }
    }
}
