extension ErrorCode {
    /// Manifest bytes over the importer's size limit (checked before anything is read).
    public static let manifestTooLarge = ErrorCode("manifest.too_large")
    /// More capabilities than the importer's count limit.
    public static let manifestTooManyCapabilities = ErrorCode("manifest.too_many_capabilities")
    /// A manifest or descriptor that does not decode: shape, missing, mistyped or unknown member, bad enum value.
    public static let manifestMalformed = ErrorCode("manifest.malformed")
    /// A descriptor carrying driver configuration or an internal operation name (never advertised).
    public static let manifestInternalField = ErrorCode("manifest.internal_field")
    /// A manifest `version` this library does not read.
    public static let manifestUnsupportedVersion = ErrorCode("manifest.unsupported_version")
    /// A manifest without a signature, and the importer did not explicitly allow unsigned manifests.
    public static let manifestUnsigned = ErrorCode("manifest.unsigned")
    /// A manifest signed by a key other than the expected kernel's.
    public static let manifestWrongSigner = ErrorCode("manifest.wrong_signer")
    /// The same capability id twice in one manifest.
    public static let manifestDuplicateCapability = ErrorCode("manifest.duplicate_capability")
    /// A capability id that is already registered locally.
    public static let manifestCapabilityExists = ErrorCode("manifest.capability_exists")
}
