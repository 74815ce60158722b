import Synchronization
import FederationSecurity
import Testing

@Suite struct PolicyTests {
    let partner = try! PeerName("https://partner.example.com")
    let enforcer = try! TrustEnforcer(mode: .allowlist, peers: ["did:web:partner.example.com"])

    func request(capability: String = "db.query", sensitivity: Sensitivity = .pii, rows: Int64? = nil) -> PolicyRequest
    {
        var fields = JSONObject()
        if let rows { fields.set("rows", .number(.integer(rows))) }
        return PolicyRequest(peer: partner, capability: capability, sensitivity: sensitivity, fields: fields, now: 1000)
    }

    @Test func builderIsAndInOrderWithShortCircuit() {
        let evaluator = PolicyEvaluator {
            PeerTrustPolicy(enforcer: enforcer)
            CapabilityPolicy(allowed: ["db.query"])
            MaxSensitivityPolicy(.pii)
            MaxRowsPolicy(10)
        }
        #expect(evaluator.evaluate(request()).meetsPolicy)
        #expect(evaluator.evaluate(request(rows: 10)).meetsPolicy)
        guard case .failsToMeetPolicy(let failure) = evaluator.evaluate(request(capability: "x", sensitivity: .secrets))
        else { Issue.record("expected a failure"); return }
        #expect(failure.policy == "CapabilityPolicy")
        #expect(failure.reason.hasPrefix("CapabilityPolicy: "))
    }

    @Test func conditionalsInTheBuilder() {
        for strict in [true, false] {
            let evaluator = PolicyEvaluator {
                CapabilityPolicy(allowed: ["db.query"])
                if strict { MaxSensitivityPolicy(.memory) }
                if strict { MaxRowsPolicy(1) } else { MaxRowsPolicy(100) }
            }
            #expect(evaluator.evaluate(request(rows: 50)).meetsPolicy == !strict)
        }
    }

    @Test func oneOfMeetsOnAnyBranchAndEnforcesTheIntersection() {
        let or = OneOfPolicies {
            MaxRowsPolicy(5)
            CapabilityPolicy(allowed: ["db.count"])
        }
        #expect(or.enforcedFields.isEmpty)
        let evaluator = PolicyEvaluator(or)
        #expect(!evaluator.evaluate(request(rows: 1)).meetsPolicy, "rows is enforced by one branch only")
        #expect(evaluator.evaluate(request(capability: "db.count")).meetsPolicy)
        #expect(evaluator.evaluate(request()).meetsPolicy, "no fields: the rows branch meets")
        let both = OneOfPolicies {
            MaxRowsPolicy(5)
            MaxRowsPolicy(50)
        }
        #expect(both.enforcedFields == ["rows"])
        #expect(PolicyEvaluator(both).evaluate(request(rows: 20)).meetsPolicy)
        #expect(!PolicyEvaluator(both).evaluate(request(rows: 51)).meetsPolicy)
    }

    @Test func emptyAndIsMetEmptyOrIsNot() {
        #expect(PolicyEvaluator(AllOfPolicies {}).evaluate(request()).meetsPolicy)
        #expect(!PolicyEvaluator(OneOfPolicies {}).evaluate(request()).meetsPolicy)
    }

    @Test func unclaimedFieldFailsClosedBeforeAnyPolicy() throws {
        let evaluator = PolicyEvaluator { EmptyPolicy() }
        var asked = request()
        asked.fields.set("max_calls", .number(.integer(1)))
        guard case .failsToMeetPolicy(let failure) = evaluator.evaluate(asked) else {
            Issue.record("an unclaimed field was accepted"); return
        }
        #expect(failure.policy == "PolicyEvaluator")
        #expect(throws: FederationError(.trustUnenforcedField)) { try evaluator.require(asked) }
        #expect(throws: FederationError(.trustUnenforcedField)) { try evaluator.judge(asked) }
        #expect(try evaluator.judge(request()).meetsPolicy)
    }

    @Test func reasonIsBuiltLazily() {
        let counter = Counter()
        let result = PolicyResult.fails("P", counter.next())
        #expect(counter.count == 0)
        if case .failsToMeetPolicy(let failure) = result { #expect(failure.reason == "P: 1") }
        #expect(counter.count == 1)
        #expect(throws: FederationError(.trustDenied)) { try result.require() }
    }

    @Test func timeIsAnInput() {
        let window = PolicyEvaluator { TimeWindowPolicy(notBefore: 1000, notAfter: 1001) }
        var asked = request()
        #expect(window.evaluate(asked).meetsPolicy)
        asked.now = 1001
        #expect(!window.evaluate(asked).meetsPolicy)
    }
}

/// Counts how often a lazy reason is built.
final class Counter: Sendable {
    private let value = Mutex(0)
    var count: Int { value.withLock { $0 } }
    func next() -> String {
        value.withLock {
            $0 += 1; return String($0)
        }
    }
}
