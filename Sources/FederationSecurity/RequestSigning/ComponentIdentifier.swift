import RawStructuredFieldValues

/// A covered component: an RFC 8941 string naming a derived component (`@method`) or a header field (`date`), with
/// its parameters (RFC 9421 §2).
///
/// This profile allows `@method`, `@target-uri`, `@authority`, `@scheme`, `@request-target`, `@path`, `@query`,
/// `@query-param` (with exactly `name`), `@status` (responses), and header fields with no parameter or `bs`. Any
/// other name or parameter is `request.invalid_component` (fail closed: `sf`, `key`, `req`, `tr` are not supported).
public struct ComponentIdentifier: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case method, targetURI, authority, scheme, requestTarget, path, query, status
        case queryParam(name: String)
        case field(name: String, byteSequence: Bool)
    }

    public let kind: Kind
    /// The identifier as an RFC 8941 item, exactly as it is serialized in the signature base.
    let item: Item

    static let derived: [String: Kind] = [
        "@method": .method, "@target-uri": .targetURI, "@authority": .authority, "@scheme": .scheme,
        "@request-target": .requestTarget, "@path": .path, "@query": .query, "@status": .status,
    ]

    /// Reads an identifier from a parsed inner-list member.
    /// - Throws: `request.invalid_component`.
    init(item: Item) throws(FederationError) {
        func bad(_ why: String) -> FederationError { FederationError(.requestInvalidComponent, why) }
        guard case .string(let name) = item.rfc9651BareItem else { throw bad("a component identifier is a string") }
        let params = item.rfc9651Parameters
        if name == "@query-param" {
            guard params.count == 1, case .string(let param)? = params["name"] else {
                throw bad("@query-param takes exactly one string parameter `name`")
            }
            kind = .queryParam(name: param)
        } else if let derived = Self.derived[name] {
            guard params.count == 0 else { throw bad("\(name) takes no parameters") }
            kind = derived
        } else {
            guard !name.isEmpty, name.utf8.allSatisfy(Self.isLowercaseTokenByte) else {
                throw bad("field name \"\(name)\" is not a lower-case field name")
            }
            var byteSequence = false
            for (key, value) in params {
                guard key == "bs", case .bool(true) = value else {
                    throw bad("parameter \(key) on \(name) is not supported")
                }
                byteSequence = true
            }
            kind = .field(name: name, byteSequence: byteSequence)
        }
        self.item = item
    }

    /// Parses one serialized identifier, e.g. `"@query-param";name="Pet"` or `"content-type"`.
    /// - Throws: `request.invalid_component`.
    public init(parsing text: String) throws(FederationError) {
        var parser = StructuredFieldValueParser(Array(text.utf8))
        let item: Item
        do {
            item = try parser.parseItemFieldValue()
        } catch {
            throw FederationError(.requestInvalidComponent, "not a serialized component identifier: \(text)")
        }
        try self.init(item: item)
    }

    /// The identifier as it appears in the signature base and in `Signature-Input`.
    public var serialized: String {
        var serializer = StructuredFieldValueSerializer()
        // An identifier read by init(item:) is a valid item, so serialization cannot fail.
        let bytes = (try? serializer.writeItemFieldValue(item)) ?? []
        return String(decoding: bytes, as: UTF8.self)
    }

    /// tchar (RFC 9110 §5.6.2) without upper-case letters.
    static func isLowercaseTokenByte(_ b: UInt8) -> Bool {
        b.isASCIIDigit || (0x61...0x7A).contains(b) || "!#$%&'*+-.^_`|~".utf8.contains(b)
    }
}
