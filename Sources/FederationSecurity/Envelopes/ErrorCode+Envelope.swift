extension ErrorCode {
    /// A signature text that is not strict standard base64 (openintent envelopes).
    public static let envelopeMalformedSignature = ErrorCode("envelope.malformed_signature")
    /// The envelope JSON is not an object.
    public static let envelopeNotAnObject = ErrorCode("envelope.not_an_object")
    /// A JWS that is not `header..signature` with strict base64url parts and a JSON object header.
    public static let envelopeMalformed = ErrorCode("envelope.malformed")
    /// The JWS header's `alg` is not `EdDSA` (the algorithm comes from the key; a header cannot choose another).
    public static let envelopeUnsupportedAlgorithm = ErrorCode("envelope.unsupported_algorithm")
    /// The JWS header has no `kid` string naming the signer's DID URL.
    public static let envelopeMissingKeyID = ErrorCode("envelope.missing_key_id")
    /// The JWS header has `crit` or `b64` (RFC 7515 §4.1.11, RFC 7797): extensions this verifier does not implement.
    public static let envelopeUnsupportedCritical = ErrorCode("envelope.unsupported_critical")
    /// The JWS or its payload is larger than the verifier's limit.
    public static let envelopeTooLarge = ErrorCode("envelope.too_large")
}
