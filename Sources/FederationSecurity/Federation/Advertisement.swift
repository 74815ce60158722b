/// An Agent Mesh Framework capability advertisement, validated before anything else is done with it
/// (`Spec/amf.md` §Advertisements).
///
/// `{"agent_id", "version", "protocol", "endpoint", "capabilities": [tag…]}` plus optional `"name"`; nothing else.
public struct Advertisement: Sendable, Hashable {
    /// The largest advertisement accepted, in bytes (AMF).
    public static let maxBytes = 512
    /// The protocols an advertised agent may speak.
    public static let protocols: Set<String> = ["a2a", "mcp", "https", "grpc"]
    /// The most capability tags.
    public static let maxTags = 32

    public let agentID: String
    public let name: String?
    public let version: String
    public let protocolName: String
    public let endpoint: String
    public let capabilities: [String]

    static let required = ["agent_id", "version", "protocol", "endpoint", "capabilities"]
    static let members: Set<String> = ["agent_id", "name", "version", "protocol", "endpoint", "capabilities"]

    /// Validates and reads an advertisement.
    /// - Throws: in this order: `advertisement.too_large`; `json.*`; `advertisement.malformed` (not an object);
    ///   `advertisement.unknown_field`; `advertisement.missing_field`; then per member `advertisement.malformed`,
    ///   `advertisement.invalid_version`, `advertisement.invalid_protocol`, `advertisement.invalid_tag`.
    public init(bytes: some Collection<UInt8>) throws(FederationError) {
        guard bytes.count <= Self.maxBytes else {
            throw FederationError(
                .advertisementTooLarge, "advertisement of \(bytes.count) bytes, limit \(Self.maxBytes)")
        }
        let value = try JSONReader(limits: .init(maxBytes: Self.maxBytes, maxDepth: 3)).parse(bytes)
        guard let object = value.objectValue else { throw Self.malformed("an advertisement is a JSON object") }
        for key in object.keys where !Self.members.contains(key) {
            throw FederationError(.advertisementUnknownField, "unknown member '\(key.prefix(64))'")
        }
        for key in Self.required where object[key] == nil {
            throw FederationError(.advertisementMissingField, "\(key) is required")
        }
        func string(_ key: String, max: Int) throws(FederationError) -> String {
            guard let s = object[key]?.stringValue, (1...max).contains(s.utf8.count) else {
                throw Self.malformed("\(key) must be a string of 1-\(max) bytes")
            }
            return s
        }
        agentID = try string("agent_id", max: 128)
        name = object["name"] == nil ? nil : try string("name", max: 128)
        version = try string("version", max: 64)
        guard SemanticVersion.isValid(version) else {
            throw FederationError(.advertisementInvalidVersion, "version must be SemVer 2.0.0 (MAJOR.MINOR.PATCH)")
        }
        protocolName = try string("protocol", max: 16)
        guard Self.protocols.contains(protocolName) else {
            throw FederationError(.advertisementInvalidProtocol, "protocol must be one of a2a, mcp, https, grpc")
        }
        endpoint = try string("endpoint", max: 256)
        guard endpoint.hasPrefix("https://") || endpoint.hasPrefix("wss://") else {
            throw Self.malformed("endpoint must be an https:// or wss:// URL")
        }
        guard let tags = object["capabilities"]?.arrayValue, (1...Self.maxTags).contains(tags.count) else {
            throw Self.malformed("capabilities must be an array of 1-\(Self.maxTags) tags")
        }
        var seen: Set<String> = []
        for tag in tags {
            guard let s = tag.stringValue, Self.isTag(s), seen.insert(s).inserted else {
                throw FederationError(
                    .advertisementInvalidTag, "a capability tag is 1-64 bytes of [a-z0-9-], listed once")
            }
        }
        capabilities = tags.compactMap(\.stringValue)
    }

    /// `[a-z0-9-]+`, at most 64 bytes.
    public static func isTag(_ tag: String) -> Bool {
        (1...64).contains(tag.utf8.count)
            && tag.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    static func malformed(_ reason: String) -> FederationError {
        FederationError(.advertisementMalformed, reason)
    }
}
