@testable import FederationSecurity
import Testing

/// ``WordBytes`` against the byte-by-byte definition, on words built to hit and miss every byte position.
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
}
