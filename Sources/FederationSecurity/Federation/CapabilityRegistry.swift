/// The capabilities a kernel knows: its own ids and those imported from remote manifests.
///
/// Import is all-or-nothing: every check runs over the whole manifest before anything is registered, so a manifest
/// that fails leaves the registry as it was (`Spec/manifests.md` §Import).
public struct CapabilityRegistry: Sendable {
    /// Ids of local capabilities.
    public private(set) var localIDs: Set<String> = []
    /// Imported capabilities by id.
    public private(set) var imported: [String: ImportedCapability] = [:]

    public init(localIDs: Set<String> = []) {
        self.localIDs = localIDs
    }

    /// Whether an id is taken, locally or by an import.
    public func contains(_ id: String) -> Bool {
        localIDs.contains(id) || imported[id] != nil
    }

    /// Imports a manifest, resolving the signer's key with `resolver`.
    /// - Parameters:
    ///   - manifest: the manifest bytes exactly as received.
    ///   - signature: the detached JWS received with them, or `nil`.
    /// - Returns: the imported capabilities, in manifest order.
    /// - Throws: in this order: `manifest.too_large`; `manifest.unsigned` or the signature's codes
    ///   (`manifest.wrong_signer`, `envelope.*`, `did.*`, `crypto.signature_invalid`); `json.*`; `manifest.malformed`,
    ///   `manifest.unsupported_version`, `manifest.too_many_capabilities`, `manifest.internal_field`;
    ///   `manifest.duplicate_capability`, `manifest.capability_exists`.
    @discardableResult
    public mutating func importManifest(
        _ manifest: [UInt8], signature: String?, options: ManifestImportOptions, resolver: any KeyResolver, now: Int64
    ) async throws(FederationError) -> [ImportedCapability] {
        try Self.checkSize(manifest, options)
        var signedBy: String?
        if let signature {
            signedBy = try await ManifestSignature.verify(
                signature, manifest: manifest, expectedSigner: try Self.signer(options), resolver: resolver, now: now,
                maxBytes: options.maxBytes)
        } else {
            try Self.checkUnsigned(options)
        }
        return try register(manifest, signedBy: signedBy, options: options)
    }

    /// Imports a manifest whose signer's key the caller holds.
    /// - Throws: as ``importManifest(_:signature:options:resolver:now:)``, without `did.*`.
    @discardableResult
    public mutating func importManifest(
        _ manifest: [UInt8], signature: String?, options: ManifestImportOptions, signerKey: Ed25519.PublicKey
    ) throws(FederationError) -> [ImportedCapability] {
        try Self.checkSize(manifest, options)
        var signedBy: String?
        if let signature {
            signedBy = try ManifestSignature.verify(
                signature, manifest: manifest, expectedSigner: try Self.signer(options), key: signerKey,
                maxBytes: options.maxBytes)
        } else {
            try Self.checkUnsigned(options)
        }
        return try register(manifest, signedBy: signedBy, options: options)
    }

    private mutating func register(
        _ bytes: [UInt8], signedBy: String?, options: ManifestImportOptions
    ) throws(FederationError) -> [ImportedCapability] {
        let value = try JSONReader(limits: .init(maxBytes: options.maxBytes, maxDepth: 32)).parse(bytes)
        let manifest = try CapabilityManifest(json: value, maxCapabilities: options.maxCapabilities)
        var seen: Set<String> = []
        var batch: [ImportedCapability] = []
        batch.reserveCapacity(manifest.capabilities.count)
        for descriptor in manifest.capabilities {
            let id = descriptor.capabilityID
            guard seen.insert(id).inserted else {
                throw FederationError(.manifestDuplicateCapability, "capability '\(id.prefix(64))' is listed twice")
            }
            guard !contains(id) else {
                throw FederationError(.manifestCapabilityExists, "capability '\(id.prefix(64))' is already registered")
            }
            let sensitivity = try TrustComposition.compose(
                options.trustPolicy, local: SideDecision(allowed: true),
                remote: SideDecision(allowed: true, sensitivity: descriptor.sensitivity)
            ).sensitivity
            batch.append(
                ImportedCapability(
                    descriptor: descriptor, sensitivity: sensitivity, kernelID: manifest.kernelID,
                    endpoint: manifest.endpoint, signedBy: signedBy))
        }
        for capability in batch { imported[capability.descriptor.capabilityID] = capability }
        return batch
    }

    private static func checkSize(_ manifest: [UInt8], _ options: ManifestImportOptions) throws(FederationError) {
        guard manifest.count <= options.maxBytes else {
            throw FederationError(.manifestTooLarge, "manifest of \(manifest.count) bytes, limit \(options.maxBytes)")
        }
    }

    private static func checkUnsigned(_ options: ManifestImportOptions) throws(FederationError) {
        guard options.allowUnsigned else {
            throw FederationError(.manifestUnsigned, "unsigned manifest and unsigned imports are not allowed")
        }
    }

    private static func signer(_ options: ManifestImportOptions) throws(FederationError) -> String {
        guard let signer = options.expectedSigner else {
            throw FederationError(.manifestWrongSigner, "a signed manifest needs an expected signer")
        }
        return signer
    }
}
