/// Which peers a ``TrustEnforcer`` accepts: openintent 0.17's three `TrustPolicy` values.
public enum TrustMode: String, Sendable, Hashable, CaseIterable {
    /// Every peer is trusted.
    case open
    /// Only peers on the allowlist are trusted.
    case allowlist
    /// No peer is trusted: every request must prove itself some other way (a verified token or UCAN).
    case trustless

    /// Reads `open`, `allowlist` or `trustless`.
    /// - Throws: `trust.unknown_policy`.
    public init(name: String) throws(FederationError) {
        guard let mode = Self(rawValue: name) else {
            throw FederationError(.trustUnknownPolicy, "trust mode must be open, allowlist or trustless")
        }
        self = mode
    }
}
