import ArgumentParser
import FederationSecurity
import Foundation

/// `fedsec trust`: evaluate a trust decision described in JSON (Spec/trust.md).
struct TrustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust", abstract: "Evaluate trust decisions from JSON (Spec/trust.md).",
        subcommands: [Decide.self])

    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read one decision request as JSON and print the decision as JSON; exit 1 when denied.",
            discussion: """
                The input (a file, or - for standard input) is one of:
                  {"enforcer": {"mode": "allowlist", "peers": [...]}, "origin": "...", "did": "..."}
                  {"policy": <policy expression>, "request": {"peer", "capability", "sensitivity", "fields"}, "now": t}
                  {"compose": "most_restrictive", "local": {"allowed", "sensitivity", "constraints"}, "remote": {...}}
                """)

        @Argument(help: "The JSON file, or - for standard input.") var input: String

        func run() throws {
            let data =
                input == "-"
                ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: input))
            do {
                guard let request = try JSONReader().parse([UInt8](data)).objectValue else {
                    throw FederationError(.trustUnknownPolicy, "the input is a JSON object")
                }
                let (allowed, decision) = try TrustDecisionRequest.evaluate(request)
                print(try CanonicalJSON.encodeString(.object(decision)))
                if !allowed { throw ExitCode(1) }
            } catch let error as FederationError {
                print(#"{"error":"\#(error.code)"}"#)
                throw ExitCode(1)
            }
        }
    }
}

/// The three kinds of decision `fedsec trust decide` reads.
enum TrustDecisionRequest {
    static func evaluate(_ object: JSONObject) throws(FederationError) -> (Bool, JSONObject) {
        if let enforcer = object["enforcer"] {
            guard let mode = enforcer["mode"]?.stringValue else { throw bad("enforcer.mode is required") }
            let peers = try enforcer["peers"].map { (value) throws(FederationError) in
                guard let items = value.arrayValue, items.allSatisfy({ $0.stringValue != nil }) else {
                    throw FederationError(.trustInvalidPeer, "enforcer.peers must be an array of strings")
                }
                return items.compactMap(\.stringValue)
            }
            let decision = try TrustEnforcer(mode: try TrustMode(name: mode), peers: peers ?? [])
                .decide(
                    origin: try string(object, "origin", .trustInvalidPeer),
                    did: try string(object, "did", .trustInvalidPeer))
            return (decision.trusted, decision.json)
        }
        if let expression = object["policy"] {
            guard let fields = object["request"]?.objectValue, let capability = fields["capability"]?.stringValue,
                let now = object["now"]?.integerValue
            else { throw bad("policy needs request.capability and now") }
            let peer = try string(fields, "peer", .trustInvalidPeer).map { (text) throws(FederationError) in
                try PeerName(text)
            }
            let sensitivity = try string(fields, "sensitivity", .trustUnknownSensitivity).map {
                (text) throws(FederationError) in try Sensitivity(name: text)
            }
            // A member of the wrong type is an error, not absent: dropping it would lower the sensitivity to NONE
            // or hide fields from the unenforced-field check, and allow.
            if let value = fields["fields"], value != .null, value.objectValue == nil {
                throw bad("request.fields must be an object")
            }
            let evaluator = PolicyEvaluator(AnyAllOf([try PolicyExpression.parse(expression)]))
            let request = PolicyRequest(
                peer: peer, capability: capability, sensitivity: sensitivity ?? .none,
                fields: fields["fields"]?.objectValue ?? JSONObject(), now: now)
            switch try evaluator.judge(request) {
            case .meetsPolicy: return (true, JSONObject(uniqueMembers: [.init("allowed", .bool(true))]))
            case .failsToMeetPolicy(let failure):
                return (
                    false,
                    JSONObject(uniqueMembers: [
                        .init("allowed", .bool(false)), .init("policy", .string(failure.policy)),
                        .init("reason", .string(failure.reason)),
                    ])
                )
            }
        }
        if let name = object["compose"]?.stringValue {
            let decision = try TrustComposition.compose(
                try ImportTrustPolicy(name: name), local: try SideDecision(json: object["local"] ?? .null),
                remote: try SideDecision(json: object["remote"] ?? .null))
            return (decision.allowed, decision.json)
        }
        throw bad("the input names none of enforcer, policy, compose")
    }

    /// `object[key]` when it is a string; nil when absent or null; `code` for any other value.
    static func string(_ object: JSONObject, _ key: String, _ code: ErrorCode) throws(FederationError) -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard let text = value.stringValue else { throw FederationError(code, "\(key) must be a string") }
        return text
    }

    static func bad(_ reason: String) -> FederationError {
        FederationError(.trustUnknownPolicy, reason)
    }
}
