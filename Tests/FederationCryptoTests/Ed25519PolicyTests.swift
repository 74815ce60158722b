import FederationCrypto
import Testing

/// The policy vectors (verdicts from libsodium via PyNaCl) on both backends, and backend agreement on mutations.
@Suite struct Ed25519PolicyTests {
    struct Case: Sendable, CustomStringConvertible {
        let id: String
        let key: [UInt8]
        let message: [UInt8]
        let signature: [UInt8]
        let error: String?
        var description: String { id }
    }

    static let cases: [Case] = {
        let root = try! VectorFiles.json("crypto/ed25519-policy.json") as! [String: Any]
        return (root["cases"] as! [[String: Any]]).map { c in
            let input = c["input"] as! [String: String]
            let expected = c["expected"] as! [String: String]
            return Case(
                id: c["id"] as! String, key: [UInt8](hex: input["public_key"]!),
                message: [UInt8](hex: input["message"]!), signature: [UInt8](hex: input["signature"]!),
                error: expected["error"])
        }
    }()

    @Test(arguments: Ed25519.Backend.allCases)
    func keyAndSignatureVerdicts(backend: Ed25519.Backend) {
        for c in Self.cases {
            do {
                let key = try Ed25519.PublicKey(rawRepresentation: c.key, backend: backend)
                let valid = key.isValidSignature(c.signature, for: c.message)
                if c.error == nil {
                    #expect(valid, "\(c) on \(backend)")
                } else {
                    #expect(!valid, "\(c) on \(backend)")
                    #expect(c.error == "crypto.signature_invalid" || c.error == "crypto.invalid_length", "\(c)")
                }
            } catch {
                #expect(error.code.rawValue == c.error, "\(c) on \(backend)")
            }
        }
    }

    /// Every single-bit flip of a valid signature, and of its message: both backends agree (and reject).
    @Test func backendsAgreeOnEverySingleBitMutation() throws {
        let key = Ed25519.PrivateKey()
        let message = Array("mutate me".utf8)
        let signature = try key.signature(for: message)
        let sodium = try Ed25519.PublicKey(rawRepresentation: key.publicKey.rawRepresentation, backend: .sodium)
        let openssl = try Ed25519.PublicKey(rawRepresentation: key.publicKey.rawRepresentation, backend: .openssl)
        for bit in 0..<(64 * 8) {
            var mutated = signature
            mutated[bit / 8] ^= 1 << (bit % 8)
            let a = sodium.isValidSignature(mutated, for: message)
            let b = openssl.isValidSignature(mutated, for: message)
            #expect(a == b && !a, "signature bit \(bit)")
        }
        for bit in 0..<(message.count * 8) {
            var mutated = message
            mutated[bit / 8] ^= 1 << (bit % 8)
            #expect(!sodium.isValidSignature(signature, for: mutated))
            #expect(!openssl.isValidSignature(signature, for: mutated))
        }
    }

    @Test func keyOfWrongLengthIsRejectedWithItsCode() {
        #expect(throws: FederationError(.cryptoInvalidLength)) {
            try Ed25519.PublicKey(rawRepresentation: [UInt8](repeating: 1, count: 31))
        }
        #expect(throws: FederationError(.cryptoInvalidLength)) {
            try Ed25519.PrivateKey(seed: SecretBytes([UInt8](repeating: 1, count: 33)))
        }
    }
}
