extension ErrorCode {
    /// A C library call failed; the reason carries the library's own error text.
    public static let cryptoBackendFailure = ErrorCode("crypto.backend_failure")
    /// A key, seed, signature or tag had the wrong length for its algorithm.
    public static let cryptoInvalidLength = ErrorCode("crypto.invalid_length")
    /// A requested output length is outside what the primitive can produce (for example HKDF beyond 255 × 32 bytes).
    public static let cryptoInvalidOutputLength = ErrorCode("crypto.invalid_output_length")
}
