import FederationSecurity

/// `key.*`, `did.*`, `envelope.jws.*` (and `envelope.openintent.*` once the Python-compatible writer is in).
enum IdentityOperations {
    static let handlers: [String: OperationHandler] = [
        "did.key.parse": { input throws(FederationError) in
            output(["public_key": Hex.encode(try DIDKey(parsing: try input.string("did")).publicKey.rawRepresentation)])
        },
        "did.key.format": { input throws(FederationError) in
            output([
                "did": DIDKey(publicKey: try Ed25519.PublicKey(rawRepresentation: try input.bytes("public_key"))).did
            ])
        },
        "did.web.to_url": { input throws(FederationError) in
            let mode: DIDWeb.Compatibility
            switch try input.optionalString("compatibility") {
            case nil, "strict": mode = .strict
            case "openintent": mode = .openIntentPort
            case let other?: throw OperationInput.bad("unknown compatibility \(other)")
            }
            return output(["url": try DIDWeb.documentURL(for: try input.string("did"), compatibility: mode)])
        },
        "did.web.from_url": { input throws(FederationError) in
            output(["did": try DIDWeb.did(fromURL: try input.string("url"))])
        },
        "did.document.resolve_key": { input throws(FederationError) in
            let url = try DIDURL(try input.string("did_url"))
            let document = try DIDDocument(json: Array(try input.string("document").utf8), did: url.did)
            return output(["public_key": Hex.encode(try document.publicKey(for: url).rawRepresentation)])
        },
        "key.import": { input throws(FederationError) in
            let data = try input.string("data")
            let key: Ed25519.PublicKey
            switch try input.string("format") {
            case "raw_seed": key = try Ed25519.PrivateKey(seed: SecretBytes(try input.bytes("data"))).publicKey
            case "pkcs8_pem": key = try Ed25519.PrivateKey(pkcs8PEM: data).publicKey
            case "spki_pem": key = try Ed25519.PublicKey(spkiPEM: data)
            case "jwk":
                let jwk = try JSONReader().parse(data)
                key = jwk["d"] != nil ? try Ed25519.PrivateKey(jwk: jwk).publicKey : try Ed25519.PublicKey(jwk: jwk)
            case let other: throw OperationInput.bad("unknown key format \(other)")
            }
            return output(["public_key": Hex.encode(key.rawRepresentation)])
        },
        "key.export": { input throws(FederationError) in
            let key = try Ed25519.PrivateKey(seed: SecretBytes(try input.bytes("seed")))
            switch try input.string("format") {
            case "pkcs8_pem": return output(["data": key.pkcs8PEM])
            case "spki_pem": return output(["data": key.publicKey.spkiPEM])
            case let other: throw OperationInput.bad("unknown key format \(other)")
            }
        },
        "envelope.jws.sign": { input throws(FederationError) in
            let key = try Ed25519.PrivateKey(seed: SecretBytes(try input.bytes("seed")))
            return output([
                "jws": try DetachedJWS.sign(try input.bytes("payload"), with: key, keyID: try input.string("key_id"))
            ])
        },
        "envelope.jws.verify": { input throws(FederationError) in
            let verified = try await DetachedJWS.verify(
                try input.string("jws"), payload: try input.bytes("payload"), resolver: DIDKeyResolver(),
                now: input.now ?? 0)
            return output(["key_id": verified.keyID])
        },
    ]
}
