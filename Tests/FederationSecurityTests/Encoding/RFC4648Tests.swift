import FederationSecurity
import Testing

/// Behaviour beyond the vector files: input types, the RFC 4648 §10 values through every entry point.
@Suite("RFC 4648 codecs")
struct RFC4648Tests {
    /// RFC 4648 §10.
    static let rfcBase64: [(String, String)] = [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ]

    @Test func substringsAndNonContiguousCollections() throws {
        for (plain, encoded) in Self.rfcBase64 {
            let data = Array(plain.utf8)
            #expect(Base64.encode(data) == encoded)
            #expect(Base64.encode(plain.utf8) == encoded)  // a non-array collection
            #expect(Base64.encode(data.reversed().reversed()) == encoded)  // a lazy, non-contiguous collection
            let framed = "[" + encoded + "]"
            let inner = framed.dropFirst().dropLast()
            #expect(try Base64.decode(inner) == data)
            #expect(try Base64URL.decode(inner.prefix { $0 != "=" }) == data)
        }
    }

    @Test func everyByteValueRoundTrips() throws {
        let all = (0...255).map { UInt8($0) }
        for length in 0...all.count {
            let data = Array(all.prefix(length))
            #expect(try Base64.decode(Base64.encode(data)) == data)
            #expect(try Base64URL.decode(Base64URL.encode(data)) == data)
            #expect(try Base32.decode(Base32.encode(data)) == data)
            #expect(try Hex.decode(Hex.encode(data)) == data)
        }
    }

    @Test func alphabetsAreDisjointWhereTheyDiffer() {
        #expect(throws: FederationError(.base64InvalidCharacter)) { try Base64.decode("AA-_") }
        #expect(throws: FederationError(.base64urlInvalidCharacter)) { try Base64URL.decode("AA+/") }
        #expect(throws: FederationError(.base32InvalidCharacter)) { try Base32.decode("MZXW6YTBOI") }
    }

    @Test func characterErrorsComeBeforeLengthAndPadding() {
        #expect(throws: FederationError(.base64InvalidCharacter)) { try Base64.decode("Z!") }
        #expect(throws: FederationError(.base64urlInvalidCharacter)) { try Base64URL.decode("Z=!") }
        #expect(throws: FederationError(.base32InvalidCharacter)) { try Base32.decode("m=1") }
    }
}
