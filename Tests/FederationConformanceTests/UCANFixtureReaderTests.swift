import FederationConformance
import Foundation
import Testing

/// The ucan-wg fixture reader: recognised by content, every fixture becomes a case that a wrong implementation fails,
/// and a fixture the reader cannot map is an error, never a skip.
@Suite struct UCANFixtureReaderTests {
    static let vectors = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TestVectors/external/ucan")

    @Test func aYesSayerFailsEveryRefuteAndEveryOutput() async throws {
        var files: [String: String] = [:]
        for name in ["build", "cid", "verify", "refute"] {
            files["q/\(name)-renamed.json"] = try String(
                contentsOf: Self.vectors.appendingPathComponent("\(name).json"), encoding: .utf8)
        }
        let root = try RunnerBehaviourTests.folder(files)
        let yes = ConformanceRunner(
            implementation: CannedImplementation(response: RunnerBehaviourTests.valid, supported: true))
        let result = await yes.run(paths: [root])
        #expect(
            result.suites.map(\.name) == [
                "ucan-wg.build-renamed", "ucan-wg.cid-renamed", "ucan-wg.refute-renamed", "ucan-wg.verify-renamed",
            ])
        #expect(result.suites.map(\.failed) == [5, 2, 33, 15])
        let library = await ConformanceRunner().run(paths: [root])
        #expect(library.failed == 0 && library.passed == 55)
    }

    static let unmappable: [String] = [
        #"[{"name":"a","task":"invoke","inputs":{}}]"#,
        #"[{"name":"a","task":"refute","inputs":{"token":"x","proofs":{}},"errors":["expired","notReady"]}]"#,
        #"[{"name":"a","task":"refute","inputs":{"token":"x","proofs":{}},"errors":["somethingElse"]}]"#,
        #"[{"name":"a","task":"refute","inputs":{"token":"x","proofs":{}},"errors":["invalidDelegation"],"assertions":{"payload":{"iss":"d","cap":{}}}}]"#,
        #"[{"name":"a","task":"build","inputs":{"signature_scheme":"RSA"}}]"#,
        #"[{"name":"Same","task":"toCID","inputs":{"token":"x","hasher":"SHA2-256"},"outputs":{"cid":"b"}},{"name":"same","task":"toCID","inputs":{"token":"x","hasher":"SHA2-256"},"outputs":{"cid":"b"}}]"#,
    ]

    @Test(arguments: unmappable)
    func anUnmappableFixtureIsAnError(_ text: String) async throws {
        let result = await ConformanceRunner().run(paths: [try RunnerBehaviourTests.folder(["u.json": text])])
        #expect(result.passed == 0 && result.failed == 1)
    }
}
