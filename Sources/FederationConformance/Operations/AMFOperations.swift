import FederationSecurity

/// `advertisement.*`, `delegation.*`, `pin.*`: the Agent Mesh Framework rules.
enum AMFOperations {
    static let handlers: [String: OperationHandler] = [
        "advertisement.validate": { input throws(FederationError) in
            let ad = try Advertisement(bytes: Array(try input.string("text").utf8))
            return JSONObject(uniqueMembers: [
                .init("agent_id", .string(ad.agentID)), .init("protocol", .string(ad.protocolName)),
                .init("capabilities", .array(ad.capabilities.map { .string($0) })),
            ])
        },
        "delegation.verify": { input throws(FederationError) in
            guard let items = try JSONReader().parse(try input.string("chain")).arrayValue else {
                throw FederationError(.delegationMalformed, "a chain is a JSON array of links")
            }
            var chain: [DelegationLink] = []
            for item in items { chain.append(try DelegationLink(json: item)) }
            let depth = try input.optionalInteger("max_depth") ?? Int64(DelegationRules.defaultMaxDepth)
            guard (1...Int64(DelegationRules.hardMaxDepth)).contains(depth) else {
                throw OperationInput.bad("max_depth must be 1...\(DelegationRules.hardMaxDepth)")
            }
            let strict = try input.fields["strict"] == nil ? false : input.bool("strict")
            let scopes = try DelegationRules(maxDepth: Int(depth), strictSubset: strict).verify(chain)
            return JSONObject(uniqueMembers: [
                .init(
                    "scopes", .array(scopes.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { .string($0) }))
            ])
        },
        "pin.check": { input throws(FederationError) in
            let store = PinStore(
                capacity: Int(try input.optionalInteger("capacity") ?? Int64(PinStore.defaultCapacity)))
            for member in input.fields["pins"]?.objectValue ?? JSONObject() {
                guard let fingerprint = member.value.stringValue else {
                    throw OperationInput.bad("pins values are strings")
                }
                try store.check(peer: try PeerName(member.key), fingerprint: fingerprint)
            }
            let peer = try PeerName(try input.string("peer"))
            let outcome = try store.check(peer: peer, fingerprint: try input.string("fingerprint"))
            return output(["outcome": outcome.rawValue, "peer": peer.canonical])
        },
        "pin.fingerprint": { input throws(FederationError) in
            output(["fingerprint": PinStore.fingerprint(certificateDER: try input.bytes("certificate"))])
        },
    ]
}
