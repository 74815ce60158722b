extension SignableMessage {
    /// The value of one covered component (RFC 9421 §2.1, §2.2).
    /// - Throws: `request.missing_component` when the message has no such component; `request.invalid_component`
    ///   for a request component of a response (or the reverse) and for a `@query-param` name that occurs twice.
    func appendValue(of component: ComponentIdentifier, to out: inout [UInt8]) throws(FederationError) {
        func missing(_ why: String) -> FederationError {
            FederationError(.requestMissingComponent, "\(component.serialized): \(why)")
        }
        switch component.kind {
        case .field(let name, let byteSequence):
            var found = false
            for field in fields where field.name == name {
                if found { out += ", ".utf8 }
                found = true
                // §2.1: each line's value without leading and trailing whitespace, lines joined by ", ";
                // with `bs` each line is wrapped as a byte sequence instead.
                let trimmed = Self.trimmingOWS(field.value.utf8)
                if byteSequence {
                    out.append(UInt8(ascii: ":"))
                    out += Base64.encode(trimmed).utf8
                    out.append(UInt8(ascii: ":"))
                } else {
                    out += trimmed
                }
            }
            guard found else { throw missing("no such header field") }
        case .status:
            guard case .response(let status) = control else {
                throw FederationError(.requestInvalidComponent, "@status is a response component")
            }
            out += String(status).utf8
        default:
            guard case .request(let method, let target) = control else {
                throw FederationError(.requestInvalidComponent, "\(component.serialized) is a request component")
            }
            out += try Self.requestValue(component, method: method, target: target).utf8
        }
    }

    private static func requestValue(_ component: ComponentIdentifier, method: String, target: TargetURI)
        throws(FederationError) -> String
    {
        switch component.kind {
        case .method: return method
        case .targetURI:
            return target.targetURIValue
        case .authority: return target.normalizedAuthority
        case .scheme: return target.scheme.lowercased()
        case .path: return target.path.isEmpty ? "/" : target.path
        case .query: return "?" + (target.query ?? "")
        case .requestTarget:
            return target.requestTargetValue
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
        case .field, .status: preconditionFailure("handled by value(of:)")
        }
    }

    /// Without leading and trailing spaces and tabs (RFC 9110 §5.5 OWS).
    static func trimmingOWS(_ value: String.UTF8View) -> Substring.UTF8View {
        let whole = value[...]
        guard let first = whole.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
            let last = whole.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })
        else { return whole[whole.endIndex...] }
        return whole[first...last]
    }
}
