/// openintent 0.17 compatible envelope signatures (`sign_envelope` / `verify_envelope_signature`).
///
/// The signed bytes are CPython's `json.dumps(envelope without its top-level "signature", sort_keys=True,
/// separators=(",", ":"))` (ASCII-escaped); the signature travels as standard base64. Verification is stricter than
/// openintent's: strict JSON, strict base64, exact lengths (`Spec/envelopes.md`).
public enum OpenIntentEnvelope {
    /// The bytes openintent signs for `envelope`.
    /// - Throws: `json.number_not_finite` (never for a parsed envelope).
    public static func signedBytes(_ envelope: JSONObject) throws(FederationError) -> [UInt8] {
        var unsigned = envelope
        unsigned.remove("signature")
        return try PythonJSONWriter(options: .compactSorted).encode(.object(unsigned))
    }

    /// The standard-base64 signature openintent's `sign_envelope` produces.
    public static func sign(_ envelope: JSONObject, with key: Ed25519.PrivateKey) throws(FederationError) -> String {
        Base64.encode(try key.signature(for: signedBytes(envelope)))
    }

    /// Parses envelope JSON as received, strictly.
    /// - Throws: `json.*`, `envelope.not_an_object`.
    public static func parse(_ json: some Collection<UInt8>) throws(FederationError) -> JSONObject {
        guard let object = try JSONReader().parse(json).objectValue else {
            throw FederationError(.envelopeNotAnObject, "an envelope is a JSON object")
        }
        return object
    }

    /// Verifies an openintent envelope signature.
    /// - Parameters:
    ///   - signature: standard base64, as openintent transmits it.
    ///   - envelope: the parsed envelope (its own `signature` member, if any, is ignored).
    ///   - publicKey: the signer's key.
    /// - Throws: `envelope.malformed_signature`, `crypto.invalid_length`, `crypto.signature_invalid`.
    public static func verify(
        signature: String, over envelope: JSONObject, publicKey: Ed25519.PublicKey
    ) throws(FederationError) {
        let bytes: [UInt8]
        do {
            bytes = try Base64.decode(signature)
        } catch {
            throw FederationError(.envelopeMalformedSignature, "signature is not strict base64 (\(error.code))")
        }
        guard bytes.count == Ed25519.signatureByteCount else {
            throw FederationError(.cryptoInvalidLength, "signature of \(bytes.count) bytes")
        }
        guard publicKey.isValidSignature(bytes, for: try signedBytes(envelope)) else {
            throw FederationError(.cryptoSignatureInvalid, "envelope signature does not verify")
        }
    }
}
