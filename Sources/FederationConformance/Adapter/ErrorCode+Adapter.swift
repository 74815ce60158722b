import FederationCrypto

extension ErrorCode {
    /// The adapter command could not be started, or exited (or closed its standard output) before answering.
    public static let conformanceAdapterCrashed = ErrorCode("conformance.adapter_crashed")
    /// The adapter did not answer within the per-case timeout.
    public static let conformanceAdapterTimeout = ErrorCode("conformance.adapter_timeout")
    /// The adapter sent a line longer than the protocol's limit.
    public static let conformanceAdapterLineTooLong = ErrorCode("conformance.adapter_line_too_long")
    /// The adapter sent a line that is not a valid message of the protocol (not JSON, an unknown or mistyped member,
    /// the wrong `id`, a bad `hello`).
    public static let conformanceAdapterProtocol = ErrorCode("conformance.adapter_protocol")
}
