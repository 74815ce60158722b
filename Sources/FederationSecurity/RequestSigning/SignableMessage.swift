import HTTPTypes

/// The parts of an HTTP message that RFC 9421 components are derived from: the control data (a request's method and
/// target URI, or a response's status), the header field lines in order, and the content.
public struct SignableMessage: Sendable {
    /// What the derived components (`@method`, `@path`, `@status`, …) come from.
    public enum Control: Sendable {
        case request(method: String, target: TargetURI)
        case response(status: Int)
    }

    /// One header field line: the name in lower case, the value as received.
    public struct FieldLine: Sendable, Hashable {
        public let name: String
        public let value: String
        /// `name`, when the verifier looks for it.
        let known: KnownFieldName

        public init(name: String, value: String) {
            self.name = name.lowercased()
            self.value = value
            known = KnownFieldName(self.name)
        }
    }

    public var control: Control
    public var fields: [FieldLine]
    public var body: [UInt8]

    public init(control: Control, fields: [FieldLine], body: [UInt8] = []) {
        self.control = control
        self.fields = fields
        self.body = body
    }

    /// A request given by its method, absolute target URI (RFC 9421 §2.2.2) and field lines.
    /// - Throws: `request.invalid_component` when `targetURI` is not an absolute `scheme://authority…` URI.
    public init(method: String, targetURI: String, fields: [FieldLine], body: [UInt8] = [])
        throws(FederationError)
    {
        self.init(control: .request(method: method, target: try TargetURI(targetURI)), fields: fields, body: body)
    }

    /// A swift-http-types request. Its `:scheme`, `:authority` and `:path` pseudo-header fields make the target
    /// URI; the header fields keep their order.
    /// - Throws: `request.invalid_component` when the request has no scheme or authority (a signed request needs
    ///   an absolute target URI).
    public init(request: HTTPRequest, body: [UInt8] = []) throws(FederationError) {
        guard let scheme = request.scheme, let authority = request.authority else {
            throw FederationError(.requestInvalidComponent, "request has no :scheme or :authority")
        }
        try self.init(
            method: request.method.rawValue, targetURI: "\(scheme)://\(authority)\(request.path ?? "")",
            fields: request.headerFields.map { FieldLine(name: $0.name.canonicalName, value: $0.value) },
            body: body)
    }

    /// The field lines named `name` (lower case), in order.
    func lines(named name: String) -> [String] {
        fields.compactMap { $0.name == name ? $0.value : nil }
    }

    /// Appends a field line (used when signing: `Signature-Input`, `Signature`, `Content-Digest`).
    public mutating func append(name: String, value: String) {
        fields.append(FieldLine(name: name, value: value))
    }
}

// MARK: - HTTPRequest

extension HTTPRequest {
    /// Adds the `Signature-Input` and `Signature` fields of `signature` to the header fields.
    public mutating func addSignatureFields(_ signature: RFC9421Signature) {
        headerFields.append(HTTPField(name: HTTPField.Name("Signature-Input")!, value: signature.signatureInput))
        headerFields.append(HTTPField(name: HTTPField.Name("Signature")!, value: signature.signature))
    }
}
