import FederationCrypto

extension ErrorCode {
    /// A vector file is not valid in the project's format: not an object, a mistyped or unknown field, a malformed
    /// name, or an external file the runner cannot read natively.
    public static let conformanceInvalidVectorFile = ErrorCode("conformance.invalid_vector_file")
    /// A vector file lacks a required field (`suite`, `cases`, a case's `id`, `input`, `expected.result`, …).
    public static let conformanceMissingField = ErrorCode("conformance.missing_field")
    /// Two cases of one file have the same `id`.
    public static let conformanceDuplicateCaseID = ErrorCode("conformance.duplicate_case_id")
    /// Two files of one run declare the same `suite` name.
    public static let conformanceDuplicateSuite = ErrorCode("conformance.duplicate_suite")
    /// An `invalid` case does not name the error code it expects.
    public static let conformanceMissingErrorCode = ErrorCode("conformance.missing_error_code")
    /// A file or case names an operation that `Spec/conformance.md` does not define.
    public static let conformanceUnknownOperation = ErrorCode("conformance.unknown_operation")
    /// A case's input lacks a field its operation needs, has one of the wrong type, or has one the operation does
    /// not read.
    public static let conformanceInvalidInput = ErrorCode("conformance.invalid_input")
    /// No implementation of the case's operation.
    public static let conformanceUnsupportedOperation = ErrorCode("conformance.unsupported_operation")
}
