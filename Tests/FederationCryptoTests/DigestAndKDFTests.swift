import FederationCrypto
import Testing

@Suite struct DigestAndKDFTests {
    /// FIPS 180-4 examples ("abc") as published in NIST's SHA examples.
    @Test func sha2OfABC() {
        #expect(
            SHA256.hash(Array("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA512.hash(Array("abc".utf8)).hex
                == "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
        #expect(SHA256.hash([UInt8]()).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// The buffer variant (OpenSSL) on the same NIST examples, plus the two-block "abcdbcdecdefdefg…" one, and
    /// against the array variant (libsodium) on lengths around the block boundaries.
    @Test func sha256IntoABufferMatches() {
        func intoBuffer(_ bytes: [UInt8]) -> [UInt8] {
            var digest = [UInt8](repeating: 0, count: SHA256.byteCount)
            bytes.withUnsafeBytes { data in digest.withUnsafeMutableBytes { SHA256.hash(data, into: $0) } }
            return digest
        }
        #expect(intoBuffer(Array("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(intoBuffer([]).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            intoBuffer(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)).hex
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        for count in [1, 55, 56, 63, 64, 65, 119, 120, 1000] {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            #expect(intoBuffer(bytes) == SHA256.hash(bytes), "\(count) bytes")
        }
    }

    /// A block prefix (OpenSSL, resumed from the state after one block) against the array variant (libsodium) of
    /// the whole input, on data lengths around the block boundaries; a block that is not 64 bytes traps (not
    /// testable here).
    @Test func sha256BlockPrefixMatchesTheWholeInput() {
        let block = (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 1) }
        let prefix = SHA256.BlockPrefix(block: block)
        for count in [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000] {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            var digest = [UInt8](repeating: 0, count: SHA256.byteCount)
            bytes.withUnsafeBytes { data in digest.withUnsafeMutableBytes { prefix.hash(data, into: $0) } }
            #expect(digest == SHA256.hash(block + bytes), "\(count) bytes")
        }
        // The padded-text form is the text's UTF-8 and zero bytes to 64.
        let text = SHA256.BlockPrefix(paddedText: "tag")
        var digest = [UInt8](repeating: 0, count: SHA256.byteCount)
        [UInt8]().withUnsafeBytes { data in digest.withUnsafeMutableBytes { text.hash(data, into: $0) } }
        #expect(digest == SHA256.hash(Array("tag".utf8) + [UInt8](repeating: 0, count: 61)))
    }

    /// RFC 5869 A.1 through extract + expand separately.
    @Test func extractThenExpandMatchesRFC5869() throws {
        let prk = HKDFSHA256.extract(
            salt: Array(0x00...0x0c), inputKeyMaterial: SecretBytes([UInt8](repeating: 0x0b, count: 22)))
        prk.withUnsafeBytes {
            #expect(Array($0).hex == "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5")
        }
        let okm = try HKDFSHA256.expand(pseudoRandomKey: prk, info: Array(0xf0...0xf9), outputByteCount: 42)
        okm.withUnsafeBytes {
            #expect(
                Array($0).hex == "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865")
        }
    }

    @Test func outputAndInfoBounds() {
        let ikm = SecretBytes([1, 2, 3])
        #expect(throws: FederationError(.cryptoInvalidOutputLength)) {
            try HKDFSHA256.deriveKey(inputKeyMaterial: ikm, salt: [UInt8](), info: [UInt8](), outputByteCount: 0)
        }
        #expect(throws: FederationError(.cryptoInvalidOutputLength)) {
            try HKDFSHA256.deriveKey(inputKeyMaterial: ikm, salt: [UInt8](), info: [UInt8](), outputByteCount: 8161)
        }
        #expect(throws: FederationError(.cryptoInvalidLength)) {
            try HKDFSHA256.deriveKey(
                inputKeyMaterial: ikm, salt: [UInt8](), info: [UInt8](repeating: 0, count: 1025), outputByteCount: 32)
        }
        #expect(
            (try? HKDFSHA256.deriveKey(
                inputKeyMaterial: ikm, salt: [UInt8](), info: [UInt8](repeating: 0, count: 1024), outputByteCount: 32))
                != nil)
    }
}
