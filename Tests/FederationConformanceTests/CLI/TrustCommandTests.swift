import FederationSecurity
import Foundation
import Testing

/// `fedsec trust decide`, run as the built binary on the trust vectors (expected values from openintent 0.17.0,
/// weaver-kernel 0.12.0 and Spec/trust.md, as each file says): exit 0 and the decision when allowed, exit 1 when
/// denied, exit 1 and `{"error": code}` when the input is rejected.
@Suite struct TrustCommandTests {
    /// Every `stride`-th case of a file (the in-process suites run them all; here the point is the command's
    /// translation of JSON in and out, so a spread is enough and keeps the run short).
    static func spread(_ file: String, stride: Int) throws -> [JSONValue] {
        let cases = try CLIVectors.cases(file)
        var seen = Set<String>()
        // Also the first case of each verdict (allowed, denied) and of each error code.
        return cases.enumerated().filter { index, c in
            let output = c["expected"]?["output"]
            let verdict = (output?["allowed"] ?? output?["trusted"])?.boolValue.map { "\($0)" }
            let key = c["expected"]?["error"]?.stringValue ?? verdict ?? ""
            return seen.insert(key).inserted || (index % stride == 0 && verdict != nil)
        }.map(\.element)
    }

    static func object(_ members: [(String, JSONValue?)]) -> String {
        let present = members.compactMap { key, value in value.map { JSONObject.Member(key, $0) } }
        return (try? CanonicalJSON.encodeString(.object(JSONObject(uniqueMembers: present)))) ?? "?"
    }

    /// Runs `trust decide -` on `input` and checks it against the case's expectation; `verdict` names the member
    /// that says yes or no.
    static func check(_ vector: JSONValue, input: String, verdict: String) throws {
        let id = vector["id"]?.stringValue ?? "?"
        let run = try FedSecProcess.run(["trust", "decide", "-"], stdin: Array(input.utf8))
        let printed = try JSONReader().parse(run.stdout.trimmingCharacters(in: .newlines))
        if let code = vector["expected"]?["error"]?.stringValue {
            #expect(
                run.status == 1 && printed == .object(JSONObject(uniqueMembers: [.init("error", .string(code))])),
                "\(id): \(run.allOutput)")
            return
        }
        let expected = vector["expected"]?["output"]?.objectValue ?? JSONObject()
        // Every member the vector states is printed with its value (the command may add `reason`).
        for member in expected {
            #expect(printed[member.key] == member.value, "\(id): \(member.key) in \(run.stdout)")
        }
        let allowed = expected[verdict]?.boolValue
        #expect(allowed != nil, "\(id)")
        #expect(run.status == (allowed == true ? 0 : 1), "\(id): exit \(run.status)")
    }

    @Test func enforcerDecisions() throws {
        let cases = try Self.spread("trust/enforcer.json", stride: 6)
        #expect(cases.count >= 6)
        for vector in cases {
            let input = vector["input"]
            let enforcer = Self.object([("mode", input?["mode"]), ("peers", input?["peers"])])
            let text = Self.object([
                ("enforcer", try JSONReader().parse(enforcer)), ("origin", input?["origin"]), ("did", input?["did"]),
            ])
            try Self.check(vector, input: text, verdict: "trusted")
        }
    }

    @Test func policyDecisions() throws {
        let cases = try Self.spread("trust/policies.json", stride: 6)
        #expect(cases.count >= 6)
        for vector in cases {
            let input = vector["input"]
            let policy = try JSONReader().parse(input?["policy"]?.stringValue ?? "")
            let request = try JSONReader().parse(input?["request"]?.stringValue ?? "")
            let text = Self.object([("policy", policy), ("request", request), ("now", vector["now"])])
            try Self.check(vector, input: text, verdict: "allowed")
        }
    }

    @Test func compositionDecisions() throws {
        let cases = try Self.spread("trust/compose.json", stride: 100)
        #expect(cases.count >= 6)
        for vector in cases {
            let input = vector["input"]
            let text = Self.object([
                ("compose", input?["policy"]), ("local", input?["local"]), ("remote", input?["remote"]),
            ])
            try Self.check(vector, input: text, verdict: "allowed")
        }
    }

    /// Members of the wrong type were read as absent: a sensitivity of ["SECRETS"] became NONE and `fields` given as
    /// text skipped the unenforced-field check, and both were allowed.
    @Test func wrongTypesAreRejectedNotDropped() throws {
        let cases: [(String, String)] = [
            (
                #"{"policy":{"max_sensitivity":"NONE"},"request":{"capability":"db.query","sensitivity":["SECRETS"]},"now":1}"#,
                "trust.unknown_sensitivity"
            ),
            (
                #"{"policy":{"capabilities":["db.query"]},"request":{"capability":"db.query","fields":"rows=5"},"now":1}"#,
                "trust.unknown_policy"
            ),
            (
                #"{"policy":{"capabilities":["db.query"]},"request":{"capability":"db.query","peer":5},"now":1}"#,
                "trust.invalid_peer"
            ),
            (
                #"{"enforcer":{"mode":"allowlist","peers":["https://partner.example.com",5]},"origin":"https://partner.example.com"}"#,
                "trust.invalid_peer"
            ),
            (#"{"enforcer":{"mode":"open"},"origin":7}"#, "trust.invalid_peer"),
        ]
        for (input, code) in cases {
            let run = try FedSecProcess.run(["trust", "decide", "-"], stdin: Array(input.utf8))
            #expect(run.status == 1 && run.lines == [#"{"error":"\#(code)"}"#], "\(input): \(run.allOutput)")
        }
        // The same requests with the right types are decided (denied: SECRETS is above NONE).
        let typed = try FedSecProcess.run(
            ["trust", "decide", "-"],
            stdin: Array(
                #"{"policy":{"max_sensitivity":"NONE"},"request":{"capability":"db.query","sensitivity":"SECRETS"},"now":1}"#
                    .utf8))
        #expect(typed.status == 1 && typed.stdout.hasPrefix(#"{"allowed":false,"policy":"MaxSensitivityPolicy""#))
    }

    @Test func aFileArgumentAndBadInput() throws {
        let folder = try TemporaryFolder()
        let file = folder.text(
            "allow.json",
            #"{"enforcer":{"mode":"allowlist","peers":["https://partner.example.com"]},"origin":"https://partner.example.com"}"#
        )
        let allowed = try FedSecProcess.run(["trust", "decide", file])
        #expect(allowed.status == 0)
        #expect(
            allowed.lines == [#"{"matched_peer":"did:web:partner.example.com","reason":"allowlisted","trusted":true}"#])
        let notJSON = try FedSecProcess.run(["trust", "decide", "-"], stdin: Array("{bad".utf8))
        #expect(notJSON.status == 1 && notJSON.lines == [#"{"error":"json.unexpected_character"}"#])
        let neither = try FedSecProcess.run(["trust", "decide", "-"], stdin: Array("{}".utf8))
        #expect(neither.status == 1 && neither.lines == [#"{"error":"trust.unknown_policy"}"#])
        let noInput = try FedSecProcess.run(["trust", "decide"])
        #expect(noInput.status == 64 && noInput.stderr.contains("<input>"))
        let missing = try FedSecProcess.run(["trust", "decide", folder.path("absent.json")])
        #expect(missing.status == 1 && missing.stderr.contains("absent.json"))
    }
}
