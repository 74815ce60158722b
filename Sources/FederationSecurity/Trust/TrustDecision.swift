/// The verdict of a ``TrustEnforcer``, with the reason it was reached.
public struct TrustDecision: Sendable, Hashable, CustomStringConvertible {
    /// Why the enforcer decided as it did. The raw values are the `reason` strings of `Spec/trust.md`.
    public enum Reason: String, Sendable, Hashable {
        /// Mode `open`: every peer is trusted.
        case openMode = "open_mode"
        /// Mode `allowlist`: the origin or DID normalises to an allowlisted peer.
        case allowlisted = "allowlisted"
        /// Mode `allowlist`: neither the origin nor the DID is allowlisted.
        case notAllowlisted = "not_allowlisted"
        /// Mode `trustless`: no peer is trusted by name.
        case trustlessMode = "trustless_mode"
        /// Mode `allowlist`: neither name could be normalised (and none was allowlisted).
        case invalidPeer = "invalid_peer"
        /// Mode `allowlist`: no origin and no DID was given.
        case noPeer = "no_peer"
    }

    /// Whether the peer is trusted.
    public let trusted: Bool
    /// Why.
    public let reason: Reason
    /// The allowlisted peer that matched, in canonical form (mode `allowlist`, trusted only).
    public let matchedPeer: PeerName?

    public var description: String {
        "\(trusted ? "trusted" : "untrusted") (\(reason.rawValue)\(matchedPeer.map { ": \($0)" } ?? ""))"
    }
}

// MARK: - JSON

extension TrustDecision {
    /// `{"trusted", "reason", "matched_peer"?}`, as the vectors and `fedsec trust decide` write it.
    public var json: JSONObject {
        var out = JSONObject(uniqueMembers: [
            .init("trusted", .bool(trusted)), .init("reason", .string(reason.rawValue)),
        ])
        if let matchedPeer { out.set("matched_peer", .string(matchedPeer.canonical)) }
        return out
    }
}
