/// What a successful ``UCANVerifier/verify(_:options:)`` established.
public struct UCANVerification: Sendable {
    /// A capability of the outer token and the root issuers it was traced to.
    public struct ProvenCapability: Sendable, Hashable {
        public let capability: UCANCapability
        /// DIDs (without fragments) of the root tokens' issuers the capability comes from. The application must
        /// check that one of them owns the resource (UCAN 0.10 §6.3: "until a root proof is found (i.e. issued by
        /// the resource owner)").
        public let originators: Set<String>
    }

    /// The outer token.
    public let token: UCANToken
    /// Its capabilities, in token order.
    public let capabilities: [ProvenCapability]
    /// Distinct tokens in the chain, the outer one included.
    public let chainTokens: Int
    /// Ed25519 verifications this call performed (tokens found in the ``UCANSignatureCache`` need none).
    public let signaturesVerified: Int
}
