@testable import FederationCrypto
import Testing

/// Shows why the policy checks run in Swift: raw OpenSSL 3.0 accepts what libsodium and the policy reject.
@Suite struct BackendLaxnessTests {
    /// Public key = identity, R = identity, S = 0: the verification equation [S]B = R + [k]A holds for every message.
    @Test func rawOpenSSLAcceptsTheIdentityKeyButThePolicyDoesNot() throws {
        let identity: [UInt8] = [0x01] + [UInt8](repeating: 0, count: 31)
        let signature = identity + [UInt8](repeating: 0, count: 32)
        let message = Array("any message at all".utf8)
        let rawOpenSSL = try identity.withUnsafeBytes { try Ed25519OpenSSLBackend.publicKey($0) }
        let openSSLVerdict = signature.withUnsafeBytes { s in
            message.withUnsafeBytes { m in Ed25519OpenSSLBackend.verify(s, m, key: rawOpenSSL) }
        }
        #expect(openSSLVerdict, "OpenSSL 3.0 accepts small-order keys (if this changes, the policy note can go)")
        let sodiumVerdict = signature.withUnsafeBytes { s in
            message.withUnsafeBytes { m in identity.withUnsafeBytes { k in Ed25519SodiumBackend.verify(s, m, k) } }
        }
        #expect(!sodiumVerdict)
        #expect(throws: FederationError(.cryptoInvalidPublicKey)) {
            try Ed25519.PublicKey(rawRepresentation: identity, backend: .openssl)
        }
    }
}
