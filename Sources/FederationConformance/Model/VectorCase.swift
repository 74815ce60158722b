import FederationSecurity

/// One case of a vector file.
public struct VectorCase: Sendable {
    public let id: String
    public let description: String
    public let flags: [String]
    public let operation: String
    public let now: Int64?
    public let input: JSONObject
    public let expected: Expected

    /// What the implementation must answer.
    public struct Expected: Sendable {
        public let valid: Bool
        /// Required when invalid in project files; `nil` for external suites that give no codes.
        public let error: String?
        public let output: JSONObject?
        /// External suites only: the output must *differ* from `output` (Wycheproof invalid MACs).
        let outputMustDiffer: Bool

        init(valid: Bool, error: String? = nil, output: JSONObject? = nil, outputMustDiffer: Bool = false) {
            self.valid = valid
            self.error = error
            self.output = output
            self.outputMustDiffer = outputMustDiffer
        }

        static let fields: Set<String> = ["result", "error", "output"]
    }

    static let fields: Set<String> = ["id", "description", "flags", "operation", "now", "input", "expected"]

    /// Decodes one case of a project file.
    /// - Throws: `conformance.missing_field`, `conformance.missing_error_code`, `conformance.invalid_vector_file`.
    init(_ value: JSONValue, path: String, defaultOperation: String) throws(FederationError) {
        let c = try VectorFields(value, path: path, allowed: Self.fields)
        id = try c.string("id", valid: VectorNames.isCaseID)
        let path = "\(path) (\(id))"
        description = try c.optionalString("description") ?? ""
        flags = try c.stringArray("flags")
        if let flag = flags.first(where: { !VectorNames.isFlag($0) }) {
            throw VectorFields.invalid("\(path).flags: \"\(flag)\" is not a flag name")
        }
        operation = try c.optionalString("operation") ?? defaultOperation
        now = try c.optionalInteger("now")
        guard let input = try c.required("input").objectValue else {
            throw VectorFields.invalid("\(path).input must be an object")
        }
        self.input = input
        let e = try VectorFields(try c.required("expected"), path: "\(path).expected", allowed: Expected.fields)
        let result = try e.string("result")
        guard result == "valid" || result == "invalid" else {
            throw VectorFields.invalid("\(path).expected.result must be \"valid\" or \"invalid\", not \"\(result)\"")
        }
        let error = try e.optionalString("error", valid: VectorNames.isErrorCode)
        let output = try e.optionalObject("output")
        if result == "invalid" {
            guard error != nil else {
                throw FederationError(.conformanceMissingErrorCode, "\(path): an invalid case must name its error")
            }
            guard output == nil else { throw VectorFields.invalid("\(path): an invalid case has no output") }
        } else if error != nil {
            throw VectorFields.invalid("\(path): a valid case has no error")
        }
        expected = Expected(valid: result == "valid", error: error, output: output)
    }

    /// A case built by a reader of an external format.
    init(
        id: String, operation: String, input: JSONObject, expected: Expected, flags: [String] = [], now: Int64? = nil,
        description: String = ""
    ) {
        self.id = id
        self.description = description
        self.flags = flags
        self.operation = operation
        self.now = now
        self.input = input
        self.expected = expected
    }
}
