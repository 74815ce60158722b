/// Decides whether a federation peer is trusted by name: openintent 0.17's `TrustEnforcer`, with normalised names.
///
/// openintent compares the origin and the DID to its allowlist as exact strings, so `https://partner.example.com/`,
/// `HTTPS://partner.example.com` and `did:web:partner.example.com` are three unrelated peers there. Here every name
/// is a ``PeerName``: all three are one peer, and a decision says why it was reached (`Spec/trust.md`).
/// A value type: `add`/`remove` change this copy only.
public struct TrustEnforcer: Sendable, Hashable {
    /// The mode.
    public var mode: TrustMode
    /// The allowlisted peers, canonical.
    public private(set) var peers: Set<PeerName>

    /// An enforcer.
    /// - Parameters:
    ///   - mode: `open`, `allowlist` or `trustless`.
    ///   - peers: allowlisted origins or DIDs (any spelling; kept in canonical form).
    /// - Throws: `trust.invalid_peer` for a name that does not normalise (a typo must not silently trust nobody).
    public init(mode: TrustMode, peers: [String] = []) throws(FederationError) {
        self.mode = mode
        self.peers = []
        for peer in peers { try add(peer) }
    }

    /// Adds a peer to the allowlist.
    /// - Throws: `trust.invalid_peer`.
    public mutating func add(_ peer: String) throws(FederationError) {
        peers.insert(try PeerName(peer))
    }

    /// Removes a peer (any spelling of it); returns whether it was there.
    /// - Throws: `trust.invalid_peer`.
    @discardableResult
    public mutating func remove(_ peer: String) throws(FederationError) -> Bool {
        peers.remove(try PeerName(peer)) != nil
    }

    /// Whether the peer at `origin`, presenting `did`, is trusted. Either name may match; a name that does not
    /// normalise never matches (it is not an error: it comes from the peer).
    /// - Parameters:
    ///   - origin: the peer's server URL, as received.
    ///   - did: the peer's DID, as received.
    /// - Returns: the decision and its reason.
    public func decide(origin: String?, did: String? = nil) -> TrustDecision {
        switch mode {
        case .open: return TrustDecision(trusted: true, reason: .openMode, matchedPeer: nil)
        case .trustless: return TrustDecision(trusted: false, reason: .trustlessMode, matchedPeer: nil)
        case .allowlist: break
        }
        guard origin != nil || did != nil else {
            return TrustDecision(trusted: false, reason: .noPeer, matchedPeer: nil)
        }
        var readable = false
        for name in [origin, did] {
            guard let name, let peer = try? PeerName(name) else { continue }
            readable = true
            if peers.contains(peer) { return TrustDecision(trusted: true, reason: .allowlisted, matchedPeer: peer) }
        }
        return TrustDecision(trusted: false, reason: readable ? .notAllowlisted : .invalidPeer, matchedPeer: nil)
    }
}

// MARK: - Normalised peers

extension TrustEnforcer {
    /// The decision for a peer that is already normalised (as held in a ``PolicyRequest``).
    public func decide(peer: PeerName?) -> TrustDecision {
        switch mode {
        case .open: return TrustDecision(trusted: true, reason: .openMode, matchedPeer: nil)
        case .trustless: return TrustDecision(trusted: false, reason: .trustlessMode, matchedPeer: nil)
        case .allowlist:
            guard let peer else { return TrustDecision(trusted: false, reason: .noPeer, matchedPeer: nil) }
            return peers.contains(peer)
                ? TrustDecision(trusted: true, reason: .allowlisted, matchedPeer: peer)
                : TrustDecision(trusted: false, reason: .notAllowlisted, matchedPeer: nil)
        }
    }

    /// Throws unless the peer is trusted.
    /// - Throws: `trust.denied`, whose reason is the decision's.
    public func require(origin: String?, did: String? = nil) throws(FederationError) -> TrustDecision {
        let decision = decide(origin: origin, did: did)
        guard decision.trusted else { throw FederationError(.trustDenied, "TrustEnforcer: \(decision)") }
        return decision
    }
}
