import FederationCrypto
import Testing

@Suite struct SecretBytesTests {
    @Test func neverPrintsItsBytes() {
        let secret = SecretBytes([0xde, 0xad, 0xbe, 0xef])
        var dumped = ""
        dump(secret, to: &dumped)
        for text in [secret.description, secret.debugDescription, "\(secret)", String(reflecting: secret), dumped] {
            #expect(!text.lowercased().contains("de") || text.contains("redacted"), "\(text)")
            #expect(!text.contains("222") && !text.contains("0xde") && !text.contains("deadbeef"))
        }
        #expect(secret.description == "SecretBytes(4 bytes, redacted)")
        let key = Ed25519.PrivateKey()
        var keyDump = ""
        dump(key, to: &keyDump)
        #expect(!keyDump.contains("SecretBytes(32") || keyDump.contains("redacted"))
        #expect(key.description == "Ed25519.PrivateKey(redacted)")
    }

    @Test func equalityComparesContents() {
        #expect(SecretBytes([1, 2, 3]) == SecretBytes([1, 2, 3]))
        #expect(SecretBytes([1, 2, 3]) != SecretBytes([1, 2, 4]))
        #expect(SecretBytes([1, 2, 3]) != SecretBytes([1, 2]))
        #expect(SecretBytes([]) == SecretBytes([]))
    }

    @Test func consumingInitialiserWipesItsSource() {
        var source: [UInt8] = [9, 9, 9]
        let secret = SecretBytes(consuming: &source)
        #expect(source.isEmpty)
        #expect(secret == SecretBytes([9, 9, 9]))
    }

    @Test func randomSecretsDiffer() {
        #expect(SecureRandom.secretBytes(count: 32) != SecureRandom.secretBytes(count: 32))
        #expect(SecureRandom.bytes(count: 16).count == 16)
    }

    @Test func constantTimeEquality() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 3, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 0]))
        #expect(ConstantTime.equals([UInt8](), [UInt8]()))
    }

    /// Every length through several words and a tail, every byte position, every bit: equal exactly when `==` says so
    /// (a difference in a word, in the tail, or only in the high bit of a byte is never missed).
    @Test func constantTimeEqualityFindsEveryDifference() {
        for length in 0...70 {
            let a = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(ConstantTime.equals(a, a))
            for position in 0..<length {
                for bit in 0..<8 {
                    var b = a
                    b[position] ^= 1 << bit
                    #expect(!ConstantTime.equals(a, b), "length \(length), byte \(position), bit \(bit)")
                }
            }
        }
        // From offsets that are not word-aligned.
        let bytes = [UInt8](repeating: 0x5A, count: 80)
        #expect(ConstantTime.equals(bytes[3..<40], bytes[5..<42]))
        var other = Array(bytes[5..<42])
        other[36] = 0
        #expect(!ConstantTime.equals(bytes[3..<40], other))
    }

    /// `Wipe.zero` overwrites every byte in place and keeps the count.
    @Test func wipeZeroesInPlace() {
        var bytes = [UInt8](repeating: 0xA5, count: 48)
        Wipe.zero(&bytes)
        #expect(bytes == [UInt8](repeating: 0, count: 48))
        var empty: [UInt8] = []
        Wipe.zero(&empty)
        #expect(empty.isEmpty)
    }
}
