import FederationSecurity

/// One operation to perform: what the runner sends to an implementation (in process, or as one JSON line to an
/// adapter: `{"op": …, "input": {…}, "now": …}`).
public struct OperationRequest: Sendable {
    public let operation: String
    public let input: JSONObject
    public let now: Int64?

    public init(operation: String, input: JSONObject, now: Int64?) {
        self.operation = operation
        self.input = input
        self.now = now
    }
}

/// An implementation's answer: a result (`{"result": "valid"|"invalid", "error": …, "output": {…}}`),
/// `{"unsupported": true}`, or a complaint that the input does not fit the operation (`{"result": "invalid",
/// "error": "conformance.invalid_input", "reason": …}`): the vector is broken, not the implementation.
public enum OperationResponse: Sendable, Equatable {
    case result(valid: Bool, error: String?, output: JSONObject?)
    case unsupported
    /// The input lacks a field, has one of the wrong type, or has one the operation does not read.
    case invalidInput(reason: String)
    /// The implementation itself failed on the case: an adapter crashed, hung, or sent something that is not a
    /// protocol message. The case is an error.
    case implementationError(reason: String)
}

/// Something the suite can be run against.
public protocol ConformanceImplementation: Sendable {
    /// A name for reports, e.g. `FederationSecurity (Swift, in process)`.
    var name: String { get }
    /// The implementation's version.
    var version: String { get }
    /// Whether the implementation performs `operation`; the runner reports other cases as skipped.
    func supports(_ operation: String) -> Bool
    /// Performs one operation.
    func perform(_ request: OperationRequest) async -> OperationResponse
    /// Whether `invalid` answers carry this suite's error codes. When `false`, an `invalid` answer without a code is
    /// judged by its verdict alone; an answer that does name a code is still compared.
    var reportsErrorCodes: Bool { get }
}

extension ConformanceImplementation {
    /// Implementations report the suite's error codes unless they say otherwise.
    public var reportsErrorCodes: Bool { true }
}
