extension ErrorCode {
    /// A C library call failed; the reason carries the library's own error text.
    public static let cryptoBackendFailure = ErrorCode("crypto.backend_failure")
    /// A key, seed, signature or tag had the wrong length for its algorithm.
    public static let cryptoInvalidLength = ErrorCode("crypto.invalid_length")
    /// A requested output length is outside what the primitive can produce (for example HKDF beyond 255 × 32 bytes).
    public static let cryptoInvalidOutputLength = ErrorCode("crypto.invalid_output_length")
}

extension ErrorCode {
    /// A public key is not acceptable under the Ed25519 policy (non-canonical, small order, not on the curve or not
    /// in the prime-order subgroup).
    public static let cryptoInvalidPublicKey = ErrorCode("crypto.invalid_public_key")
    /// A signature does not verify (used by layers that turn the Boolean verdict into an error).
    public static let cryptoSignatureInvalid = ErrorCode("crypto.signature_invalid")
    /// A MAC does not match (used by layers that turn the Boolean verdict into an error).
    public static let cryptoMACInvalid = ErrorCode("crypto.mac_invalid")
}
