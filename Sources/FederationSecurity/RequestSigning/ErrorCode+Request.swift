extension ErrorCode {
    /// `Signature-Input`, `Signature`, `Content-Digest` or an AgentVault signature header that does not parse, a
    /// label in one signature field but not the other, a signature parameter of the wrong type or unknown.
    public static let requestMalformedHeader = ErrorCode("request.malformed_header")
    /// A signature field larger than its limit (checked before it is parsed).
    public static let requestTooLarge = ErrorCode("request.too_large")
    /// No `Signature-Input` / `Signature` field, or none with the requested label.
    public static let requestMissingSignature = ErrorCode("request.missing_signature")
    /// A signature without a parameter this profile requires (`created`, `keyid`).
    public static let requestMissingParameter = ErrorCode("request.missing_parameter")
    /// `created` lies before `now − window`.
    public static let requestStale = ErrorCode("request.stale")
    /// `created` (or the AgentVault timestamp) lies after `now + skew`.
    public static let requestFuture = ErrorCode("request.future")
    /// `expires` is at or before `now`.
    public static let requestExpired = ErrorCode("request.expired")
    /// A covered component that the message does not have, or a required component the signature does not cover.
    public static let requestMissingComponent = ErrorCode("request.missing_component")
    /// A component identifier this profile does not define or allow: unknown derived component, unsupported
    /// parameter, upper-case name, duplicate identifier, a repeated `@query-param` name.
    public static let requestInvalidComponent = ErrorCode("request.invalid_component")
}

extension ErrorCode {
    /// The covered `Content-Digest` does not match the body, or names no supported algorithm.
    public static let requestDigestMismatch = ErrorCode("request.digest_mismatch")
    /// The signature (or MAC) does not verify over the signature base.
    public static let requestSignatureInvalid = ErrorCode("request.signature_invalid")
    /// The `keyid` is not one of the verifier's keys.
    public static let requestUnknownKey = ErrorCode("request.unknown_key")
    /// The `alg` parameter names another algorithm than the key's.
    public static let requestAlgorithmMismatch = ErrorCode("request.algorithm_mismatch")
    /// The request (its nonce, or its signature bytes) was already accepted inside the replay window.
    public static let replayDetected = ErrorCode("replay.detected")
    /// The replay store holds as many live entries as it may: the request is rejected (fail closed).
    public static let replayStoreFull = ErrorCode("replay.store_full")
}
