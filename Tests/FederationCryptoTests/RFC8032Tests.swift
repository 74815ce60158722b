import FederationCrypto
import Testing

/// RFC 8032 §7.1 TEST 1, 2, 3, 1024 and SHA(abc): deterministic signing reproduces the RFC bytes on both backends.
@Suite struct RFC8032Tests {
    static let vectors = (try! VectorFiles.json("external/rfc8032/ed25519.json") as! [[String: String]])

    @Test func fileHasFiveVectors() {
        #expect(Self.vectors.count == 5)
    }

    @Test(arguments: Ed25519.Backend.allCases)
    func signingReproducesTheRFC(backend: Ed25519.Backend) throws {
        for v in Self.vectors {
            let key = try Ed25519.PrivateKey(seed: SecretBytes([UInt8](hex: v["secretKey"]!)), backend: backend)
            let message = [UInt8](hex: v["message"]!)
            #expect(key.publicKey.rawRepresentation.hex == v["publicKey"]!, "TEST \(v["name"]!)")
            let signature = try key.signature(for: message)
            #expect(signature.hex == v["signature"]!, "TEST \(v["name"]!)")
            #expect(key.publicKey.isValidSignature(signature, for: message))
        }
    }

    @Test func backendsVerifyEachOthersSignatures() throws {
        let seed = SecureRandom.secretBytes(count: 32)
        let sodium = try Ed25519.PrivateKey(seed: seed, backend: .sodium)
        let openssl = try Ed25519.PrivateKey(seed: seed, backend: .openssl)
        let message = Array("cross-backend".utf8)
        #expect(try sodium.signature(for: message) == openssl.signature(for: message))
        #expect(openssl.publicKey.isValidSignature(try sodium.signature(for: message), for: message))
    }
}
