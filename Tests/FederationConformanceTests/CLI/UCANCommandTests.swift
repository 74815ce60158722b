import FederationCrypto
import FederationSecurity
import Foundation
import Testing

/// `fedsec ucan inspect|delegate|verify|revoke`, run as the built binary against the UCAN vectors (ucan-0.10.json:
/// tokens built independently in Python per the ucan-wg spec; openintent-0.17.json: tokens minted by openintent 0.17.0).
@Suite struct UCANCommandTests {
    static let ucan = "ucan/ucan-0.10.json"
    static let openintent = "ucan/openintent-0.17.json"
    /// The vectors' key for seed 01…01 (alice) and a third party (carol).
    static let alice = "did:key:z6Mkon3Necd6NkkyfoGoHxid2znGc59LU3K7mubaRcFbLfLX"
    static let carol = "did:key:z6MkvRXNYcE7MMduynWTgeKbDaT1iijDSC8pZqXZc8rHPrf2"
    static let send = #"{"mailto:alice@example.com":{"msg/send":[{}]}}"#

    static func lines(_ run: FedSecProcess.Outcome) -> [String] { run.lines }

    /// The case's `proofs` (or `documents`, parsed from their JSON text) written as the file `verify` reads.
    static func file(_ folder: TemporaryFolder, _ name: String, _ value: JSONValue?) throws -> String {
        folder.text(name, try CanonicalJSON.encodeString(value ?? .object(JSONObject())))
    }

    @Test func inspectAndVerifyTheVectorsTokens() throws {
        let folder = try TemporaryFolder()
        let chain = try CLIVectors.find(Self.ucan, "chain-of-two").input
        let token = chain["token"]?.stringValue ?? ""
        let inspected = try FedSecProcess.run(["ucan", "inspect", "--token", token])
        let cid = try CLIVectors.find(Self.ucan, "cid-of-a-token").output?["cid"]?.stringValue ?? "?"
        #expect(inspected.status == 0 && inspected.lines.first == "cid      \(cid)", "\(inspected.allOutput)")
        #expect(inspected.lines.dropFirst().first == #"header   {"alg":"EdDSA","typ":"JWT"}"#)

        let proofs = try Self.file(folder, "proofs.json", chain["proofs"])
        let valid = try FedSecProcess.run(["ucan", "verify", "--token", token, "--proofs", proofs, "--now", "1000"])
        #expect(valid.status == 0, "\(valid.allOutput)")
        #expect(
            valid.lines == ["valid \(cid) (2 tokens)", "  mailto:alice@example.com msg/send from [\"\(Self.alice)\"]"])

