extension KernelTokenClaims {
    /// The limits the claims are read with: the token's size limit and depth 16.
    static let readerLimits = JSONReader.Limits(maxBytes: KernelToken.maxLength, maxDepth: 16)

    /// How the claims bytes are read. Both readers accept and reject exactly the same inputs with the same claims:
    /// ``commonShapeFirst`` only answers itself for inputs the generic reader would accept (see
    /// ``KernelTokenClaimsCommonShape``) and hands everything else to it.
    @_spi(Differential)
    public enum Reader: Sendable {
        /// ``JSONReader`` into a ``JSONValue``, then ``KernelTokenClaims/init(parsing:)``.
        case generic
        /// The single-pass reader for the common shape, falling back to ``generic`` for anything else.
        case commonShapeFirst
    }

    /// Reads claims from the JSON bytes of a token, strictly (`Spec/kernel-tokens.md`, Claims).
    /// - Throws: `token.malformed` for a claim set that is not exactly the known members with the right types, a
    ///   `json.*` code for bytes that are not strict I-JSON.
    public init(json bytes: some Collection<UInt8>) throws(FederationError) {
        let result = TextBytes.withBytes(bytes) { buffer in
            Result { () throws(FederationError) in try Self(json: buffer, reader: .commonShapeFirst) }
        }
        self = try result.get()
    }

    /// Reads claims with `reader`.
    @_spi(Differential)
    public init(json bytes: UnsafeBufferPointer<UInt8>, reader: Reader) throws(FederationError) {
        if reader == .commonShapeFirst, let claims = KernelTokenClaimsCommonShape.read(bytes) {
            self = claims
        } else {
            self = try Self(parsing: try JSONReader(limits: Self.readerLimits).parse(bytes))
        }
    }

    /// The common-shape reader alone: the claims when it answers, `nil` when it leaves the input to the generic path.
    @_spi(Differential)
    public static func readCommonShape(_ bytes: [UInt8]) -> KernelTokenClaims? {
        bytes.withUnsafeBufferPointer { KernelTokenClaimsCommonShape.read($0) }
    }
}
