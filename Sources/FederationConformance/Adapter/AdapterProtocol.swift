import FederationSecurity

/// The messages of the adapter protocol (`Spec/conformance.md`, "Adapter protocol"): one JSON object per line, each
/// request carrying an integer `id` that its response repeats.
public enum AdapterProtocol {
    /// The protocol version this runner speaks.
    public static let version: Int64 = 1
    /// The longest line either side accepts by default, without its LF: 16 MiB, the size limit of a vector file.
    public static let maxLineBytes = 16 << 20

    /// Responses and requests are read with the limits of vector files (a request carries a case's input).
    static let reader = JSONReader(limits: VectorLoader.limits)
    /// Compact, UTF-8 as is, members in insertion order. JSON escapes every LF inside a string, so a message is
    /// one line.
    static let writer = PythonJSONWriter(options: .init(ensureASCII: false, itemSeparator: ",", keySeparator: ":"))

    // MARK: - Runner → adapter

    /// `{"id":0,"op":"hello","protocol":1}`.
    public static func helloLine(id: Int64) -> [UInt8] {
        line([.init("id", integer(id)), .init("op", .string("hello")), .init("protocol", integer(version))])
    }

    /// `{"id":…,"op":…,"input":{…}}`, with `"now":…` when the case has one.
    public static func requestLine(id: Int64, _ request: OperationRequest) -> [UInt8] {
        var members: [JSONObject.Member] = [
            .init("id", integer(id)), .init("op", .string(request.operation)), .init("input", .object(request.input)),
        ]
        if let now = request.now { members.append(.init("now", integer(now))) }
        return line(members)
    }

    /// Reads the answer to `hello`.
    /// - Throws: `conformance.adapter_protocol` for anything but a well-formed hello of protocol 1 with this `id`.
    public static func parseHello(_ bytes: [UInt8], id: Int64) throws(FederationError) -> AdapterHello {
        let fields = try message(
            bytes, id: id,
            allowed: ["id", "protocol", "implementation", "version", "operations", "profiles", "error_codes"])
        guard let speaks = fields["protocol"]?.integerValue else { throw invalid("hello without an integer protocol") }
        guard speaks == version else { throw invalid("the adapter speaks protocol \(speaks); this runner speaks 1") }
        guard let name = fields["implementation"]?.stringValue, !name.isEmpty else {
            throw invalid("hello without a non-empty string implementation")
        }
        guard let implementationVersion = fields["version"]?.stringValue else {
            throw invalid("hello without a string version")
        }
        let operations = try strings(fields["operations"], "operations", required: true)
        let profiles = try strings(fields["profiles"], "profiles", required: false)
        var errorCodes = true
        if let value = fields["error_codes"] {
            guard let flag = value.boolValue else { throw invalid("hello.error_codes must be true or false") }
            errorCodes = flag
        }
        return AdapterHello(
            implementation: name, version: implementationVersion, operations: operations, profiles: profiles,
            errorCodes: errorCodes)
    }

    /// Reads the answer to one case.
    /// - Throws: `conformance.adapter_protocol` for a line that is not exactly one of the response forms.
    public static func parseResponse(_ bytes: [UInt8], id: Int64) throws(FederationError) -> OperationResponse {
        let fields = try message(bytes, id: id, allowed: ["id", "result", "error", "output", "reason", "unsupported"])
        if let unsupported = fields["unsupported"] {
            guard unsupported == .bool(true), fields.count == 2 else {
                throw invalid(#"an unsupported answer is exactly {"id":…,"unsupported":true}"#)
            }
            return .unsupported
        }
        let error = try optionalString(fields, "error")
        let reason = try optionalString(fields, "reason")
        var output: JSONObject?
        if let value = fields["output"] {
            guard let object = value.objectValue else { throw invalid("output must be an object") }
            output = object
        }
        switch fields["result"]?.stringValue {
        case "valid":
            guard error == nil, reason == nil else { throw invalid("a valid answer has no error or reason") }
            return .result(valid: true, error: nil, output: output)
        case "invalid":
            guard output == nil else { throw invalid("an invalid answer has no output") }
            if error == ErrorCode.conformanceInvalidInput.rawValue { return .invalidInput(reason: reason ?? "") }
            return .result(valid: false, error: error, output: nil)
        default:
            throw invalid(#"result must be "valid" or "invalid""#)
        }
    }

    // MARK: - Helpers

    static func line(_ members: [JSONObject.Member]) -> [UInt8] {
        // Values built here from parsed JSON are always encodable.
        (try? writer.encode(.object(JSONObject(uniqueMembers: members)))) ?? Array("{}".utf8)
    }

    static func integer(_ value: Int64) -> JSONValue { .number(.integer(value)) }

    /// Parses one message: an object with only `allowed` members and the expected `id`.
    static func message(_ bytes: [UInt8], id: Int64, allowed: Set<String>) throws(FederationError) -> JSONObject {
        let object = try self.object(bytes, allowed: allowed)
        guard let got = object["id"]?.integerValue else { throw invalid("no integer id") }
        guard got == id else { throw invalid("answer for id \(got), expected id \(id)") }
        return object
    }

    /// Parses one line as a JSON object with only `allowed` members.
    static func object(_ bytes: [UInt8], allowed: Set<String>) throws(FederationError) -> JSONObject {
        let value: JSONValue
        do {
            value = try reader.parse(bytes)
        } catch {
            throw invalid("not a JSON line (\(error.code.rawValue)): \(excerpt(bytes))")
        }
        guard let object = value.objectValue else { throw invalid("not a JSON object: \(excerpt(bytes))") }
        if let unknown = object.keys.first(where: { !allowed.contains($0) }) {
            throw invalid("unknown member \(excerpt(Array(unknown.utf8)))")
        }
        return object
    }

    static func optionalString(_ fields: JSONObject, _ key: String) throws(FederationError) -> String? {
        guard let value = fields[key] else { return nil }
        guard let string = value.stringValue else { throw invalid("\(key) must be a string") }
        return string
    }

    static func strings(_ value: JSONValue?, _ key: String, required: Bool) throws(FederationError) -> [String] {
        guard let value else {
            if required { throw invalid("hello without \(key)") }
            return []
        }
        guard let array = value.arrayValue else { throw invalid("hello.\(key) must be an array of strings") }
        var out: [String] = []
        for element in array {
            guard let s = element.stringValue else { throw invalid("hello.\(key) must be an array of strings") }
            out.append(s)
        }
        return out
    }

    /// The first 80 bytes of a line, for messages.
    /// At most 80 bytes of adapter output, quoted, with control characters escaped: an adapter is untrusted, and its
    /// text reaches terminals and CI logs through the reports (no escape sequences, no forged report lines).
    static func excerpt(_ bytes: [UInt8]) -> String {
        var text = ""
        for scalar in String(decoding: bytes.prefix(80), as: UTF8.self).unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                text += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return "\"" + text + (bytes.count > 80 ? "…" : "") + "\""
    }

    static func invalid(_ reason: String) -> FederationError {
        FederationError(.conformanceAdapterProtocol, reason)
    }
}