        // Each case with its vector's code; chain-of-two changed by an option, with the code Spec/ucan.md gives.
        var cases: [(String, [String], String)] = [
            ("chain-of-two", ["--now", "1000", "--audience", Self.alice], "ucan.audience_mismatch"),
            ("chain-of-two", ["--now", "2000", "--leeway", "0"], "ucan.expired"),
        ]
        for id in ["other-resource", "forged-inner-signature", "proof-to-someone-else", "exp-equals-now-is-expired"] {
            let vector = try CLIVectors.cases(Self.ucan).first { $0["id"]?.stringValue == id }
            let code = vector?["expected"]?["error"]?.stringValue ?? "?"
            cases.append((id, ["--now", "\(vector?["now"]?.integerValue ?? 0)", "--leeway", "0"], code))
        }
        for (id, arguments, code) in cases {
            let input = try CLIVectors.find(Self.ucan, id).input
            let proofs = try Self.file(folder, "\(id).json", input["proofs"])
            let run = try FedSecProcess.run(
                ["ucan", "verify", "--token", input["token"]?.stringValue ?? "", "--proofs", proofs] + arguments)
            #expect(
                run.status == 1 && run.lines.first?.hasPrefix("invalid \(code): ") == true, "\(id): \(run.allOutput)")
        }
        let missing = try FedSecProcess.run(["ucan", "verify", "--token", token, "--now", "1000"])
        #expect(missing.status == 1 && missing.lines.first?.hasPrefix("invalid ucan.proof_not_found") == true)
        let garbage = try FedSecProcess.run(["ucan", "inspect", "--token", "garbage"])
        #expect(garbage.status == 1 && garbage.lines.first?.hasPrefix("invalid ucan.malformed") == true)
    }

    @Test func revokeGivesTheVectorsRecordAndItRevokes() throws {
        let folder = try TemporaryFolder()
        let input = try CLIVectors.find(Self.ucan, "revocation-create").input
        let seed = try Hex.decode(input["seed"]?.stringValue ?? "")
        let key = folder.file("seed", seed).path
        let revoked = try FedSecProcess.run([
            "ucan", "revoke", "--key", key, "--token", input["token"]?.stringValue ?? "",
        ])
        let expected = try CLIVectors.find(Self.ucan, "revocation-create").output?["revocation"]?.stringValue
        #expect(revoked.status == 0 && revoked.lines == [expected ?? "?"], "\(revoked.allOutput)")
        #expect(!revoked.reveals(seed))

        let chain = try CLIVectors.find(Self.ucan, "chain-of-two").input
        let records = folder.text("revocations.json", "[\(revoked.lines.first ?? "")]")
        let run = try FedSecProcess.run(
            [
                "ucan", "verify", "--token", chain["token"]?.stringValue ?? "", "--proofs",
                try Self.file(folder, "proofs.json", chain["proofs"]), "--revocations", records, "--now", "1000",
            ])
        #expect(run.status == 1 && run.lines.first?.hasPrefix("invalid ucan.revoked: ") == true, "\(run.allOutput)")
    }

    @Test func delegateBuildsAChainTheLibraryReads() throws {
        let folder = try TemporaryFolder()
        let aliceKey = folder.file("alice", Array(repeating: 1, count: 32)).path
        let bobKey = folder.path("bob.pem")
        let bob = try FedSecProcess.run(["key", "generate", "--out", bobKey]).stdout.trimmingCharacters(in: .newlines)
        let root = try FedSecProcess.run(
            [
                "ucan", "delegate", "--key", aliceKey, "--audience", bob, "--capabilities", Self.send, "--exp", "5000",
                "--nonce", "r-1",
            ])
        #expect(root.status == 0, "\(root.allOutput)")
        let rootToken = try UCANToken(decoding: root.stdout.trimmingCharacters(in: .newlines))
        #expect(rootToken.payload["iss"]?.stringValue == Self.alice && rootToken.payload["aud"]?.stringValue == bob)
        #expect(rootToken.payload["exp"]?.integerValue == 5000 && rootToken.payload["nnc"]?.stringValue == "r-1")

        let child = try FedSecProcess.run(
            [
                "ucan", "delegate", "--key", bobKey, "--audience", Self.carol, "--capabilities", Self.send, "--exp",
                "4000",
                "--parent", rootToken.encoded,
            ])
        #expect(child.status == 0, "\(child.allOutput)")
        let childToken = child.stdout.trimmingCharacters(in: .newlines)
        let proofs = folder.text("proofs.json", #"{"\#(rootToken.cid)":"\#(rootToken.encoded)"}"#)
        let verified = try FedSecProcess.run([
            "ucan", "verify", "--token", childToken, "--proofs", proofs, "--now", "1000",
        ])
        #expect(verified.status == 0 && verified.lines.first?.hasSuffix("(2 tokens)") == true, "\(verified.allOutput)")
        #expect(verified.lines.dropFirst().first == "  mailto:alice@example.com msg/send from [\"\(Self.alice)\"]")

        let wider = try FedSecProcess.run(
            [
                "ucan", "delegate", "--key", bobKey, "--audience", Self.carol, "--capabilities",
                #"{"mailto:bob@example.com":{"msg/send":[{}]}}"#, "--exp", "4000", "--parent", rootToken.encoded,
            ])
        #expect(wider.status == 1 && wider.stderr.contains("ucan.capability_escalation") && wider.stdout.isEmpty)
    }

    @Test func openIntentMintMatchesOpenIntentAndVerifies() throws {
        let folder = try TemporaryFolder()
        let input = try CLIVectors.find(Self.openintent, "mint-root").input
        let seed = try Hex.decode(input["seed"]?.stringValue ?? "")
        let minted = try FedSecProcess.run(
            [
                "ucan", "delegate", "--profile", "openintent", "--key", folder.file("seed", seed).path,
                "--issuer", input["issuer"]?.stringValue ?? "", "--audience", input["audience"]?.stringValue ?? "",
                "--capabilities", try CanonicalJSON.encodeString(input["scope"] ?? .null),
                "--nbf", "1700000000", "--exp", "1700003600", "--nonce", "n-root",
            ])
        // The token openintent 0.17.0 minted from the same inputs.
        let expected = try CLIVectors.find(Self.openintent, "mint-root").output?["token"]?.stringValue
        #expect(minted.status == 0 && minted.lines == [expected ?? "?"], "\(minted.allOutput)")
        #expect(!minted.reveals(seed))

        let documents = try CLIVectors.find(Self.openintent, "root").input["documents"]?.objectValue ?? JSONObject()
        let parsed = try JSONObject(
            uniqueMembers: documents.map { .init($0.key, try JSONReader().parse($0.value.stringValue ?? "")) })
        let file = try Self.file(folder, "documents.json", .object(parsed))
        let verified = try FedSecProcess.run(
            [
                "ucan", "verify", "--profile", "openintent", "--token", expected ?? "", "--documents", file, "--now",
                "1700000200",
            ])
        #expect(
            verified.status == 0 && verified.lines.first?.hasPrefix("valid (1 tokens) scope ") == true
                && verified.lines.first?.contains(" from did:") == true,
            "\(verified.allOutput)")
        let late = try FedSecProcess.run(
            [
                "ucan", "verify", "--profile", "openintent", "--token", expected ?? "", "--documents", file, "--now",
                "1700009999",
            ])
        #expect(late.status == 1 && late.lines.first?.hasPrefix("invalid ucan.expired") == true, "\(late.allOutput)")
    }

    @Test func badArguments() throws {
        let noToken = try FedSecProcess.run(["ucan", "verify"])
        #expect(noToken.status == 64 && noToken.stderr.contains("--token"))
        let profile = try FedSecProcess.run(["ucan", "inspect", "--token", "x", "--profile", "ucan-1.0"])
        #expect(profile.status == 64 && profile.stderr.contains("ucan-1.0"))
        let folder = try TemporaryFolder()
        let notJSON = try FedSecProcess.run(
            [
                "ucan", "delegate", "--key", folder.file("k", Array(repeating: 1, count: 32)).path, "--audience",
                Self.carol,
                "--capabilities", "{nope",
            ])
        #expect(notJSON.status != 0 && notJSON.stderr.contains("json.") && notJSON.stdout.isEmpty)
        // Each of these overflowed Int64 (nbf + 3600, now + leeway) and crashed with signal 4 before the bounds.
        let key = folder.file("k2", Array(repeating: 1, count: 32)).path
        let overflows: [([String], String)] = [
            (
                [
                    "delegate", "--profile", "openintent", "--key", key, "--audience", Self.carol, "--capabilities",
                    #"{"permissions":["a.b"]}"#, "--nbf", "9223372036854775807",
                ], "--nbf must be 0…253402300799"
            ),
            (["verify", "--token", "x.y.z", "--leeway", "9223372036854775807"], "--leeway must be 0…31622400"),
            (
                ["verify", "--profile", "openintent", "--token", "x.y.z", "--now", "9223372036854775807"],
                "--now must be 0…253402300799"
            ),
        ]
        for (arguments, message) in overflows {
            let run = try FedSecProcess.run(["ucan"] + arguments)
            #expect(run.status == 64 && run.stderr.contains(message), "\(arguments): \(run.allOutput)")
        }
    }
}
