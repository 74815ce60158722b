import FederationSecurity

/// `trust.*`: peer names, enforcers, policy expressions, import-policy composition.
enum TrustOperations {
    static let handlers: [String: OperationHandler] = [
        "trust.peer.normalize": { input throws(FederationError) in
            output(["canonical": try PeerName(try input.string("peer")).canonical])
        },
        "trust.enforcer.decide": { input throws(FederationError) in
            let enforcer = try TrustEnforcer(
                mode: try TrustMode(name: try input.string("mode")), peers: try input.optionalStringArray("peers"))
            return enforcer.decide(origin: try input.optionalString("origin"), did: try input.optionalString("did"))
                .json
        },
        "trust.policy.evaluate": { input throws(FederationError) in
            let policy = try PolicyExpression.parse(try JSONReader().parse(try input.string("policy")))
            guard let request = try JSONReader().parse(try input.string("request")).objectValue else {
                throw OperationInput.bad("request must be a JSON object")
            }
            let evaluator = PolicyEvaluator(AnyAllOf([policy]))
            let judged = try policyRequest(request, now: try input.requireNow())
            switch try evaluator.judge(judged) {
            case .meetsPolicy: return JSONObject(uniqueMembers: [.init("allowed", .bool(true))])
            case .failsToMeetPolicy(let failure):
                return JSONObject(uniqueMembers: [
                    .init("allowed", .bool(false)), .init("policy", .string(failure.policy)),
                ])
            }
        },
        "trust.compose": { input throws(FederationError) in
            let policy = try ImportTrustPolicy(name: try input.string("policy"))
            return try TrustComposition.compose(
                policy, local: try side(input.fields["local"], "local"),
                remote: try side(input.fields["remote"], "remote")
            ).json
        },
    ]

    /// `{peer?, capability, sensitivity?, fields?}` → a request; the peer is normalised here (an unreadable peer
    /// is the vector's `trust.invalid_peer`).
    static func policyRequest(_ object: JSONObject, now: Int64) throws(FederationError) -> PolicyRequest {
        guard object.keys.allSatisfy({ ["peer", "capability", "sensitivity", "fields"].contains($0) }),
            let capability = object["capability"]?.stringValue
        else { throw OperationInput.bad("request is {peer?, capability, sensitivity?, fields?}") }
        let peer = try object["peer"].map { (value) throws(FederationError) in
            guard let text = value.stringValue else { throw OperationInput.bad("request.peer must be a string") }
            return try PeerName(text)
        }
        let sensitivity = try object["sensitivity"].map { (value) throws(FederationError) in
            guard let text = value.stringValue else { throw OperationInput.bad("request.sensitivity must be a string") }
            return try Sensitivity(name: text)
        }
        guard let fields = (object["fields"] ?? .object(JSONObject())).objectValue else {
            throw OperationInput.bad("request.fields must be an object")
        }
        return PolicyRequest(
            peer: peer, capability: capability, sensitivity: sensitivity ?? .none, fields: fields, now: now)
    }

    /// `{allowed, sensitivity, constraints?}` → one side's decision; another shape is the vector's fault.
    static func side(_ value: JSONValue?, _ name: String) throws(FederationError) -> SideDecision {
        do {
            return try SideDecision(json: value ?? .null)
        } catch  where error.code == .trustUnknownPolicy {
            throw OperationInput.bad("input.\(name) is {allowed, sensitivity, constraints?}")
        }
    }
}
