import FederationCrypto

extension ErrorCode {
    /// A vector file is not valid in the project's format (missing or mistyped field, duplicate case id, …).
    public static let conformanceInvalidVectorFile = ErrorCode("conformance.invalid_vector_file")
    /// A case's input lacks a field its operation needs, or has one of the wrong type.
    public static let conformanceInvalidInput = ErrorCode("conformance.invalid_input")
    /// No implementation of the case's operation.
    public static let conformanceUnsupportedOperation = ErrorCode("conformance.unsupported_operation")
}
