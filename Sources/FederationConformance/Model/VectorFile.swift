import FederationSecurity

/// One file of the project's vector format (`Spec/conformance.md`).
public struct VectorFile: Sendable {
    public let suite: String
    public let version: String
    public let description: String
    public let source: String
    public let operation: String
    public let profile: String?
    public let cases: [VectorCase]

    /// Decodes and validates a vector file.
    /// - Throws: `conformance.invalid_vector_file` naming the first problem.
    public init(_ value: JSONValue) throws(FederationError) {
        guard let object = value.objectValue else { throw Self.invalid("the file must be a JSON object") }
        suite = try Self.string(object, "suite")
        version = try Self.string(object, "version")
        description = try Self.string(object, "description")
        source = try Self.string(object, "source")
        operation = try Self.string(object, "operation")
        profile = object["profile"]?.stringValue
        guard let list = object["cases"]?.arrayValue, !list.isEmpty else {
            throw Self.invalid("cases must be a non-empty array")
        }
        var seen = Set<String>()
        var cases: [VectorCase] = []
        for item in list {
            let c = try VectorCase(item, defaultOperation: operation)
            guard seen.insert(c.id).inserted else { throw Self.invalid("duplicate case id \(c.id)") }
            cases.append(c)
        }
        self.cases = cases
    }

    init(suite: String, source: String, operation: String, cases: [VectorCase]) {
        self.suite = suite
        self.version = "1"
        self.description = suite
        self.source = source
        self.operation = operation
        self.profile = nil
        self.cases = cases
    }

    static func string(_ object: JSONObject, _ key: String) throws(FederationError) -> String {
        guard let value = object[key]?.stringValue, !value.isEmpty else {
            throw invalid("\(key) must be a non-empty string")
        }
        return value
    }

    static func invalid(_ reason: String) -> FederationError {
        FederationError(.conformanceInvalidVectorFile, reason)
    }
}
