extension ErrorCode {
    /// PEM text is not one well-formed block of the expected label (RFC 7468 §2 strict form).
    public static let keyInvalidPEM = ErrorCode("key.invalid_pem")
    /// DER bytes are not the exact RFC 8410 encoding of an Ed25519 key.
    public static let keyInvalidDER = ErrorCode("key.invalid_der")
    /// A JWK is not an OKP/Ed25519 key of RFC 8037 §2, or its members are malformed.
    public static let keyInvalidJWK = ErrorCode("key.invalid_jwk")
    /// A private key's embedded public key does not match the one derived from its seed.
    public static let keyPublicKeyMismatch = ErrorCode("key.public_key_mismatch")
    /// Key text is larger than the import limit.
    public static let keyTooLarge = ErrorCode("key.too_large")

    /// Not a syntactically valid DID or DID URL (W3C DID Core §3.1).
    public static let didInvalidDID = ErrorCode("did.invalid_did")
    /// A DID method this library does not resolve.
    public static let didUnsupportedMethod = ErrorCode("did.unsupported_method")
    /// did:key whose multicodec is not ed25519-pub (did:key spec `unsupportedPublicKeyType`).
    public static let didUnsupportedKeyType = ErrorCode("did.unsupported_key_type")
    /// did:key whose key has the wrong length (did:key spec `invalidPublicKeyLength`).
    public static let didInvalidKeyLength = ErrorCode("did.invalid_key_length")
    /// did:key whose key is not an acceptable Ed25519 point (did:key spec `invalidPublicKey`).
    public static let didInvalidPublicKey = ErrorCode("did.invalid_public_key")
    /// A did:web identifier or server URL that cannot be mapped (did:web spec §3.2).
    public static let didInvalidWebURL = ErrorCode("did.invalid_web_url")
    /// A DID document that is malformed, names another DID, or has no usable key for the DID URL.
    public static let didInvalidDocument = ErrorCode("did.invalid_document")
    /// The DID URL's fragment names no verification method in the document.
    public static let didKeyNotFound = ErrorCode("did.key_not_found")
    /// The DID URL names a verification method the document does not list for the purpose asked (DID Core §5.3: by
    /// default `authentication` or `assertionMethod`).
    public static let didKeyNotAuthorized = ErrorCode("did.key_not_authorized")
    /// The resolver has no document for a did:web DID (the caller supplies documents; the core does no networking).
    public static let didNotResolved = ErrorCode("did.not_resolved")
}
