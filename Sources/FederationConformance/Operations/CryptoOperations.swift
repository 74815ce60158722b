import FederationSecurity

/// `ed25519.*`, `hmac-sha256.*`, `sha256.hash`, `sha512.hash`, `hkdf-sha256.*`.
enum CryptoOperations {
    static let handlers: [String: OperationHandler] = [
        "ed25519.verify": { input throws(FederationError) in
            let backend = try backend(input)
            let signature = try input.bytes("signature")
            let key = try Ed25519.PublicKey(rawRepresentation: try input.bytes("public_key"), backend: backend)
            guard signature.count == Ed25519.signatureByteCount else {
                throw FederationError(.cryptoInvalidLength, "signature of \(signature.count) bytes")
            }
            guard key.isValidSignature(signature, for: try input.bytes("message")) else {
                throw FederationError(.cryptoSignatureInvalid)
            }
            return nil
        },
        "ed25519.sign": { input throws(FederationError) in
            let key = try Ed25519.PrivateKey(seed: SecretBytes(try input.bytes("seed")), backend: try backend(input))
            let signature = try key.signature(for: try input.bytes("message"))
            return output([
                "public_key": Hex.encode(key.publicKey.rawRepresentation), "signature": Hex.encode(signature),
            ])
        },
        "hmac-sha256.compute": { input throws(FederationError) in
            let mac = HMACSHA256.authenticationCode(
                for: try input.bytes("message"), using: SecretBytes(try input.bytes("key")))
            let length = try input.optionalInteger("truncate_to").map(Int.init) ?? mac.count
            guard (1...mac.count).contains(length) else { throw OperationInput.bad("truncate_to must be 1...32") }
            return output(["mac": Hex.encode(mac.prefix(length))])
        },
        "hmac-sha256.verify": { input throws(FederationError) in
            let key = SecretBytes(try input.bytes("key"))
            guard
                HMACSHA256.isValidAuthenticationCode(
                    try input.bytes("mac"), for: try input.bytes("message"), using: key)
            else { throw FederationError(.cryptoMACInvalid) }
            return nil
        },
        "sha256.hash": { input throws(FederationError) in
            output(["digest": Hex.encode(SHA256.hash(try input.bytes("message")))])
        },
        "sha512.hash": { input throws(FederationError) in
            output(["digest": Hex.encode(SHA512.hash(try input.bytes("message")))])
        },
        "hkdf-sha256.derive": { input throws(FederationError) in
            let okm = try HKDFSHA256.deriveKey(
                inputKeyMaterial: SecretBytes(try input.bytes("ikm")), salt: try input.bytes("salt"),
                info: try input.bytes("info"), outputByteCount: Int(try input.integer("length")))
            return output(["okm": okm.withUnsafeBytes { Hex.encode($0) }])
        },
        "hkdf-sha256.extract": { input throws(FederationError) in
            let prk = HKDFSHA256.extract(
                salt: try input.bytes("salt"), inputKeyMaterial: SecretBytes(try input.bytes("ikm")))
            return output(["prk": prk.withUnsafeBytes { Hex.encode($0) }])
        },
    ]

    /// The optional `backend` input (`sodium`, the default, or `openssl`); the runner sets it to run ed25519 cases on both.
    static func backend(_ input: OperationInput) throws(FederationError) -> Ed25519.Backend {
        guard let name = try input.optionalString("backend") else { return .sodium }
        guard let backend = Ed25519.Backend(rawValue: name) else { throw OperationInput.bad("unknown backend \(name)") }
        return backend
    }
}
