import COpenSSL
import CSodium
import FederationCrypto

/// Library crypto calls beside the raw libsodium / OpenSSL call each wraps, with identical inputs.
///
/// The raw closures are written the way a careful C user would: keys prepared once, buffers preallocated.
enum CryptoBenchmarks {
    static func all() -> [Comparison] {
        precondition(sodium_init() >= 0)
        let message = [UInt8](repeating: 0x5a, count: 256)
        let key = Ed25519.PrivateKey(backend: .sodium)
        let signature = try! key.signature(for: message)
        let publicKey = key.publicKey
        let publicBytes = publicKey.rawRepresentation
        let opensslKey = try! Ed25519.PublicKey(rawRepresentation: publicBytes, backend: .openssl)
        let rawOpenSSLKey = EVPKeyBox(publicBytes)
        let macKey = SecretBytes([UInt8](repeating: 0x0b, count: 32))
        let keyedMAC = try! HMACSHA256.Key(macKey)
        let rawMAC = EVPMACBox(key: [UInt8](repeating: 0x0b, count: 32))
        let kilobyte = [UInt8](repeating: 0x61, count: 1024)

        return [
            Comparison(
                "ed25519.verify (sodium, 256 B)", baseline: "crypto_sign_verify_detached", target: 0.97,
                library: { consume(publicKey.isValidSignature(signature, for: message)) },
                baseline: {
                    consume(crypto_sign_verify_detached(signature, message, UInt64(message.count), publicBytes) == 0)
                }),
            Comparison(
                "ed25519.verify (openssl, 256 B)", baseline: "EVP_DigestVerify",
                library: { consume(opensslKey.isValidSignature(signature, for: message)) },
                baseline: { consume(rawOpenSSLKey.verify(signature, message)) }),
            Comparison(
                "ed25519.sign (sodium, 256 B)", baseline: "crypto_sign_detached",
                library: { consume(try! key.signature(for: message)[0]) },
                baseline: {
                    var out = [UInt8](repeating: 0, count: 64)
                    let sk = Ed25519SecretKeyForBaseline.shared
                    sk.withUnsafeBufferPointer { s in
                        _ = crypto_sign_detached(&out, nil, message, UInt64(message.count), s.baseAddress!)
                    }
                    consume(out[0])
                }),
            Comparison(
                "hmac-sha256 keyed context (256 B)", baseline: "EVP_MAC reused context", target: 0.8,
                library: { consume(keyedMAC.authenticationCode(for: message)[0]) },
                baseline: { consume(rawMAC.mac(message)) }),
            Comparison(
                "hmac-sha256 one-shot (256 B)", baseline: "crypto_auth_hmacsha256 init/update/final",
                library: { consume(HMACSHA256.authenticationCode(for: message, using: macKey)[0]) },
                baseline: {
                    var state = crypto_auth_hmacsha256_state()
                    var out = [UInt8](repeating: 0, count: 32)
                    let k = [UInt8](repeating: 0x0b, count: 32)
                    crypto_auth_hmacsha256_init(&state, k, 32)
                    crypto_auth_hmacsha256_update(&state, message, UInt64(message.count))
                    crypto_auth_hmacsha256_final(&state, &out)
                    consume(out[0])
                }),
            Comparison(
                "sha256 (1 KiB)", baseline: "crypto_hash_sha256",
                library: { consume(SHA256.hash(kilobyte)[0]) },
                baseline: {
                    var out = [UInt8](repeating: 0, count: 32)
                    crypto_hash_sha256(&out, kilobyte, UInt64(kilobyte.count))
                    consume(out[0])
                }),
        ]
    }
}

/// The libsodium secret key matching the benchmark's signing key, for the raw signing baseline.
enum Ed25519SecretKeyForBaseline {
    static let shared: [UInt8] = {
        var pk = [UInt8](repeating: 0, count: 32)
        var sk = [UInt8](repeating: 0, count: 64)
        crypto_sign_keypair(&pk, &sk)
        return sk
    }()
}
