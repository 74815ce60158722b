/// What a kernel publishes about itself: its id, the manifest version, its capabilities, its endpoint and a trust
/// hint (weaver-kernel 0.12 `CapabilityManifest` shape; `Spec/manifests.md` §Manifest).
public struct CapabilityManifest: Sendable, Hashable {
    /// The only version this library reads and writes.
    public static let version = "1"

    /// Trust the publisher claims. Only a hint: the importer records whether a signature actually verified.
    public enum TrustLevel: String, Sendable, Hashable {
        case verified, unverified
    }

    /// Stable id of the advertising kernel.
    public var kernelID: String
    /// The advertised capabilities, in the advertiser's order.
    public var capabilities: [CapabilityDescriptor]
    /// Where the kernel can be reached (transport-specific; never invoked by import).
    public var endpoint: String
    /// The publisher's trust hint.
    public var trustLevel: TrustLevel

    public init(
        kernelID: String, capabilities: [CapabilityDescriptor], endpoint: String, trustLevel: TrustLevel = .unverified
    ) {
        self.kernelID = kernelID
        self.capabilities = capabilities
        self.endpoint = endpoint
        self.trustLevel = trustLevel
    }

    static let members: Set<String> = ["kernel_id", "version", "endpoint", "trust_level", "capabilities"]

    /// Reads a manifest value (already parsed by a bounded ``JSONReader``).
    /// - Parameter maxCapabilities: checked before any descriptor is decoded.
    /// - Throws: `manifest.malformed`, `manifest.unsupported_version`, `manifest.too_many_capabilities`,
    ///   `manifest.internal_field`.
    public init(json value: JSONValue, maxCapabilities: Int) throws(FederationError) {
        guard let object = value.objectValue else { throw CapabilityDescriptor.malformed("a manifest is an object") }
        for key in object.keys where !Self.members.contains(key) {
            throw CapabilityDescriptor.malformed("unknown manifest member '\(key.prefix(64))'")
        }
        guard let version = object["version"]?.stringValue else {
            throw CapabilityDescriptor.malformed("version must be a string")
        }
        guard version == Self.version else {
            throw FederationError(.manifestUnsupportedVersion, "manifest version must be \(Self.version)")
        }
        guard let kernel = object["kernel_id"]?.stringValue, (1...256).contains(kernel.utf8.count) else {
            throw CapabilityDescriptor.malformed("kernel_id must be a string of 1-256 bytes")
        }
        guard let endpoint = object["endpoint"]?.stringValue, (1...2048).contains(endpoint.utf8.count) else {
            throw CapabilityDescriptor.malformed("endpoint must be a non-empty string of at most 2048 bytes")
        }
        let level = object["trust_level"]?.stringValue ?? (object["trust_level"] == nil ? "unverified" : "")
        guard let trust = TrustLevel(rawValue: level) else {
            throw CapabilityDescriptor.malformed("trust_level must be verified or unverified")
        }
        guard let items = object["capabilities"]?.arrayValue else {
            throw CapabilityDescriptor.malformed("capabilities must be an array")
        }
        guard items.count <= maxCapabilities else {
            throw FederationError(.manifestTooManyCapabilities, "more than \(maxCapabilities) capabilities")
        }
        var descriptors: [CapabilityDescriptor] = []
        descriptors.reserveCapacity(items.count)
        for item in items { descriptors.append(try CapabilityDescriptor(json: item)) }
        self.init(kernelID: kernel, capabilities: descriptors, endpoint: endpoint, trustLevel: trust)
    }

    /// The manifest as JSON.
    public var json: JSONValue {
        .object(
            JSONObject(uniqueMembers: [
                .init("kernel_id", .string(kernelID)), .init("version", .string(Self.version)),
                .init("endpoint", .string(endpoint)), .init("trust_level", .string(trustLevel.rawValue)),
                .init("capabilities", .array(capabilities.map(\.json))),
            ]))
    }

    /// The bytes to transmit and sign: RFC 8785 canonical JSON of ``json``.
    /// - Throws: `json.*` (only for values JSON cannot hold).
    public func encoded() throws(FederationError) -> [UInt8] {
        try CanonicalJSON.encode(json)
    }
}
