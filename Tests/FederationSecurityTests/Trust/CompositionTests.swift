import FederationSecurity
import Testing

@Suite struct CompositionTests {
    @Test func sensitivityOrderAndUnion() throws {
        #expect(Sensitivity.allCases.map(\.name) == ["NONE", "MEMORY", "PII", "PCI", "SECRETS"])
        #expect(Sensitivity.pii.union(.memory) == .pii)
        #expect(Sensitivity.none.union(.secrets) == .secrets)
        #expect(throws: FederationError(.trustUnknownSensitivity)) { try Sensitivity(name: "pii") }
        #expect(try Sensitivity(name: "PCI") == .pci)
    }

    @Test(arguments: ImportTrustPolicy.allCases)
    func noPolicyLetsARemoteOverrideALocalDeny(_ policy: ImportTrustPolicy) throws {
        let decision = try TrustComposition.compose(
            policy, local: SideDecision(allowed: false), remote: SideDecision(allowed: true))
        #expect(!decision.allowed)
        #expect(decision.deniedBy == .local)
        #expect(decision.constraints.count == 0)
    }

    @Test func remoteDenyIsIgnoredOnlyByLocalOnly() throws {
        for policy in ImportTrustPolicy.allCases {
            let decision = try TrustComposition.compose(
                policy, local: SideDecision(allowed: true), remote: SideDecision(allowed: false))
            #expect(decision.allowed == (policy == .localOnly))
        }
        let both = try TrustComposition.compose(
            .remoteDeferred, local: SideDecision(allowed: false), remote: SideDecision(allowed: false))
        #expect(both.deniedBy == .remote)
    }

    @Test func constraintsIntersect() throws {
        let local = try JSONObject([
            "max_rows": .number(.integer(100)), "allowed_fields": .array([.string("b"), .string("a")]),
        ])
        let remote = try JSONObject([
            "max_rows": .number(.integer(10)), "allowed_fields": .array([.string("a"), .string("c")]),
        ])
        let decision = try TrustComposition.compose(
            .mostRestrictive, local: SideDecision(allowed: true, sensitivity: .pii, constraints: local),
            remote: SideDecision(allowed: true, sensitivity: .memory, constraints: remote))
        #expect(decision.sensitivity == .pii)
        #expect(decision.constraints["max_rows"] == .number(.integer(10)))
        #expect(decision.constraints["allowed_fields"] == .array([.string("a")]))
        // The result admits only requests that both sides admit.
        for rows: Int64 in [5, 10, 11, 100] {
            let request = try JSONObject(["rows": .number(.integer(rows))])
            let both =
                (try? TokenConstraints.evaluate(local, request: request)) != nil
                && (try? TokenConstraints.evaluate(remote, request: request)) != nil
            #expect(((try? TokenConstraints.evaluate(decision.constraints, request: request)) != nil) == both)
        }
    }

    @Test func conflictingPinsAndUnknownConstraints() throws {
        let a = try JSONObject([
            "args": .object(try JSONObject(["t": .object(try JSONObject(["pinned": .string("x")]))]))
        ])
        let b = try JSONObject([
            "args": .object(try JSONObject(["t": .object(try JSONObject(["pinned": .string("y")]))]))
        ])
        #expect(throws: FederationError(.trustConstraintConflict)) {
            try TrustComposition.compose(
                .mostRestrictive, local: SideDecision(allowed: true, constraints: a),
                remote: SideDecision(allowed: true, constraints: b))
        }
        let unknown = try JSONObject(["max_calls": .number(.integer(1))])
        #expect(throws: FederationError(.tokenUnknownConstraint)) {
            try TrustComposition.compose(
                .localOnly, local: SideDecision(allowed: true),
                remote: SideDecision(allowed: true, constraints: unknown))
        }
    }

    @Test func policyExpressionBounds() throws {
        var text = #"{"max_rows":1}"#
        for _ in 0..<PolicyExpression.maxDepth { text = #"{"all_of":[\#(text)]}"# }
        _ = try PolicyExpression.parse(try JSONReader().parse(text))
        #expect(throws: FederationError(.trustUnknownPolicy)) {
            try PolicyExpression.parse(try JSONReader().parse(#"{"all_of":[\#(text)]}"#))
        }
        let many =
            "[" + Array(repeating: #"{"max_rows":1}"#, count: PolicyExpression.maxNodes).joined(separator: ",") + "]"
        #expect(throws: FederationError(.trustUnknownPolicy)) {
            try PolicyExpression.parse(try JSONReader().parse(#"{"all_of":\#(many)}"#))
        }
        let fits =
            "[" + Array(repeating: #"{"max_rows":1}"#, count: PolicyExpression.maxNodes - 1).joined(separator: ",")
            + "]"
        _ = try PolicyExpression.parse(try JSONReader().parse(#"{"all_of":\#(fits)}"#))
    }
}
