/// The proof DAG of one verification: every token reachable through `prf`, each decoded once, with the key-free
/// checks of each delegation edge done as the edge is found.
struct UCANChainGraph {
    struct Node {
        let token: UCANToken
        /// `nil` only for the outer token when nothing needs its CID.
        let cid: CID?
        /// Indices of its proofs, in `prf` order.
        var proofs: [Int] = []
        /// Links from this token to its farthest root, itself included.
        var height = 1
        /// Taken from the verified-proof cache: its signature is known to verify.
        var verified = false

        var label: String { cid.map { "token \($0)" } ?? "the token" }
    }

    /// Index 0 is the outer token; the rest in depth-first discovery order.
    private(set) var nodes: [Node]
    private var index: [CID: Int] = [:]
    let limits: UCANLimits

    /// - Parameter needsCID: whether the outer token's CID is needed (for revocation). Otherwise it is not hashed: a
    ///   proof naming the outer token is found by its text instead (``isOuterToken(_:)``).
    init(leaf: UCANToken, limits: UCANLimits, needsCID: Bool) {
        let cid = needsCID ? leaf.cid : nil
        nodes = [Node(token: leaf, cid: cid)]
        if !leaf.proofs.isEmpty {
            // Room for a short chain at once (growing one entry at a time reallocates and, for the index, rehashes).
            nodes.reserveCapacity(8)
            index.reserveCapacity(8)
        }
        if let cid { index[cid] = 0 }
        self.limits = limits
    }

    var order: [Node] { nodes }

    /// Fetches, hashes, decodes and checks every proof, depth first in `prf` order.
    mutating func load(from store: any UCANProofStore, cache: UCANSignatureCache?, now: Int64)
        async throws(FederationError)
    {
        var path: [CID] = []
        path.reserveCapacity(8)  // one allocation for a short chain, not one per doubling
        if let cid = nodes[0].cid { path.append(cid) }
        try await visit(0, depth: 1, path: &path, store: store, cache: cache, now: now)
    }

    /// - Parameter path: the CIDs from the outer token down to token `i`, as on entry when this returns (one array
    ///   for the whole walk; after a throw its content does not matter).
    private mutating func visit(
        _ i: Int, depth: Int, path: inout [CID], store: any UCANProofStore, cache: UCANSignatureCache?, now: Int64
    ) async throws(FederationError) {
        for cid in nodes[i].token.proofs {
            guard !path.contains(cid) else { throw FederationError(.ucanProofCycle, "\(cid) proves itself") }
            let j: Int
            if let known = index[cid] {
                j = known
                try checkEdge(child: i, proof: j)
                guard depth + nodes[j].height <= limits.maxChainDepth else { throw tooDeep() }
            } else {
                guard nodes.count < limits.maxChainTokens else {
                    throw FederationError(.ucanTooManyProofs, "over \(limits.maxChainTokens) tokens in one chain")
                }
                guard depth < limits.maxChainDepth else { throw tooDeep() }
                if let cached = cache?.token(for: cid, now: now) {
                    nodes.append(Node(token: cached, cid: cid, verified: true))
                    index[cid] = nodes.count - 1
                    j = nodes.count - 1
                } else {
                    j = try await fetch(cid, from: store)
                }
                // A proof that is the outer token itself (found by its text when the outer CID was not computed:
                // the same CID means the same text) closes a cycle, as a CID on the path does.
                guard !isOuterToken(j) else { throw FederationError(.ucanProofCycle, "\(cid) proves itself") }
                try checkEdge(child: i, proof: j)
                path.append(cid)
                try await visit(j, depth: depth + 1, path: &path, store: store, cache: cache, now: now)
                path.removeLast()
            }
            nodes[i].proofs.append(j)
            nodes[i].height = max(nodes[i].height, nodes[j].height + 1)
        }
    }

    /// Adds the proof stored under `cid`, after checking its bytes hash to `cid`.
    private mutating func fetch(_ cid: CID, from store: any UCANProofStore) async throws(FederationError) -> Int {
        // A store keeping proofs decoded answers with the token: taken when decoded under these limits, and hashed
        // as text would be (the store is trusted with neither).
        if let decoded = store.decodedToken(for: cid, limits: limits), decoded.decodedUnder == limits {
            // `cid` is hashed from the token's own text, once per token object (a stored token is not re-hashed
            // at every verification through it).
            guard decoded.cid == cid else {
                throw FederationError(.ucanInvalidProof, "the stored proof does not hash to \(cid)")
            }
            nodes.append(Node(token: decoded, cid: cid))
            index[cid] = nodes.count - 1
            return nodes.count - 1
        }
        // A store with the token at hand (in memory) answers without an async call.
        let stored: String?
        if let atHand = store.storedToken(for: cid) {
            stored = atHand
        } else {
            stored = await store.token(for: cid)
        }
        guard let text = stored else {
            throw FederationError(.ucanProofNotFound, "no proof \(cid) in the proof store")
        }
        guard text.utf8.count <= limits.maxTokenBytes else {
            throw FederationError(.ucanTooLarge, "proof \(cid) over \(limits.maxTokenBytes) bytes")
        }
        guard CID.rawSHA256(of: text.utf8) == cid else {
            throw FederationError(.ucanInvalidProof, "the stored proof does not hash to \(cid)")
        }
        let token: UCANToken
        do {
            token = try UCANToken(decoding: text, limits: limits)
        } catch {
            throw FederationError(error.code, "proof \(cid): \(error.reason)")
        }
        nodes.append(Node(token: token, cid: cid))
        index[cid] = nodes.count - 1
        return nodes.count - 1
    }

    /// Whether node `j` (a proof just added) is the outer token, when the outer token's CID is not on the path.
    private func isOuterToken(_ j: Int) -> Bool {
        nodes[0].cid == nil && UTF8Equality.equal(nodes[j].token.encoded, nodes[0].token.encoded)
    }

    private func tooDeep() -> FederationError {
        FederationError(.ucanChainTooDeep, "chain longer than \(limits.maxChainDepth) tokens")
    }

    /// §6.1 timely delegation, then §6.2 principal alignment (fragments ignored). Time comes first: the two
    /// `timeBoundsViolation` fixtures of ucan-wg are also misaligned (their proofs are addressed to the proof's own
    /// audience, not to the delegating issuer), and they name the time rule.
    private func checkEdge(child i: Int, proof j: Int) throws(FederationError) {
        let child = nodes[i].token
        let proof = nodes[j].token
        let endsInside: Bool
        switch (proof.expiration, child.expiration) {
        case (nil, _): endsInside = true
        case (.some, nil): endsInside = false
        case (.some(let p), .some(let c)): endsInside = c <= p
        }
        guard proof.validFrom <= child.validFrom, endsInside else {
            throw FederationError(.ucanTimeBoundsViolation, "time bounds are not inside those of \(nodes[j].label)")
        }
        guard proof.audience.did == child.issuer.did else {
            throw FederationError(
                .ucanPrincipalMisaligned, "\(nodes[j].label) is addressed to \(proof.audience.did), not the issuer")
        }
    }
}
