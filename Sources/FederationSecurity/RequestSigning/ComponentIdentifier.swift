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

    /// The parts, in one immutable box: copying an identifier (signature bases and `Signature-Input` readers copy
    /// them per request) is then one retain instead of one per string and array inside.
    private final class Storage: Sendable {
        let kind: Kind
        let item: SFItem
        let serializedBytes: [UInt8]

        init(kind: Kind, item: SFItem, serializedBytes: [UInt8]) {
            self.kind = kind
            self.item = item
            self.serializedBytes = serializedBytes
        }
    }

    private let storage: Storage

    public var kind: Kind { storage.kind }
    /// The identifier as an RFC 8941 item.
    var item: SFItem { storage.item }
    /// Its serialization, as it appears in the signature base and in `Signature-Input`.
    var serializedBytes: [UInt8] { storage.serializedBytes }

    /// The kind names the identifier completely (its name and the one parameter it may have; the item and its
    /// serialization follow from it), so equality and hashing are the kind's.
    public static func == (a: Self, b: Self) -> Bool { a.storage === b.storage || a.kind == b.kind }

    public func hash(into hasher: inout Hasher) { hasher.combine(kind) }

    static let derived: [String: Kind] = [
        "@method": .method, "@target-uri": .targetURI, "@authority": .authority, "@scheme": .scheme,
        "@request-target": .requestTarget, "@path": .path, "@query": .query, "@status": .status,
    ]

    /// Reads an identifier from a parsed inner-list member.
    /// - Throws: `request.invalid_component`.
    /// The parameterless derived components and common fields, built once: reading a covered component is then a
    /// comparison instead of a validation and a serialization.
    static let prebuilt: [ComponentIdentifier] = {
        let names =
            Array(derived.keys).sorted() + [
                "content-type", "content-digest", "content-length", "date", "host", "authorization", "digest",
            ]
        return names.compactMap { try? ComponentIdentifier(validating: SFItem(bare: .string($0), parameters: [])) }
    }()

    static func prebuilt(named name: String) -> ComponentIdentifier? {
        for known in prebuilt {
            if case .string(let knownName) = known.item.bare, knownName == name { return known }
        }
        return nil
    }

    init(item: SFItem) throws(FederationError) {
        if item.parameters.isEmpty, case .string(let name) = item.bare, let known = Self.prebuilt(named: name) {
            self = known
            return
        }
        try self.init(validating: item)
    }

    private init(validating item: SFItem) throws(FederationError) {
        func bad(_ why: String) -> FederationError { FederationError(.requestInvalidComponent, why) }
        guard case .string(let name) = item.bare else { throw bad("a component identifier is a string") }
        let params = item.parameters
        let kind: Kind
        if name == "@query-param" {
            guard params.count == 1, case .string(let param)? = item.parameter("name") else {
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
            for param in params {
                guard param.key == "bs", case .boolean(true) = param.value else {
                    throw bad("parameter \(param.key) on \(name) is not supported")
                }
                byteSequence = true
            }
            kind = .field(name: name, byteSequence: byteSequence)
        }
        var bytes: [UInt8] = []
        guard StructuredFieldSerializer.item(item, into: &bytes) else {
            throw bad("component identifier cannot be serialized (RFC 8941 strings are printable ASCII)")
        }
        storage = Storage(kind: kind, item: item, serializedBytes: bytes)
    }

    /// Parses one serialized identifier, e.g. `"@query-param";name="Pet"` or `"content-type"`.
    /// - Throws: `request.invalid_component`.
    public init(parsing text: String) throws(FederationError) {
        let item: SFItem
        do {
            item = try StructuredFields.item(Array(text.utf8))
        } catch {
            throw FederationError(.requestInvalidComponent, "not a serialized component identifier: \(text)")
        }
        try self.init(item: item)
    }

    /// The identifier as it appears in the signature base and in `Signature-Input`.
    public var serialized: String { String(decoding: serializedBytes, as: UTF8.self) }

    /// tchar (RFC 9110 §5.6.2) without upper-case letters.
    static func isLowercaseTokenByte(_ b: UInt8) -> Bool {
        !(0x41...0x5A).contains(b) && isTokenByte(b)
    }

    /// tchar (RFC 9110 §5.6.2).
    static func isTokenByte(_ b: UInt8) -> Bool {
        switch b {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2D, 0x2E, 0x5E, 0x5F, 0x60, 0x7C, 0x7E: true
        default: false
        }
    }
}
