import FederationConformance
import FederationSecurity
import Foundation
import Testing

/// An implementation that gives the same answer to everything, to show that each reader can fail.
struct CannedImplementation: ConformanceImplementation {
    let response: OperationResponse
    let supported: Bool
    var name: String { "canned" }
    var version: String { "0" }
    func supports(_ operation: String) -> Bool { supported }
    func perform(_ request: OperationRequest) async -> OperationResponse { response }
}

/// Directory walking, selection, fail-fast, external formats, and implementations that answer wrongly.
@Suite struct RunnerBehaviourTests {
    /// A fresh folder with `files` (relative path → content).
    static func folder(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vectors-\(UUID().uuidString)")
        for (relative, content) in files {
            let url = root.appendingPathComponent(relative)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        return root.path
    }

    static func suite(_ name: String, _ ids: [String]) -> String {
        let cases = ids.map { #"{"id":"\#($0)","input":{"message":""},"expected":{"result":"valid"}}"# }
        return
            #"{"suite":"\#(name)","version":"1","description":"d","source":"FIPS 180-4","operation":"sha256.hash","cases":[\#(cases.joined(separator: ","))]}"#
    }

    static let valid = OperationResponse.result(valid: true, error: nil, output: nil)

    @Test func walksFoldersInSortedOrderSkippingNonVectors() async throws {
        let root = try Self.folder([
            "b/two.json": Self.suite("s.two", ["x"]), "a/one.json": Self.suite("s.one", ["x"]),
            "README.md": "# not a vector", "a/LICENSE": "licence", "schema/s.json": "{}", ".hidden/h.json": "{",
            "generators/g.json": "{",
        ])
        let result = await ConformanceRunner().run(paths: [root])
        #expect(result.suites.map(\.name) == ["s.one", "s.two"])
        #expect(
            ConformanceRunner.vectorFiles(under: [root]).map { URL(fileURLWithPath: $0).lastPathComponent }
                == ["one.json", "two.json"])
    }

    @Test func overlappingPathsRunAFileOnce() async throws {
        let root = try Self.folder(["a/one.json": Self.suite("s.one", ["x"])])
        let result = await ConformanceRunner().run(paths: [root, root + "/a", root + "//a/one.json"])
        #expect(result.suites.map(\.name) == ["s.one"] && result.passed == 1)
    }

    @Test func sameSuiteNameInTwoFilesIsAnError() async throws {
        let root = try Self.folder(["a.json": Self.suite("s.same", ["x"]), "b.json": Self.suite("s.same", ["y"])])
        let result = await ConformanceRunner().run(paths: [root])
        #expect(result.passed == 1 && result.errors == 1)
        #expect(result.suites.last?.fileError?.hasPrefix("conformance.duplicate_suite") == true)
    }

    @Test func selectionBySuitePrefixAndCaseSubstring() async throws {
        let root = try Self.folder([
            "a.json": Self.suite("s.alpha", ["one", "two", "three"]), "b.json": Self.suite("s.beta", ["one"]),
        ])
        let bySuite = await ConformanceRunner().run(paths: [root], selection: .init(suite: "s.al"))
        #expect(bySuite.suites.map(\.name) == ["s.alpha"] && bySuite.passed == 3)
        let byCase = await ConformanceRunner().run(paths: [root], selection: .init(caseFilter: "t"))
        #expect(byCase.suites.map(\.name) == ["s.alpha"] && byCase.suites[0].cases.map(\.id) == ["two", "three"])
        let nothing = await ConformanceRunner().run(paths: [root], selection: .init(caseFilter: "zzz"))
        #expect(nothing.suites.isEmpty && nothing.total == 0)
    }

    @Test func failFastStopsAtTheFirstProblem() async throws {
        let root = try Self.folder([
            "a.json": Self.suite("s.a", ["one", "two"]), "b.json": Self.suite("s.b", ["one"]),
        ])
        let liar = ConformanceRunner(
            implementation: CannedImplementation(
                response: .result(valid: false, error: "x.y", output: nil), supported: true))
        let all = await liar.run(paths: [root])
        #expect(all.failed == 3)
        let first = await liar.run(paths: [root], selection: .init(failFast: true))
        #expect(first.failed == 1 && first.suites.count == 1)
    }

    @Test func unsupportedOperationsAreSkipped() async throws {
        let root = try Self.folder(["a.json": Self.suite("s.a", ["one"])])
        let none = ConformanceRunner(implementation: CannedImplementation(response: Self.valid, supported: false))
        let result = await none.run(paths: [root])
        #expect(result.skipped == 1 && result.passed == 0 && result.failed == 0)
        let adapter = ConformanceRunner(implementation: CannedImplementation(response: .unsupported, supported: true))
        #expect(await adapter.run(paths: [root]).skipped == 1)
    }

    @Test func invalidInputResponsesAreErrors() async throws {
        let root = try Self.folder(["a.json": Self.suite("s.a", ["one"])])
        let wire = OperationResponse.result(valid: false, error: "conformance.invalid_input", output: nil)
        for response in [OperationResponse.invalidInput(reason: "input.message must be a string"), wire] {
            let r = await ConformanceRunner(implementation: CannedImplementation(response: response, supported: true))
                .run(paths: [root])
            #expect(r.errors == 1 && r.passed == 0)
        }
    }

    /// External formats are recognised by content wherever they are; an implementation that accepts everything
    /// fails every Wycheproof `invalid` test and every RFC 8032 signing test.
    @Test func externalReadersCanFail() async throws {
        let vectors = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("TestVectors/external")
        let root = try Self.folder([
            "x/renamed.json": try String(
                contentsOf: vectors.appendingPathComponent("wycheproof/ed25519_test.json"), encoding: .utf8),
            "y/acvp.json": try String(
                contentsOf: vectors.appendingPathComponent("rfc8032/ed25519.json"), encoding: .utf8),
            "z/mac.json": try String(
                contentsOf: vectors.appendingPathComponent("wycheproof/hmac_sha256_test.json"), encoding: .utf8),
        ])
        let yes = ConformanceRunner(implementation: CannedImplementation(response: Self.valid, supported: true))
        let result = await yes.run(paths: [root])
        let names = result.suites.map(\.name)
        #expect(
            names == [
                "wycheproof.renamed[sodium]", "wycheproof.renamed[openssl]", "rfc8032.acvp[sodium]",
                "rfc8032.acvp[openssl]", "wycheproof.mac",
            ])
        #expect(result.suites[0].failed == 63)  // Wycheproof's 63 invalid Ed25519 signatures
        #expect(result.suites[2].failed == 5)  // five signing tests with no output
        #expect(result.suites[4].failed > 0)
        // The library passes all of them.
        #expect(await ConformanceRunner().run(paths: [root]).failed == 0)
    }

