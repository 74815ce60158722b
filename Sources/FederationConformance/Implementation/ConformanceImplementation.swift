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

/// An implementation's answer: a result (`{"result": "valid"|"invalid", "error": …, "output": {…}}`) or
/// `{"unsupported": true}`.
public enum OperationResponse: Sendable, Equatable {
    case result(valid: Bool, error: String?, output: JSONObject?)
    case unsupported
}

/// Something the suite can be run against.
public protocol ConformanceImplementation: Sendable {
    var name: String { get }
    var version: String { get }
    func supports(_ operation: String) -> Bool
    func perform(_ request: OperationRequest) async -> OperationResponse
}
