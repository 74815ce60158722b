import FederationConformance
import FederationSecurity
import Foundation
import Testing

/// `fedsec conformance` (and `matrix`), `fedsec adapter`, `fedsec bench` and the top level, run as the built binary:
/// the exit statuses that ConformanceCommand documents (0 pass, 1 fail, 2 nothing matched, 64 usage).
@Suite struct ConformanceCommandTests {
    static let hex = VectorFileTests.root + "/encoding/hex.json"

    @Test func listCountsWhatTheRunnerLists() throws {
        let run = try FedSecProcess.run(["conformance", "--list", VectorFileTests.root])
        #expect(run.status == 0, "\(run.stderr)")
        let listings = ConformanceRunner().list(paths: [VectorFileTests.root])
        let cases = listings.reduce(0) { $0 + max(0, $1.cases) }
        #expect(run.lines.last == "\(listings.count) suites, \(cases) cases")
        #expect(run.lines.count == listings.count + 1 && listings.count >= 20)
        #expect(run.lines.contains { $0.hasPrefix("encoding.hex ") && $0.contains(" 26 ") })
    }

    @Test func exitStatuses() throws {
        let passing = try FedSecProcess.run(["conformance", Self.hex])
        #expect(passing.status == 0 && passing.stdout.contains("Total: 26 passed, 0 failed"), "\(passing.allOutput)")

        let folder = try TemporaryFolder()
        // The first "666f6f" is the expected output of rfc4648-decode-foo: one case now fails.
        var wrong = try String(contentsOfFile: Self.hex, encoding: .utf8)
        let output = try #require(wrong.range(of: #""hex": "666f6f""#))
        wrong.replaceSubrange(output, with: #""hex": "666f6e""#)
        let failing = try FedSecProcess.run(["conformance", "--format", "json", folder.text("wrong.json", wrong)])
        #expect(failing.status == 1, "\(failing.allOutput)")
        let report = try JSONReader().parse(failing.stdout)
        #expect(report["failed"]?.integerValue == 1 && report["passed"]?.integerValue == 25)
        #expect(!failing.stderr.isEmpty)

        let none = try FedSecProcess.run(["conformance", "--filter", "no-such-case", Self.hex])
        #expect(none.status == 2 && none.stderr.contains("no case matched"))
        let usage = try FedSecProcess.run(["conformance", "--timeout", "0", Self.hex])
        #expect(usage.status == 64 && usage.stderr.contains("--timeout must be in (0, 3600]"))
        let format = try FedSecProcess.run(["conformance", "--format", "yaml", Self.hex])
        #expect(format.status == 64 && format.stderr.contains("yaml"))
    }

    @Test func reportsToFilesAndTheMatrix() throws {
        let folder = try TemporaryFolder()
        let json = folder.path("report.json")
        let written = try FedSecProcess.run(["conformance", "--format", "json", "--output", json, Self.hex])
        #expect(written.status == 0 && written.stdout.isEmpty)
        let report = try JSONReader().parse(Array(try Data(contentsOf: URL(fileURLWithPath: json))))
        #expect(report["passed"]?.integerValue == 26 && report["failed"]?.integerValue == 0)
        let junit = try FedSecProcess.run(["conformance", "--format", "junit", Self.hex])
        #expect(junit.status == 0 && junit.stdout.contains("<testsuite") && junit.stdout.contains("tests=\"26\""))

        let matrix = try FedSecProcess.run(["conformance", "matrix", json, json])
        #expect(matrix.status == 0, "\(matrix.allOutput)")
        #expect(
            matrix.stdout
                == InteropMatrix.markdown(
                    try [json, json].map {
                        try InteropMatrix.column(fromReport: String(contentsOfFile: $0, encoding: .utf8))
                    }))
        let broken = try FedSecProcess.run(["conformance", "matrix", folder.text("bad.json", "{}")])
        #expect(broken.status == 1 && broken.stderr.contains("bad.json"))
    }

    @Test func theAdapterAnswersLikeTheLibrary() throws {
        let requests = """
            {"id":0,"op":"hello","protocol":1}
            {"id":1,"op":"request.content_digest.compute","input":{"body":"7b2268656c6c6f223a2022776f726c64227d","algorithm":"sha-256"}}
            {"id":2,"op":"hex.decode","input":{"text":"0g"}}
            {"id":3,"op":"no.such.op","input":{}}

            """
        let run = try FedSecProcess.run(["adapter"], stdin: Array(requests.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        let answers = try run.lines.map { try JSONReader().parse($0) }
        #expect(answers.count == 4)
        let operations = answers.first?["operations"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(operations.count >= 50 && operations.allSatisfy(LibraryImplementation().supports))
        #expect(answers.first?["protocol"]?.integerValue == 1)
        // RFC 9530 §2.
        #expect(
            answers[1]["output"]?["content_digest"]?.stringValue
                == "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:")
        #expect(answers[2]["error"]?.stringValue == "hex.invalid_character")
        #expect(answers[3]["unsupported"]?.boolValue == true)
    }

    @Test func conformanceThroughTheAdapter() throws {
        let binary = try FedSecProcess.binary().path
        let run = try FedSecProcess.run([
            "conformance", "--format", "json", "--adapter", "'\(binary)' adapter", Self.hex,
        ])
        #expect(run.status == 0, "\(run.allOutput)")
        let report = try JSONReader().parse(run.stdout)
        #expect(
            report["passed"]?.integerValue == 26
                && report["implementation"]?.stringValue == "FederationSecurity (Swift, fedsec adapter)")
        let dead = try FedSecProcess.run(["conformance", "--adapter", "exit 3", Self.hex])
        #expect(dead.status == 1 && dead.stderr.contains("did not start"), "\(dead.allOutput)")
    }

    @Test func benchMeasuresAndValidates() throws {
        let run = try FedSecProcess.run([
            "bench", "--json", "--rounds", "1", "--seconds", "0.01", "--filter", "sha256 (1 KiB)",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let results = try JSONReader().parse(run.stdout)["results"]?.arrayValue ?? []
        #expect(results.count == 1)
        let result = results.first
        #expect(
            result?["name"]?.stringValue == "sha256 (1 KiB)" && result?["baseline"]?.stringValue == "crypto_hash_sha256"
        )
        #expect(result?["rounds"]?.integerValue == 1)
        for (arguments, message) in [
            (["--rounds", "0"], "--rounds must be 1…1000"), (["--seconds=-5"], "--seconds must be in (0, 60]"),
            (["--seconds", "nan"], "--seconds must be in (0, 60]"),
        ] {
            let bad = try FedSecProcess.run(["bench"] + arguments)
            #expect(bad.status == 64 && bad.stderr.contains(message), "\(arguments): \(bad.allOutput)")
        }
    }

    @Test func topLevel() throws {
        let help = try FedSecProcess.run(["--help"])
        #expect(help.status == 0)
        for command in [
            "conformance", "key", "envelope", "token", "bench", "adapter", "manifest", "trust", "request", "ucan",
        ] {
            #expect(help.stdout.contains("  \(command)"), "\(command)")
        }
        let unknown = try FedSecProcess.run(["frobnicate"])
        #expect(unknown.status == 64 && unknown.stderr.contains("frobnicate"))
        let none = try FedSecProcess.run([])
        #expect(none.status == 0 && none.stdout.contains("USAGE"))
    }
}
