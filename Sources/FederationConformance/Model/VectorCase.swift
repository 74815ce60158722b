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
    }

    init(_ value: JSONValue, defaultOperation: String) throws(FederationError) {
        guard let c = value.objectValue else { throw VectorFile.invalid("a case must be an object") }
        id = try VectorFile.string(c, "id")
        description = c["description"]?.stringValue ?? ""
        flags = (c["flags"]?.arrayValue ?? []).compactMap(\.stringValue)
        operation = c["operation"]?.stringValue ?? defaultOperation
        now = c["now"]?.integerValue
        guard let input = c["input"]?.objectValue else {
            throw VectorFile.invalid("case \(id): input must be an object")
        }
        self.input = input
        guard let e = c["expected"]?.objectValue, let result = e["result"]?.stringValue,
            result == "valid" || result == "invalid"
        else { throw VectorFile.invalid("case \(id): expected.result must be \"valid\" or \"invalid\"") }
        let error = e["error"]?.stringValue
        guard result == "valid" || error != nil else {
            throw VectorFile.invalid("case \(id): an invalid case must name its error code")
        }
        guard result == "invalid" || error == nil else {
            throw VectorFile.invalid("case \(id): a valid case has no error")
        }
        if e["output"] != nil, e["output"]?.objectValue == nil {
            throw VectorFile.invalid("case \(id): expected.output must be an object")
        }
        expected = Expected(valid: result == "valid", error: error, output: e["output"]?.objectValue)
    }

    init(id: String, operation: String, input: JSONObject, expected: Expected, flags: [String] = []) {
        self.id = id
        self.description = ""
        self.flags = flags
        self.operation = operation
        self.now = nil
        self.input = input
        self.expected = expected
    }
}
