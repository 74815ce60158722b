/// How an importer reads remote manifests, and the limits it applies.
public struct ManifestImportOptions: Sendable, Hashable {
    /// The DID whose key must have signed the manifest (`nil`: only unsigned manifests can be imported, and only
    /// with ``allowUnsigned``).
    public var expectedSigner: String?
    /// Accept a manifest that has no signature at all. Off by default; a signature that is present must verify
    /// whatever this says.
    public var allowUnsigned: Bool
    /// The largest manifest accepted, in bytes (checked first).
    public var maxBytes: Int
    /// The most capabilities in one manifest.
    public var maxCapabilities: Int
    /// How the remote sensitivity tag is weighed (``TrustComposition``, the local side counting as `NONE`).
    public var trustPolicy: ImportTrustPolicy

    /// The default limits: 256 KiB, 256 capabilities.
    public static let defaultMaxBytes = 256 * 1024
    public static let defaultMaxCapabilities = 256

    public init(
        expectedSigner: String?, allowUnsigned: Bool = false, maxBytes: Int = defaultMaxBytes,
        maxCapabilities: Int = defaultMaxCapabilities, trustPolicy: ImportTrustPolicy = .mostRestrictive
    ) {
        self.expectedSigner = expectedSigner
        self.allowUnsigned = allowUnsigned
        self.maxBytes = maxBytes
        self.maxCapabilities = maxCapabilities
        self.trustPolicy = trustPolicy
    }
}

/// A capability registered from a remote manifest.
public struct ImportedCapability: Sendable, Hashable {
    /// The remote descriptor, as advertised.
    public let descriptor: CapabilityDescriptor
    /// The sensitivity it carries here, after the import trust policy.
    public let sensitivity: Sensitivity
    /// The advertising kernel.
    public let kernelID: String
    /// Where to reach it.
    public let endpoint: String
    /// The key id whose signature verified, or `nil` for an unsigned import.
    public let signedBy: String?
}
