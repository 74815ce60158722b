import FederationSecurity
import Testing

@Suite("Base58BTC")
struct Base58BTCTests {
    @Test func defaultLimitBoundary() throws {
        #expect(Base58BTC.defaultMaxTextLength == 1024)
        #expect(try Base58BTC.decode(String(repeating: "1", count: 1024)) == [UInt8](repeating: 0, count: 1024))
        #expect(throws: FederationError(.base58TooLarge)) { try Base58BTC.decode(String(repeating: "1", count: 1025)) }
        #expect(throws: FederationError(.base58TooLarge)) { try Base58BTC.decode("2NEpo", maxTextLength: 4) }
        #expect(try Base58BTC.decode("2NEpo", maxTextLength: 5).count > 0)
    }

    /// draft-msporny-base58-03 §5 examples.
    @Test func draftExamples() throws {
        #expect(Base58BTC.encode(Array("Hello World!".utf8)) == "2NEpo7TZRRrLZSi2U")
        #expect(try Base58BTC.decode("2NEpo7TZRRrLZSi2U") == Array("Hello World!".utf8))
        #expect(Base58BTC.encode([0x00, 0x00, 0x28, 0x7f, 0xb4, 0xcd]) == "11233QC4")
    }

    @Test func leadingZerosAndOnesCorrespond() throws {
        for zeros in 0...8 {
            let data = [UInt8](repeating: 0, count: zeros) + [0x01]
            let text = Base58BTC.encode(data)
            #expect(text == String(repeating: "1", count: zeros) + "2")
            #expect(try Base58BTC.decode(text) == data)
            #expect(try Base58BTC.decode(String(repeating: "1", count: zeros)) == [UInt8](repeating: 0, count: zeros))
        }
    }

    @Test(arguments: ["0", "O", "I", "l", "+", "/", " ", "\n", "é"])
    func excludedCharacters(_ character: String) {
        #expect(throws: FederationError(.base58InvalidCharacter)) { try Base58BTC.decode("2NE" + character + "po") }
    }

    @Test func randomRoundTrips() throws {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<200 {
            let data = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(try Base58BTC.decode(Base58BTC.encode(data)) == data)
        }
    }
}
