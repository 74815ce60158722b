import FederationSecurity

/// Fuzz body for DID parsing: ``DIDURL``, ``DIDKey`` and ``DIDWeb``.
///
/// Invariants: nothing crashes; a did:key that parses re-formats to exactly its input DID (one spelling per key);
/// a URL that maps to a did:web DID maps back to a document URL whose server maps to the same DID.
/// - Parameter data: the fuzz input, read as UTF-8 text.
public func fuzzDID(_ data: [UInt8]) {
    guard let text = String(validating: data, as: UTF8.self) else { return }
    if let url = try? DIDURL(text), url.method == "key", let key = try? DIDKey(parsing: text) {
        precondition(key.did == url.did, "did:key has two spellings: \(url.did) vs \(key.did)")
    }
    _ = try? DIDWeb.documentURL(for: text, compatibility: .openIntentPort)
    if let did = try? DIDWeb.did(fromURL: text) {
        guard let document = try? DIDWeb.documentURL(for: did) else {
            preconditionFailure("did:web made from a URL does not map back: \(did)")
        }
        // With path segments the document is <server>/<path>/did.json; without, <server>/.well-known/did.json.
        let hasPath = did.split(separator: ":").count > 3
        let suffix = hasPath ? "/did.json" : "/.well-known/did.json"
        precondition(document.hasSuffix(suffix), "did:web document URL \(document) lacks \(suffix)")
        let server = String(document.dropLast(suffix.count))
        precondition((try? DIDWeb.did(fromURL: server)) == did, "did:web round trip changed \(did)")
    }
}

/// Fuzz body for ``DIDDocument``: any input as the document of `did:web:example.com`.
///
/// Invariants: nothing crashes; every key the document yields is found again through its own DID URL when it is
/// listed for a signing relationship, and is refused with `did.key_not_authorized` when it is not; asked for every
/// relationship, every key is found.
public func fuzzDIDDocument(_ data: [UInt8]) {
    guard let document = try? DIDDocument(json: data, did: "did:web:example.com") else { return }
    for (id, key) in document.keys {
        guard let url = try? DIDURL(id) else { preconditionFailure("verification method id \(id) is not a DID URL") }
        let signing = !document.relationships(of: id).isDisjoint(with: DIDDocument.signingRelationships)
        do {
            let found = try document.publicKey(for: url)
            precondition(signing, "\(id) was returned without a signing relationship")
            precondition(found == key, "lookup of \(id) returned another key")
        } catch {
            precondition(!signing && error.code == .didKeyNotAuthorized, "\(id): \(error.code)")
        }
        let any = Set(DIDDocument.VerificationRelationship.allCases)
        guard document.relationships(of: id).isEmpty || (try? document.publicKey(for: url, purpose: any)) == key else {
            preconditionFailure("\(id) is listed under a relationship but not found for every relationship")
        }
    }
}

/// Fuzz body for ``DetachedJWS``: the input as a JWS text, and XORed into a valid detached JWS (and its payload).
///
/// Invariants: nothing crashes; a failed parse carries an `envelope.*`, `json.*` or `crypto.invalid_length` code;
/// a JWS or payload that differs from the signed one in any byte never verifies; the unchanged pair always does.
public func fuzzDetachedJWS(_ data: [UInt8]) {
    // The input itself as a JWS: parsing never crashes and fails only with the codes of `Spec/envelopes.md`.
    if let text = String(validating: data, as: UTF8.self) {
        do {
            _ = try DetachedJWS.parse(text, payloadByteCount: 0)
        } catch {
            let code = error.code.rawValue
            precondition(
                code.hasPrefix("envelope.") || code.hasPrefix("json.") || error.code == .cryptoInvalidLength,
                "a JWS failed with a foreign code \(code)")
        }
    }
    let signed = JWSFixture.shared
    var jws = Array(signed.jws.utf8)
    var payload = signed.payload
    for (i, byte) in data.enumerated() {
        if i < jws.count { jws[i] ^= byte } else if i - jws.count < payload.count { payload[i - jws.count] ^= byte }
    }
    let changed = jws != Array(signed.jws.utf8) || payload != signed.payload
    guard let text = String(validating: jws, as: UTF8.self) else { return }
    let verified: Bool
    do {
        let parsed = try DetachedJWS.parse(text, payloadByteCount: payload.count)
        try parsed.verify(payload: payload, key: try DIDKey(parsing: parsed.keyID).publicKey)
        verified = true
    } catch {
        verified = false
    }
    precondition(verified != changed, changed ? "tampered JWS verified" : "untouched JWS failed")
}

