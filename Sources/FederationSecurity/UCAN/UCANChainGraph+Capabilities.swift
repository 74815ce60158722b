extension UCANChainGraph {
    /// The tokens a verified record revokes: a record counts only when its issuer issued the token or a token in
    /// its proof chain (UCAN 0.10 §6.6).
    func revokedNodes(_ list: UCANRevocationList?) -> Set<Int> {
        guard let list, !list.isEmpty else { return [] }
        var revoked = Set<Int>()
        for (i, node) in nodes.enumerated() {
            guard let cid = node.cid else { continue }
            let records = list.records(revoking: cid)
            guard !records.isEmpty else { continue }
            let issuers = issuers(under: i)
            if records.contains(where: { issuers.contains($0.issuer.did) }) { revoked.insert(i) }
        }
        return revoked
    }

    /// DIDs of the issuers of token `i` and of every token in its proof chain.
    func issuers(under i: Int) -> Set<String> {
        var seen = Set<Int>()
        var stack = [i]
        var dids = Set<String>()
        while let n = stack.popLast() {
            guard seen.insert(n).inserted else { continue }
            dids.insert(nodes[n].token.issuer.did)
            stack.append(contentsOf: nodes[n].proofs)
        }
        return dids
    }

    /// The outer token's capabilities, each traced to root issuers through unrevoked proofs (§6.3).
    ///
    /// A token without proofs originates its capabilities. A token with proofs must have every capability enabled
    /// by a proven capability of one of its unrevoked proofs; every token in the DAG is checked, used or not.
    /// - Throws: `ucan.capability_escalation`; `ucan.revoked` when only revoked proofs would enable a capability,
    ///   or when every proof of a token is revoked.
    func provenCapabilities(rules: UCANAttenuationRules, revoked: Set<Int>) throws(FederationError)
        -> [UCANVerification.ProvenCapability]
    {
        // A lone token (the common case of no proofs) needs no memo.
        if nodes.count == 1, nodes[0].proofs.isEmpty { return originated(nodes[0]) }
        // By node index (an array, not a dictionary: no hashing, one allocation).
        var memo = [[UCANVerification.ProvenCapability]?](repeating: nil, count: nodes.count)
        return try proven(0, rules: rules, revoked: revoked, memo: &memo)
    }

    private func proven(
        _ i: Int, rules: UCANAttenuationRules, revoked: Set<Int>, memo: inout [[UCANVerification.ProvenCapability]?]
    ) throws(FederationError) -> [UCANVerification.ProvenCapability] {
        if let done = memo[i] { return done }
        let node = nodes[i]
        let result: [UCANVerification.ProvenCapability]
        if node.proofs.isEmpty {
            result = originated(node)
        } else {
            var sources: [UCANVerification.ProvenCapability] = []
            if node.proofs.count == 1, revoked.isEmpty {
                sources = try proven(node.proofs[0], rules: rules, revoked: revoked, memo: &memo)  // no copy
            } else {
                for j in node.proofs where !revoked.contains(j) {
                    sources += try proven(j, rules: rules, revoked: revoked, memo: &memo)
                }
            }
            let dead = revoked.isEmpty ? [] : node.proofs.filter { revoked.contains($0) }
            if dead.count == node.proofs.count {
                throw FederationError(.ucanRevoked, "every proof of \(node.label) is revoked")
            }
            result = try node.token.capabilities.entries.map { (capability) throws(FederationError) in
                // The union of the origins of every enabling source, without an array of the sources (one DID,
                // no set, while they all trace to the same root issuer).
                var origin: UCANVerification.ProvenCapability.Origin?
                for source in sources where rules.enables(source.capability, capability) {
                    origin = origin.map { $0.union(source.origin) } ?? source.origin
                }
                guard let origin else {
                    let deadEnables = dead.contains { j in
                        nodes[j].token.capabilities.entries.contains { rules.enables($0, capability) }
                    }
                    throw FederationError(
                        deadEnables ? .ucanRevoked : .ucanCapabilityEscalation,
                        "\(node.label) claims \(capability.resource) \(capability.ability), which "
                            + (deadEnables ? "only revoked proofs delegate" : "no proof delegates"))
                }
                return .init(capability: capability, origin: origin)
            }
        }
        memo[i] = result
        return result
    }

    /// The capabilities of a token without proofs, each originated by its issuer.
    private func originated(_ node: Node) -> [UCANVerification.ProvenCapability] {
        Self.originated(node.token)
    }

    /// The capabilities of `token`, without proofs, each originated by its issuer.
    static func originated(_ token: UCANToken) -> [UCANVerification.ProvenCapability] {
        let issuer = token.issuer.did
        return token.capabilities.entries.map { .init(capability: $0, origin: .one(issuer)) }
    }
}
