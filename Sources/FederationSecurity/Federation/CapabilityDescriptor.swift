/// The public face of a capability, the only part of it a kernel advertises (`Spec/manifests.md` §Descriptor).
///
/// Never holds driver ids, driver configuration or internal operation names: ``LocalCapability/descriptor`` drops
/// them when advertising, and ``init(json:)`` rejects a descriptor that carries one (`manifest.internal_field`).
public struct CapabilityDescriptor: Sendable, Hashable {
    /// Stable, namespaced id (`billing.invoices.list`), 1–256 bytes.
    public var capabilityID: String
    /// Short human-readable name.
    public var name: String
    /// What the capability does.
    public var description: String
    /// READ, WRITE or DESTRUCTIVE.
    public var safetyClass: SafetyClass
    /// The sensitivity of the data it touches.
    public var sensitivity: Sensitivity
    /// Search tags.
    public var tags: [String]
    /// JSON Schema of the parameters, or `nil`.
    public var parametersSchema: JSONObject?

    public init(
        capabilityID: String, name: String, description: String, safetyClass: SafetyClass,
        sensitivity: Sensitivity = .none, tags: [String] = [], parametersSchema: JSONObject? = nil
    ) {
        self.capabilityID = capabilityID
        self.name = name
        self.description = description
        self.safetyClass = safetyClass
        self.sensitivity = sensitivity
        self.tags = tags
        self.parametersSchema = parametersSchema
    }

    /// The members a descriptor may have.
    static let members: Set<String> = [
        "capability_id", "name", "description", "safety_class", "sensitivity", "tags", "parameters_schema",
    ]
    /// Members that belong to the local side of a capability and must never cross the wire.
    public static let internalMembers: Set<String> = [
        "impl", "driver_id", "driver", "driver_config", "operation", "tool_hints", "parameters_model",
    ]
    /// The longest string member accepted (bytes of UTF-8).
    public static let maxStringBytes = 4096
    /// The most tags accepted.
    public static let maxTags = 64

    /// Reads a descriptor (weaver-kernel 0.12 `CapabilityDescriptor.to_dict` shape; `sensitivity`, `tags` and
    /// `parameters_schema` may be absent, as weaver's `from_dict` allows).
    /// - Throws: `manifest.internal_field`, `manifest.malformed`.
    public init(json value: JSONValue) throws(FederationError) {
        guard let object = value.objectValue else { throw Self.malformed("a descriptor is an object") }
        for key in object.keys where !Self.members.contains(key) {
            if Self.internalMembers.contains(key) {
                throw FederationError(.manifestInternalField, "descriptor carries internal member '\(key)'")
            }
            throw Self.malformed("unknown descriptor member '\(key.prefix(64))'")
        }
        func string(_ key: String) throws(FederationError) -> String {
            guard let s = object[key]?.stringValue, s.utf8.count <= Self.maxStringBytes else {
                throw Self.malformed("\(key) must be a string of at most \(Self.maxStringBytes) bytes")
            }
            return s
        }
        capabilityID = try string("capability_id")
        guard (1...256).contains(capabilityID.utf8.count) else { throw Self.malformed("capability_id is 1-256 bytes") }
        name = try string("name")
        description = try string("description")
        guard let safety = SafetyClass(rawValue: try string("safety_class")) else {
            throw Self.malformed("safety_class must be READ, WRITE or DESTRUCTIVE")
        }
        safetyClass = safety
        if let tag = object["sensitivity"] {
            guard let name = tag.stringValue, let level = try? Sensitivity(name: name) else {
                throw Self.malformed("sensitivity must be NONE, MEMORY, PII, PCI or SECRETS")
            }
            sensitivity = level
        } else {
            sensitivity = .none
        }
        let tagValues = object["tags"]?.arrayValue ?? []
        guard object["tags"] == nil || object["tags"]?.arrayValue != nil, tagValues.count <= Self.maxTags else {
            throw Self.malformed("tags must be an array of at most \(Self.maxTags) strings")
        }
        tags = []
        for tag in tagValues {
            guard let s = tag.stringValue, s.utf8.count <= 256 else {
                throw Self.malformed("a tag is a string ≤ 256 bytes")
            }
            tags.append(s)
        }
        switch object["parameters_schema"] {
        case nil, .null?: parametersSchema = nil
        case .object(let schema)?: parametersSchema = schema
        default: throw Self.malformed("parameters_schema must be an object or null")
        }
    }

    /// The descriptor as JSON, all seven members (`parameters_schema` null when absent).
    public var json: JSONValue {
        .object(
            JSONObject(uniqueMembers: [
                .init("capability_id", .string(capabilityID)), .init("name", .string(name)),
                .init("description", .string(description)), .init("safety_class", .string(safetyClass.rawValue)),
                .init("sensitivity", .string(sensitivity.name)), .init("tags", .array(tags.map { .string($0) })),
                .init("parameters_schema", parametersSchema.map { .object($0) } ?? .null),
            ]))
    }

    static func malformed(_ reason: String) -> FederationError {
        FederationError(.manifestMalformed, reason)
    }
}
