import FederationCrypto
import FederationSecurity
import Foundation
import Testing

/// `fedsec manifest sign` and `fedsec manifest verify`, run as the built binary.
@Suite struct ManifestCommandTests {
    static let file = "federation/manifests.json"
    static let signer = "did:key:z6MkehRgf7yJbgaGfYsdoAsKdBPE3dj2CYhowQdcjqSJgvVd"

    /// The vector's seed and manifest, written to files.
    static func inputs(_ folder: TemporaryFolder) throws -> (key: String, manifest: String) {
        let seed = try Hex.decode(CLIVectors.input(file, "sign", "seed"))
        return (
            folder.file("seed", seed).path, folder.text("manifest.json", try CLIVectors.input(file, "sign", "manifest"))
        )
    }

    @Test func signGivesTheVectorsJWSAndVerifyImportsTheIDs() throws {
        let folder = try TemporaryFolder()
        let (key, manifest) = try Self.inputs(folder)
        let signed = try FedSecProcess.run(["manifest", "sign", "--key", key, "--manifest", manifest])
        #expect(signed.status == 0, "\(signed.stderr)")
        #expect(signed.lines == [try CLIVectors.find(Self.file, "sign").output?["jws"]?.stringValue ?? "?"])
        #expect(!signed.reveals(try Hex.decode(CLIVectors.input(Self.file, "sign", "seed"))))

        let verified = try FedSecProcess.run(
            [
                "manifest", "verify", "--manifest", manifest, "--signature", signed.lines.first ?? "", "--signer",
                Self.signer,
            ])
        // The ids, sensitivities and signer of the vector import-signed (weaver-kernel 0.12.0 import_manifest).
        let expected = try CLIVectors.find(Self.file, "import-signed").output
        let ids = expected?["imported"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let lines = ids.map { "\($0) \(expected?["sensitivities"]?[$0]?.stringValue ?? "?")" }
        #expect(verified.status == 0, "\(verified.allOutput)")
        #expect(verified.lines == ["valid \(expected?["signed_by"]?.stringValue ?? "?")"] + lines)
        #expect(ids.count == 2)
    }

    @Test func rejectionsGiveTheirCodes() throws {
        let folder = try TemporaryFolder()
        let (seedFile, manifest) = try Self.inputs(folder)
        let otherKey = folder.path("other.pem")
        #expect(try FedSecProcess.run(["key", "generate", "--out", otherKey]).status == 0)
        let byOther =
            try FedSecProcess.run(["manifest", "sign", "--key", otherKey, "--manifest", manifest]).lines.first ?? ""
        let bySeed =
            try FedSecProcess.run(["manifest", "sign", "--key", seedFile, "--manifest", manifest]).lines.first ?? ""
        let changed = folder.text(
            "changed.json",
            try CLIVectors.input(Self.file, "sign", "manifest").replacingOccurrences(of: "PII", with: "NONE"))
        let cases: [([String], String)] = [
            (["--manifest", manifest, "--signature", byOther, "--signer", Self.signer], "manifest.wrong_signer"),
            (["--manifest", manifest, "--signer", Self.signer], "manifest.unsigned"),
            (["--manifest", changed, "--signature", bySeed, "--signer", Self.signer], "crypto.signature_invalid"),
            (["--manifest", manifest, "--signature", "x.y", "--signer", Self.signer], "envelope.malformed"),
            (["--manifest", manifest, "--signature", bySeed, "--trust-policy", "trust_all"], "trust.unknown_policy"),
        ]
        for (arguments, code) in cases {
            let run = try FedSecProcess.run(["manifest", "verify"] + arguments)
            #expect(run.status == 1 && run.lines == ["invalid \(code)"], "\(arguments): \(run.allOutput)")
        }
        let unsigned = try FedSecProcess.run(["manifest", "verify", "--manifest", manifest, "--allow-unsigned"])
        #expect(unsigned.status == 0 && unsigned.lines.first == "valid unsigned", "\(unsigned.allOutput)")
    }

    @Test func badArguments() throws {
        let folder = try TemporaryFolder()
        let noManifest = try FedSecProcess.run(["manifest", "verify"])
        #expect(noManifest.status == 64 && noManifest.stderr.contains("--manifest"))
        let missing = try FedSecProcess.run([
            "manifest", "sign", "--key", folder.path("absent"), "--manifest", folder.text("m", "{}"),
        ])
        #expect(missing.status != 0 && missing.stderr.contains("absent") && missing.stdout.isEmpty)
    }
}
