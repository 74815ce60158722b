/// Bounds on the work one UCAN verification does (`Spec/limits.md`). Every limit is checked before the work it
/// bounds.
public struct UCANLimits: Sendable, Hashable {
    /// The longest token text, checked before anything is decoded (`ucan.too_large`).
    public var maxTokenBytes: Int
    /// The most links from the outer token to a root, the outer token included (`ucan.chain_too_deep`).
    public var maxChainDepth: Int
    /// The most `prf` entries in one token (`ucan.too_many_proofs`).
    public var maxProofsPerToken: Int
    /// The most distinct tokens in one verification, the outer one included (`ucan.too_many_proofs`).
    public var maxChainTokens: Int
    /// The most resource × ability pairs in one token (`ucan.too_many_capabilities`).
    public var maxCapabilities: Int
    /// The most caveat objects for one resource × ability pair (`ucan.too_many_capabilities`).
    public var maxCaveatsPerAbility: Int
    /// JSON nesting depth of a header or payload (`ucan.malformed`).
    public var maxJSONDepth: Int

    public init(
        maxTokenBytes: Int = 16 * 1024, maxChainDepth: Int = 16, maxProofsPerToken: Int = 16,
        maxChainTokens: Int = 64, maxCapabilities: Int = 64, maxCaveatsPerAbility: Int = 16, maxJSONDepth: Int = 16
    ) {
        self.maxTokenBytes = maxTokenBytes
        self.maxChainDepth = maxChainDepth
        self.maxProofsPerToken = maxProofsPerToken
        self.maxChainTokens = maxChainTokens
        self.maxCapabilities = maxCapabilities
        self.maxCaveatsPerAbility = maxCaveatsPerAbility
        self.maxJSONDepth = maxJSONDepth
    }

    /// The defaults above.
    public static let `default` = UCANLimits()
}
