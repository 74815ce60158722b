/// What a successful ``UCANVerifier/verify(_:options:)`` established.
public struct UCANVerification: Sendable {
    /// A capability of the outer token and the root issuers it was traced to.
    public struct ProvenCapability: Sendable, Hashable {
        public let capability: UCANCapability
        /// Where ``originators`` come from: most capabilities trace to one root issuer, kept as its DID (a
        /// one-element `Set` costs an allocation, a hash and a runtime metadata lookup, about 150 ns, per capability
        /// of every verification); the set is built when asked for.
        let origin: Origin

        enum Origin: Sendable {
            case one(String)
            case many(Set<String>)

            var set: Set<String> {
                switch self {
                case .one(let did): [did]
                case .many(let dids): dids
                }
            }

            /// The union of two origins (still one DID when both are the same one).
            func union(_ other: Origin) -> Origin {
                if case .one(let a) = self, case .one(let b) = other, a == b { return self }
                return .many(set.union(other.set))
            }
        }

        init(capability: UCANCapability, origin: Origin) {
            self.capability = capability
            self.origin = origin
        }

        /// DIDs (without fragments) of the root tokens' issuers the capability comes from. The application must
        /// check that one of them owns the resource (UCAN 0.10 §6.3: "until a root proof is found (i.e. issued by
        /// the resource owner)").
        public var originators: Set<String> { origin.set }

        /// As if ``originators`` were a stored set.
        public static func == (lhs: ProvenCapability, rhs: ProvenCapability) -> Bool {
            guard lhs.capability == rhs.capability else { return false }
            if case .one(let a) = lhs.origin, case .one(let b) = rhs.origin { return a == b }
            return lhs.originators == rhs.originators
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(capability)
            hasher.combine(originators)
        }
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
