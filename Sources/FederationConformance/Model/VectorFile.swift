import FederationSecurity

/// One file of the project's vector format (`Spec/conformance.md`, `TestVectors/schema/vector-file.schema.json`).
public struct VectorFile: Sendable {
    public let suite: String
    public let version: String
    public let description: String
    public let source: String
    public let operation: String
    public let profile: String?
    public let cases: [VectorCase]

    static let fields: Set<String> = ["suite", "version", "description", "source", "operation", "profile", "cases"]

    /// Decodes and validates a vector file: the same rules as the JSON Schema, plus unique case ids and known
    /// operations.
    /// - Parameter value: the file as read by ``JSONReader``.
    /// - Throws: ``FederationError`` naming the first problem, with `conformance.missing_field`,
    ///   `conformance.duplicate_case_id`, `conformance.missing_error_code`, `conformance.unknown_operation` or
    ///   `conformance.invalid_vector_file` (anything else: wrong type, unknown field, malformed name).
    public init(_ value: JSONValue) throws(FederationError) {
        let file = try VectorFields(value, path: "", allowed: Self.fields)
        suite = try file.string("suite", valid: VectorNames.isSuite)
        version = try file.string("version")
        description = try file.string("description")
        source = try file.string("source", valid: { $0.count >= 10 })
        operation = try file.string("operation")
        profile = try file.optionalString("profile")
        guard let list = try file.required("cases").arrayValue, !list.isEmpty else {
            throw VectorFields.invalid("cases must be a non-empty array")
        }
        var seen = Set<String>()
        var cases: [VectorCase] = []
        for (index, item) in list.enumerated() {
            let c = try VectorCase(item, path: "cases[\(index)]", defaultOperation: operation)
            guard OperationCatalog.defines(c.operation) else {
                throw FederationError(
                    .conformanceUnknownOperation,
                    "cases[\(index)] (\(c.id)): operation \(c.operation) is not defined in Spec/conformance.md")
            }
            guard seen.insert(c.id).inserted else {
                throw FederationError(.conformanceDuplicateCaseID, "cases[\(index)]: duplicate case id \(c.id)")
            }
            cases.append(c)
        }
        self.cases = cases
    }

    /// A suite built by a reader of an external format.
    init(suite: String, source: String, operation: String, cases: [VectorCase]) {
        self.suite = suite
        self.version = "1"
        self.description = suite
        self.source = source
        self.operation = operation
        self.profile = nil
        self.cases = cases
    }
}
