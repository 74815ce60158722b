import CSodium
import FederationSecurity

/// Envelope verification beside the raw libsodium verify of the same signing input.
///
/// The library path is what a verifier does per message with a cached key: parse the detached JWS (base64url,
/// strict JSON header, algorithm and key-id checks), base64url-encode the 1 KiB payload into the signing input,
/// verify under the policy. The baseline verifies the already-built signing input.
enum EnvelopeBenchmarks {
    static func all() -> [Comparison] {
        let key = try! Ed25519.PrivateKey(seed: SecretBytes([UInt8](repeating: 5, count: 32)))
        let payload = [UInt8](repeating: 0x7b, count: 1024)
        let keyID = DIDKey(publicKey: key.publicKey).keyID
        let jws = try! DetachedJWS.sign(payload, with: key, keyID: keyID)
        let parts = jws.split(separator: ".", omittingEmptySubsequences: false)
        let signingInput = Array((parts[0] + "." + Base64URL.encode(payload)).utf8)
        let signature = try! Base64URL.decode(parts[2])
        let publicKey = key.publicKey
        let raw = publicKey.rawRepresentation
        let envelopeText = Array(
            #"{"id":"env-1","type":"intent.created","payload":{"data":"\#(String(repeating: "x", count: 960))"}}"#.utf8)
        let envelope = try! OpenIntentEnvelope.parse(envelopeText)
        let envelopeSignature = try! OpenIntentEnvelope.sign(envelope, with: key)
        let envelopeBytes = try! OpenIntentEnvelope.signedBytes(envelope)
        let envelopeRawSignature = try! Base64.decode(envelopeSignature)
        return [
            Comparison(
                "envelope.openintent.verify (1 KiB)", baseline: "crypto_sign_verify_detached", target: 0.9,
                library: {
                    // Per message: strict parse of the received text, Python-compatible re-serialisation, verify.
                    let parsed = try? OpenIntentEnvelope.parse(envelopeText)
                    consume(
                        (try? OpenIntentEnvelope.verify(
                            signature: envelopeSignature, over: parsed!, publicKey: publicKey)) != nil)
                },
                baseline: {
                    consume(
                        crypto_sign_verify_detached(
                            envelopeRawSignature, envelopeBytes, UInt64(envelopeBytes.count), raw) == 0)
                }),
            Comparison(
                "envelope.jws.verify (1 KiB payload)", baseline: "crypto_sign_verify_detached", target: 0.9,
                library: {
                    let parsed = try? DetachedJWS.parse(jws, payloadByteCount: payload.count)
                    consume((try? parsed?.verify(payload: payload, key: publicKey)) != nil)
                },
                baseline: {
                    consume(crypto_sign_verify_detached(signature, signingInput, UInt64(signingInput.count), raw) == 0)
                }),
        ]
    }
}
