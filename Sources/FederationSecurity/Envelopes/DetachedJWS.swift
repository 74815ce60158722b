/// The native signed envelope: a JWS with detached content (RFC 7515 §7.1 and Appendix F), `alg: EdDSA`
/// (RFC 8037 §3.1), `kid` = the signer's DID URL.
///
/// It signs the exact bytes transmitted: the receiver verifies the payload bytes it received, never a
/// re-serialisation. Wire form: `BASE64URL(header) + ".." + BASE64URL(signature)`; the signing input is
/// `BASE64URL(header) + "." + BASE64URL(payload)`.
public enum DetachedJWS {
    /// The longest JWS text accepted (checked first).
    public static let maxJWSLength = 8 * 1024
    /// The largest payload accepted by default.
    public static let defaultMaxPayloadBytes = 1 << 20

    /// What a successful verification established.
    public struct Verified: Sendable {
        /// The signer's DID URL, from `kid`.
        public let keyID: String
        /// The key that verified the signature.
        public let publicKey: Ed25519.PublicKey
    }

    /// Signs `payload` with header `{"alg":"EdDSA","kid":<keyID>}` (RFC 8785 canonical JSON).
    /// - Throws: `crypto.backend_failure`.
    public static func sign(
        _ payload: some Collection<UInt8>, with key: Ed25519.PrivateKey, keyID: String
    ) throws(FederationError) -> String {
        let header = try CanonicalJSON.encode(
            .object(JSONObject(uniqueMembers: [.init("alg", .string("EdDSA")), .init("kid", .string(keyID))])))
        let encodedHeader = Base64URL.encode(header)
        let signingInput = encodedHeader + "." + Base64URL.encode(payload)
        let signature = try key.signature(for: Array(signingInput.utf8))
        return encodedHeader + ".." + Base64URL.encode(signature)
    }

    /// A detached JWS whose structure and header passed every check that needs no key.
    public struct Parsed: Sendable {
        /// The signer's DID URL, from `kid`.
        public let keyID: String
        let encodedHeader: Substring
        let signature: [UInt8]

        /// Whether the signature verifies over `payload` with `key`.
        /// - Throws: `crypto.signature_invalid`.
        public func verify(payload: some Collection<UInt8>, key: Ed25519.PublicKey) throws(FederationError) {
            let encodedPayload = Base64URL.encode(payload)
            var signingInput: [UInt8] = []
            signingInput.reserveCapacity(encodedHeader.utf8.count + 1 + encodedPayload.utf8.count)
            signingInput.append(contentsOf: encodedHeader.utf8)
            signingInput.append(UInt8(ascii: "."))
            signingInput.append(contentsOf: encodedPayload.utf8)
            guard key.isValidSignature(signature, for: signingInput) else {
                throw FederationError(.cryptoSignatureInvalid, "JWS signature does not verify")
            }
        }
    }

    /// Checks steps 1–7 of `Spec/envelopes.md`: size, structure, header, algorithm, key id, signature length.
    /// - Throws: `envelope.*`, `json.*`, `crypto.invalid_length`.
    public static func parse(
        _ jws: String, payloadByteCount: Int, maxPayloadBytes: Int = defaultMaxPayloadBytes
    ) throws(FederationError) -> Parsed {
        guard jws.utf8.count <= maxJWSLength, payloadByteCount <= maxPayloadBytes else {
            throw FederationError(
                .envelopeTooLarge, "JWS over \(maxJWSLength) bytes or payload over \(maxPayloadBytes)")
        }
        // Split on bytes: splitting a String walks grapheme clusters, and this runs on every envelope.
        let parts = jws.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map { Substring($0) }
        guard parts.count == 3, parts[1].isEmpty, !parts[0].isEmpty, !parts[2].isEmpty else {
            throw FederationError(.envelopeMalformed, "a detached JWS is header..signature")
        }
        let headerBytes: [UInt8]
        let signature: [UInt8]
        do {
            headerBytes = try Base64URL.decode(parts[0])
            signature = try Base64URL.decode(parts[2])
        } catch {
            throw FederationError(.envelopeMalformed, "parts must be unpadded base64url (\(error.code))")
        }
        let header = try JSONReader(limits: .init(maxBytes: 4096, maxDepth: 4)).parse(headerBytes)
        guard let fields = header.objectValue else {
            throw FederationError(.envelopeMalformed, "header is not an object")
        }
        guard fields["crit"] == nil, fields["b64"] == nil else {
            throw FederationError(.envelopeUnsupportedCritical, "crit and b64 are not supported")
        }
        // EdDSA (RFC 8037) and its fully-specified successor Ed25519 (RFC 9864) both mean Ed25519 here; the key
        // resolved from kid is Ed25519 in any case, so nothing else can be chosen by the header.
        guard let alg = fields["alg"]?.stringValue, alg == "EdDSA" || alg == "Ed25519" else {
            throw FederationError(.envelopeUnsupportedAlgorithm, "alg must be EdDSA or Ed25519")
        }
        guard let keyID = fields["kid"]?.stringValue else {
            throw FederationError(.envelopeMissingKeyID, "kid must name the signer's DID URL")
        }
        guard signature.count == Ed25519.signatureByteCount else {
            throw FederationError(.cryptoInvalidLength, "signature of \(signature.count) bytes")
        }
        return Parsed(keyID: keyID, encodedHeader: parts[0], signature: signature)
    }

    /// Verifies a detached JWS over `payload`, resolving `kid` with `resolver`.
    /// - Throws: `envelope.*`, `json.*` (header), `did.*` (resolution), `crypto.invalid_length`,
    ///   `crypto.signature_invalid`, in the order of `Spec/envelopes.md`.
    public static func verify(
        _ jws: String, payload: some Collection<UInt8>, resolver: any KeyResolver, now: Int64,
        maxPayloadBytes: Int = defaultMaxPayloadBytes
    ) async throws(FederationError) -> Verified {
        let parsed = try parse(jws, payloadByteCount: payload.count, maxPayloadBytes: maxPayloadBytes)
        let key = try await resolver.resolveKey(parsed.keyID, now: now)
        try parsed.verify(payload: payload, key: key)
        return Verified(keyID: parsed.keyID, publicKey: key)
    }
}
