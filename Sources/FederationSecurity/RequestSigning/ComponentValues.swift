extension SignableMessage {
    /// The value of one covered component (RFC 9421 §2.1, §2.2).
    /// - Throws: `request.missing_component` when the message has no such component; `request.invalid_component`
    ///   for a request component of a response (or the reverse) and for a `@query-param` name that occurs twice.
    /// - Parameter request: the request's method and target (``request``), read once per signature base.
    func appendValue(
        of component: ComponentIdentifier, request: (method: String, target: TargetURI)?, to out: inout [UInt8]
    )
        throws(FederationError)
    {
        func missing(_ why: String) -> FederationError {
            FederationError(.requestMissingComponent, "\(component.serialized): \(why)")
        }
        switch component.kind {
        case .field(let name, let byteSequence):
            var found = false
            // By index: no copy (and retain) of every line passed over.
            for i in fields.indices where fields[i].name == name {
                if found {
                    out.append(UInt8(ascii: ","))
                    out.append(UInt8(ascii: " "))
                }
                found = true
                // §2.1: each line's value without leading and trailing whitespace, lines joined by ", ";
                // with `bs` each line is wrapped as a byte sequence instead.
                TextBytes.withUTF8(fields[i].value) { value in
                    let trimmed = Self.trimmingOWS(value)
                    if byteSequence {
                        out.append(UInt8(ascii: ":"))
                        out.append(utf8Of: Base64.encode(trimmed))
                        out.append(UInt8(ascii: ":"))
                    } else {
                        out.append(contentsOf: trimmed)
                    }
                }
            }
            guard found else { throw missing("no such header field") }
        case .status:
            guard case .response(let status) = control else {
                throw FederationError(.requestInvalidComponent, "@status is a response component")
            }
            out += String(status).utf8
        default:
            guard let request else {
                throw FederationError(.requestInvalidComponent, "\(component.serialized) is a request component")
            }
            out.append(utf8Of: try Self.requestValue(component, method: request.method, target: request.target))
        }
    }

    /// A request's method and target; `nil` for a response.
    var request: (method: String, target: TargetURI)? {
        if case .request(let method, let target) = control { return (method, target) }
        return nil
    }

    private static func requestValue(_ component: ComponentIdentifier, method: String, target: TargetURI)
        throws(FederationError) -> String
    {
        if let value = target.derivedValue(component.kind) { return value }
        switch component.kind {
        case .method: return method
        case .queryParam(let name):
            let wanted = QueryParameters.reencode(Array(name.utf8)[...])
            let matches = QueryParameters.parse(target.query ?? "").filter { $0.name == wanted }
            guard matches.count <= 1 else {
                throw FederationError(.requestInvalidComponent, "query parameter \(name) occurs more than once")
            }
            guard let match = matches.first else {
                throw FederationError(.requestMissingComponent, "no query parameter \(name)")
            }
            return match.value
        case .targetURI, .authority, .scheme, .path, .query, .requestTarget: preconditionFailure("derived above")
        case .field, .status: preconditionFailure("handled by value(of:)")
        }
    }

    /// Without leading and trailing spaces and tabs (RFC 9110 §5.5 OWS).
    static func trimmingOWS(_ value: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = value.count
        while start < end, value[start] == 0x20 || value[start] == 0x09 { start += 1 }
        while end > start, value[end - 1] == 0x20 || value[end - 1] == 0x09 { end -= 1 }
        return UnsafeBufferPointer(rebasing: value[start..<end])
    }
}

extension [UInt8] {
    /// Appends the UTF-8 of `text` in one copy.
    mutating func append(utf8Of text: String) {
        TextBytes.withUTF8(text) { append(contentsOf: $0) }
    }
}
