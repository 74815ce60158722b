/// A capability as a kernel holds it: the public descriptor plus what must stay local (which driver runs it, the
/// driver's configuration, the driver-side operation name).
public struct LocalCapability: Sendable, Hashable {
    /// The public part.
    public var descriptor: CapabilityDescriptor
    /// The driver that executes it.
    public var driverID: String
    /// The driver-side operation name.
    public var operation: String
    /// The driver's configuration (credentials, URLs, …).
    public var driverConfig: JSONObject

    public init(
        descriptor: CapabilityDescriptor, driverID: String, operation: String, driverConfig: JSONObject = JSONObject()
    ) {
        self.descriptor = descriptor
        self.driverID = driverID
        self.operation = operation
        self.driverConfig = driverConfig
    }
}

/// Building a manifest to advertise.
public enum ManifestAdvertiser {
    /// A manifest of `capabilities`' descriptors only: driver ids, operations and driver configuration are
    /// dropped by construction.
    public static func manifest(
        kernelID: String, capabilities: [LocalCapability], endpoint: String,
        trustLevel: CapabilityManifest.TrustLevel = .unverified
    ) -> CapabilityManifest {
        CapabilityManifest(
            kernelID: kernelID, capabilities: capabilities.map(\.descriptor), endpoint: endpoint, trustLevel: trustLevel
        )
    }

    /// A manifest from local capability records in JSON (`{descriptor members…, impl?, driver_id?, operation?,
    /// driver_config?, tool_hints?, parameters_model?}`): the internal members listed in
    /// ``CapabilityDescriptor/internalMembers`` are stripped; any other unknown member is rejected, because nothing
    /// says it is safe to publish.
    /// - Throws: `manifest.malformed`.
    public static func manifest(
        kernelID: String, records: [JSONValue], endpoint: String,
        trustLevel: CapabilityManifest.TrustLevel = .unverified
    ) throws(FederationError) -> CapabilityManifest {
        var descriptors: [CapabilityDescriptor] = []
        for record in records {
            guard var object = record.objectValue else { throw CapabilityDescriptor.malformed("a record is an object") }
            for key in CapabilityDescriptor.internalMembers { object.remove(key) }
            descriptors.append(try CapabilityDescriptor(json: .object(object)))
        }
        return CapabilityManifest(
            kernelID: kernelID, capabilities: descriptors, endpoint: endpoint, trustLevel: trustLevel)
    }
}
