@testable import FederationSecurity
import Testing

/// The ASCII byte helpers on every byte, against the ASCII table: A–Z are 0x41–0x5A and their lower-case forms are
/// 0x20 above them; no other byte changes.
@Suite struct ASCIIBytesTests {
    @Test func caseFoldingChangesOnlyCapitalLetters() {
        for byte in UInt8.min...UInt8.max {
            let expected = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            #expect(byte.asciiLowercased == expected, "byte \(byte)")
            #expect(
                byte.isASCIILetter == ((0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)), "byte \(byte)")
            #expect(byte.isASCIIDigit == (0x30...0x39).contains(byte), "byte \(byte)")
            #expect(byte.isASCIILowercaseLetter == (0x61...0x7A).contains(byte), "byte \(byte)")
        }
    }
}