/// A fixed, valid detached JWS for the mutation target.
enum JWSFixture {
    static let shared: (jws: String, payload: [UInt8]) = {
        let key = try! Ed25519.PrivateKey(seed: SecretBytes([UInt8](repeating: 42, count: 32)))
        let payload = Array(#"{"intent":"fuzz","n":1}"#.utf8)
        return (try! DetachedJWS.sign(payload, with: key, keyID: DIDKey(publicKey: key.publicKey).keyID), payload)
    }()
}

/// Fuzz body for ``OpenIntentEnvelope`` verification: the input is XORed into a valid (envelope JSON, signature) pair.
///
/// openintent re-serialises before verifying, so a change that leaves the re-serialised bytes the same (whitespace,
/// member order) still verifies. Invariant: it verifies exactly when the signature text is unchanged and the
/// re-serialised bytes are unchanged. The input is also read as an envelope itself: its signed bytes parse back to
/// an envelope with the same signed bytes.
public func fuzzOpenIntentEnvelope(_ data: [UInt8]) {
    // The input itself as an envelope: the signed serialisation of what parses reads back to the same bytes, so
    // signer and verifier agree on what was signed.
    if let envelope = try? OpenIntentEnvelope.parse(data), let bytes = try? OpenIntentEnvelope.signedBytes(envelope) {
        guard let again = try? OpenIntentEnvelope.parse(bytes) else {
            preconditionFailure("signed bytes do not parse: \(String(decoding: bytes, as: UTF8.self))")
        }
        precondition((try? OpenIntentEnvelope.signedBytes(again)) == bytes, "the signed serialisation is not stable")
    }
    let signed = OpenIntentFixture.shared
    var text = Array(signed.envelope.utf8)
    var signature = Array(signed.signature.utf8)
    for (i, byte) in data.enumerated() {
        if i < text.count {
            text[i] ^= byte
        } else if i - text.count < signature.count {
            signature[i - text.count] ^= byte
        }
    }
    guard let signatureText = String(validating: signature, as: UTF8.self) else { return }
    guard let envelope = try? OpenIntentEnvelope.parse(text) else { return }
    let verified =
        (try? OpenIntentEnvelope.verify(signature: signatureText, over: envelope, publicKey: signed.key)) != nil
    let same = signatureText == signed.signature && (try? OpenIntentEnvelope.signedBytes(envelope)) == signed.bytes
    precondition(verified == same, same ? "untouched envelope failed" : "tampered envelope verified")
}

/// A fixed, valid openintent envelope for the mutation target.
enum OpenIntentFixture {
    static let shared: (envelope: String, signature: String, bytes: [UInt8], key: Ed25519.PublicKey) = {
        let key = try! Ed25519.PrivateKey(seed: SecretBytes([UInt8](repeating: 17, count: 32)))
        let text = #"{"id": "env-1", "payload": {"n": 1.5, "s": "caf\u00e9", "list": [true, null]}, "type": "x"}"#
        let envelope = try! OpenIntentEnvelope.parse(Array(text.utf8))
        return (
            text, try! OpenIntentEnvelope.sign(envelope, with: key), try! OpenIntentEnvelope.signedBytes(envelope),
            key.publicKey
        )
    }()
}

/// Fuzz body for key import (PKCS#8 PEM, SPKI PEM, JWK, raw seed).
///
/// Invariants: nothing crashes; whatever imports exports again and re-imports to the same key.
public func fuzzKeyImport(_ data: [UInt8]) {
    if data.count == 32, let key = try? Ed25519.PrivateKey(seed: SecretBytes(data)) {
        precondition((try? Ed25519.PrivateKey(pkcs8PEM: key.pkcs8PEM))?.publicKey == key.publicKey, "PKCS#8 round trip")
    }
    guard let text = String(validating: data, as: UTF8.self) else { return }
    if let key = try? Ed25519.PrivateKey(pkcs8PEM: text) {
        precondition((try? Ed25519.PrivateKey(jwk: key.jwk))?.publicKey == key.publicKey, "PKCS#8 → JWK round trip")
    }
    if let key = try? Ed25519.PublicKey(spkiPEM: text) {
        precondition((try? Ed25519.PublicKey(spkiPEM: key.spkiPEM)) == key, "SPKI round trip")
    }
    if let jwk = try? JSONReader().parse(data) {
        if let key = try? Ed25519.PublicKey(jwk: jwk) {
            precondition((try? Ed25519.PublicKey(jwk: key.jwk)) == key, "JWK round trip")
        }
        if let key = try? Ed25519.PrivateKey(jwk: jwk) {
            precondition(
                (try? Ed25519.PrivateKey(pkcs8PEM: key.pkcs8PEM))?.publicKey == key.publicKey, "JWK → PKCS#8 round trip"
            )
        }
    }
}
