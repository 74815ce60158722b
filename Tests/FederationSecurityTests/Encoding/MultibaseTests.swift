import FederationSecurity
import Testing

@Suite("Multibase")
struct MultibaseTests {
    @Test func prefixes() {
        #expect(Multibase.Encoding.base58btc.prefix == "z")
        #expect(Multibase.Encoding.base32.prefix == "b")
        #expect(Multibase.Encoding.base64url.prefix == "u")
        #expect(Multibase.Encoding.allCases.count == 3)
    }

    @Test(arguments: Multibase.Encoding.allCases)
    func emptyPayloadIsTheEmptyByteString(_ encoding: Multibase.Encoding) throws {
        let text = Multibase.encode([UInt8](), as: encoding)
        #expect(text == String(encoding.prefix))
        #expect(try Multibase.decode(text, expecting: encoding) == [])
    }

    @Test func expectingChecksThePrefixBeforeThePayload() {
        #expect(throws: FederationError(.multibaseUnexpectedEncoding)) {
            try Multibase.decode("bnot-base32!", expecting: .base58btc)
        }
        #expect(throws: FederationError(.multibaseEmptyInput)) { try Multibase.decode("", expecting: .base32) }
        #expect(throws: FederationError(.multibaseUnsupportedPrefix)) {
            try Multibase.decode("Bxyz", expecting: .base32)
        }
        #expect(throws: FederationError(.base32InvalidCharacter)) { try Multibase.decode("bMY", expecting: .base32) }
    }

    /// `dropFirst()` on a String drops a whole Character, which would swallow a combining mark after the prefix.
    @Test func combiningMarkAfterPrefixIsRejected() {
        #expect(throws: FederationError(.base58InvalidCharacter)) { try Multibase.decode("z\u{301}2NEpo") }
        #expect(throws: FederationError(.base32InvalidCharacter)) { try Multibase.decode("b\u{301}my") }
    }

    /// did:key spec example: `did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK` is an Ed25519 key.
    @Test func didKeyExampleCarriesAnEd25519Key() throws {
        let bytes = try Multibase.decode("z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", expecting: .base58btc)
        let (codec, key) = try Multicodec.split(bytes)
        #expect(codec == .ed25519Pub)
        #expect(key.count == 32)
        #expect(
            Multibase.encode(Multicodec.prefix(.ed25519Pub, to: key), as: .base58btc)
                == "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")
    }
}
