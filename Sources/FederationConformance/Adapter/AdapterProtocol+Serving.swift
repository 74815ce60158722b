import FederationSecurity

/// The adapter side of the protocol: reading requests, writing answers (used by ``AdapterServer`` and by anyone
/// writing an adapter in Swift).
extension AdapterProtocol {
    /// One request an adapter receives.
    public enum Request: Sendable {
        /// `{"id":…,"op":"hello","protocol":1}`.
        case hello(id: Int64, protocol: Int64)
        /// `{"id":…,"op":…,"input":{…},"now":…}`.
        case operation(id: Int64, OperationRequest)
    }

    /// Reads a request line.
    /// - Throws: `conformance.adapter_protocol` for a line that is not a request.
    public static func parseRequest(_ bytes: [UInt8]) throws(FederationError) -> Request {
        let object = try self.object(bytes, allowed: ["id", "op", "input", "now", "protocol"])
        guard let id = object["id"]?.integerValue else { throw invalid("a request has an integer id") }
        guard let op = object["op"]?.stringValue else { throw invalid("a request has a string op") }
        if op == "hello" {
            guard let speaks = object["protocol"]?.integerValue else { throw invalid("hello has an integer protocol") }
            return .hello(id: id, protocol: speaks)
        }
        guard let input = object["input"]?.objectValue else { throw invalid("a request has an object input") }
        var now: Int64?
        if let value = object["now"] {
            guard let seconds = value.integerValue else { throw invalid("now must be an integer") }
            now = seconds
        }
        guard object["protocol"] == nil else { throw invalid("protocol belongs to hello only") }
        return .operation(id: id, OperationRequest(operation: op, input: input, now: now))
    }

    /// The answer to `hello`: `{"id","protocol","implementation","version","operations","profiles","error_codes"}`.
    public static func helloResponseLine(id: Int64, _ hello: AdapterHello) -> [UInt8] {
        line([
            .init("id", integer(id)), .init("protocol", integer(version)),
            .init("implementation", .string(hello.implementation)), .init("version", .string(hello.version)),
            .init("operations", .array(hello.operations.map(JSONValue.string))),
            .init("profiles", .array(hello.profiles.map(JSONValue.string))),
            .init("error_codes", .bool(hello.errorCodes)),
        ])
    }

    /// The answer to one case, in the form ``parseResponse(_:id:)`` reads back as the same response.
    public static func responseLine(id: Int64, _ response: OperationResponse) -> [UInt8] {
        var members: [JSONObject.Member] = [.init("id", integer(id))]
        switch response {
        case .result(true, _, let output):
            members.append(.init("result", .string("valid")))
            if let output { members.append(.init("output", .object(output))) }
        case .result(false, let error, _):
            members.append(.init("result", .string("invalid")))
            if let error { members.append(.init("error", .string(error))) }
        case .unsupported:
            members.append(.init("unsupported", .bool(true)))
        case .invalidInput(let reason):
            members += [
                .init("result", .string("invalid")),
                .init("error", .string(ErrorCode.conformanceInvalidInput.rawValue)), .init("reason", .string(reason)),
            ]
        case .implementationError(let reason):
            members += [
                .init("result", .string("invalid")),
                .init("error", .string(ErrorCode.conformanceAdapterProtocol.rawValue)),
                .init("reason", .string(reason)),
            ]
        }
        return line(members)
    }
}