    static let malformed: [String] = [
        "", "{", "[]", "[1]", "null", "\u{FEFF}{}", #"{"algorithm":"X","testGroups":3}"#,
        #"{"algorithm":"X","testGroups":[{"type":"EddsaVerify","tests":[{"tcId":1,"result":"valid"}]}]}"#,
        #"{"algorithm":"X","testGroups":[{"type":"AeadTest","tests":[{"tcId":1,"result":"valid"}]}]}"#,
        #"{"algorithm":"X","testGroups":[{"type":"MacTest","tagSize":256,"tests":[{"tcId":1,"result":"valid","key":"zz","msg":"","tag":""}]}]}"#,
        #"[{"name":"1","secretKey":"00"}]"#, #"{"did:key:z6Mk":{"verificationKeyPair":{}}}"#,
        String(repeating: "[", count: 100_000),
    ]

    /// No malformed file crashes the runner or passes: each is one error (a suite or a case).
    @Test(arguments: malformed)
    func malformedFileIsAnErrorNotACrash(_ text: String) async throws {
        let root = try Self.folder(["m.json": text])
        let result = await ConformanceRunner().run(paths: [root])
        #expect(result.passed == 0 && result.failed >= 1)
    }
}

extension RunnerBehaviourTests {
    /// A vector file of exactly 16 MiB is read; one byte more is an error suite (`json.too_large`).
    @Test func vectorFileSizeLimit() async throws {
        let limit = 16 << 20
        let body = Self.suite("s.big", ["x"])
        let atLimit = body + String(repeating: " ", count: limit - body.utf8.count)
        let root = try Self.folder(["a.json": atLimit, "b.json": atLimit + " "])
        let result = await ConformanceRunner().run(paths: [root])
        #expect(result.suites.count == 2)
        #expect(result.suites.first?.passed == 1)
        #expect(result.suites.last?.fileError?.hasPrefix("json.too_large") == true)
    }
}
