import FederationSecurity

/// `key.*`, `did.*`, `envelope.jws.*`, `envelope.openintent.*`.
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
        "envelope.openintent.sign": { input throws(FederationError) in
            let key = try Ed25519.PrivateKey(seed: SecretBytes(try input.bytes("seed")))
            let envelope = try OpenIntentEnvelope.parse(Array(try input.string("envelope").utf8))
            return output([
                "signature": try OpenIntentEnvelope.sign(envelope, with: key),
                "signed_bytes": String(decoding: try OpenIntentEnvelope.signedBytes(envelope), as: UTF8.self),
            ])
        },
        "envelope.openintent.verify": { input throws(FederationError) in
            let envelope = try OpenIntentEnvelope.parse(Array(try input.string("envelope").utf8))
            let keyBytes: [UInt8]
            do {
                keyBytes = try Base64.decode(try input.string("public_key"))
            } catch {
                throw OperationInput.bad("public_key is not base64")
            }
            let key = try Ed25519.PublicKey(rawRepresentation: keyBytes)
            try OpenIntentEnvelope.verify(signature: try input.string("signature"), over: envelope, publicKey: key)
            return nil
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
