/// JSON Web Keys for Ed25519 (RFC 8037 §2): `{"kty":"OKP","crv":"Ed25519","x":…}` (+ `"d"` for a private key).
///
/// Strict: `kty` and `crv` exactly; `x` (and `d`) unpadded base64url of 32 bytes; `alg`, when present, must be
/// `EdDSA` (the algorithm comes from the key, so a JWK claiming another one is rejected, not ignored); `d` must
/// derive `x`. Other members (`kid`, `use`, `key_ops`) are allowed and ignored.
enum Ed25519JWK {
    /// - Parameter readPrivate: whether `d` is decoded; a public import never touches the seed.
    static func fields(_ jwk: JSONValue, readPrivate: Bool) throws(FederationError) -> (x: [UInt8], d: [UInt8]?) {
        guard let object = jwk.objectValue else { throw invalid("a JWK must be a JSON object") }
        // By bytes: `String ==` is canonical equivalence, under which "O\u{212A}P" (KELVIN SIGN) is "OKP".
        guard exactly(object["kty"], "OKP") else { throw invalid("kty must be \"OKP\"") }
        guard exactly(object["crv"], "Ed25519") else { throw invalid("crv must be \"Ed25519\"") }
        if let alg = object["alg"], !exactly(alg, "EdDSA") { throw invalid("alg, when present, must be \"EdDSA\"") }
        let x = try bytes(object["x"], name: "x")
        let d =
            readPrivate ? try object["d"].map { (value) throws(FederationError) in try bytes(value, name: "d") } : nil
        return (x, d)
    }

    /// Whether `value` is the string `literal`, byte for byte.
    static func exactly(_ value: JSONValue?, _ literal: String) -> Bool {
        value?.stringValue.map { UTF8Equality.equal($0, literal) } ?? false
    }

    private static func bytes(_ value: JSONValue?, name: String) throws(FederationError) -> [UInt8] {
        guard let text = value?.stringValue else { throw invalid("\(name) must be a string") }
        var decoded: [UInt8]
        do {
            decoded = try Base64URL.decode(text)
        } catch {
            throw invalid("\(name) is not unpadded base64url (\(error.code))")
        }
        guard decoded.count == 32 else {
            _ = SecretBytes(consuming: &decoded)  // wipes it: it may be a seed in another layout (seed ‖ public key)
            throw invalid("\(name) must encode 32 bytes")
        }
        return decoded
    }

    static func invalid(_ reason: String) -> FederationError {
        FederationError(.keyInvalidJWK, reason)
    }
}

extension Ed25519.PublicKey {
    /// The public JWK: `{"crv":"Ed25519","kty":"OKP","x":…}`.
    public var jwk: JSONValue {
        .object(
            JSONObject(uniqueMembers: [
                .init("crv", .string("Ed25519")), .init("kty", .string("OKP")),
                .init("x", .string(Base64URL.encode(rawRepresentation))),
            ]))
    }

    /// Imports a public JWK (a private JWK is accepted too; its `d` is not read).
    /// - Throws: `key.invalid_jwk`, `crypto.invalid_public_key`.
    public init(jwk: JSONValue, backend: Ed25519.Backend = .sodium) throws(FederationError) {
        try self.init(rawRepresentation: Ed25519JWK.fields(jwk, readPrivate: false).x, backend: backend)
    }
}

extension Ed25519.PrivateKey {
    /// The private JWK, with `d`. - Warning: contains the seed.
    public var jwk: JSONValue {
        guard case .object(var object) = publicKey.jwk else { return publicKey.jwk }
        object.set("d", .string(seed.withUnsafeBytes { Base64URL.encode($0) }))
        return .object(object)
    }

    /// Imports a private JWK; `x` must match the key derived from `d`.
    /// - Throws: `key.invalid_jwk`, `key.public_key_mismatch`.
    public init(jwk: JSONValue, backend: Ed25519.Backend = .sodium) throws(FederationError) {
        var fields = try Ed25519JWK.fields(jwk, readPrivate: true)
        guard fields.d != nil else { throw Ed25519JWK.invalid("a private JWK needs d") }
        try self.init(seed: SecretBytes(consuming: &fields.d!), backend: backend)
        guard publicKey.rawRepresentation == fields.x else {
            throw FederationError(.keyPublicKeyMismatch, "x does not match the key derived from d")
        }
    }
}
