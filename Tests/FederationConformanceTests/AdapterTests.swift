import FederationConformance
import FederationSecurity
import Foundation
import Testing

/// The runner against a misbehaving adapter (`Tests/Fixtures/adapters/fake_adapter.py`): every crash, hang, garbled
/// or oversized line is one ERROR case, the adapter is restarted, and the next case is answered normally.
@Suite struct AdapterTests {
    static let fake = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/adapters/fake_adapter.py").path

    static func launch(_ mode: String = "ok", _ options: AdapterImplementation.Options = .init(timeout: .seconds(5)))
        async throws -> AdapterImplementation
    {
        // `exec`: the fake replaces the shell, so closing its stdout is end of stream at once (see Spec/conformance.md).
        try await AdapterImplementation.launch(command: "exec python3 \(fake) \(mode)", options: options)
    }

    /// A suite of sha256.hash cases whose messages steer the fake; `good` cases expect the real SHA-256 of "00".
    static func vectors(_ messages: [String], operation: String = "sha256.hash") throws -> String {
        let cases = messages.enumerated().map { i, m in
            #"{"id":"c\#(i)-\#(m)","operation":"\#(operation)","input":{"message":"\#(m)"},"expected":{"result":"valid","output":{"digest":"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"}}}"#
        }
        return try RunnerBehaviourTests.folder([
            "s.json":
                #"{"suite":"fake","version":"1","description":"d","source":"FIPS 180-4 (SHA-256 of one zero byte)","operation":"sha256.hash","cases":[\#(cases.joined(separator: ","))]}"#
        ])
    }

    static func outcomes(_ result: RunResult) -> [CaseOutcome] {
        result.suites.flatMap(\.cases).map(\.outcome)
    }

    static func isError(_ outcome: CaseOutcome, containing text: String) -> Bool {
        if case .error(let why) = outcome { return why.contains(text) }
        return false
    }

    @Test func answersLikeTheLibraryWhenWellBehaved() async throws {
        let adapter = try await Self.launch()
        #expect(adapter.name == "fake" && adapter.version == "9.9" && adapter.hello.profiles == ["native"])
        let result = await ConformanceRunner(implementation: adapter).run(paths: [try Self.vectors(["00", "00"])])
        await adapter.shutdown()
        #expect(result.passed == 2 && result.failed == 0 && result.version == "9.9")
    }

    @Test(arguments: [
        ("c1", "conformance.adapter_crashed"), ("c2", "conformance.adapter_timeout"),
        ("c3", "conformance.adapter_protocol"), ("c5", "conformance.adapter_line_too_long"),
        ("c6", "conformance.adapter_protocol"), ("c8", "conformance.adapter_crashed"),
    ])
    func aBadCaseIsAnErrorAndTheNextCaseStillRuns(message: String, code: String) async throws {
        let adapter = try await Self.launch(
            "ok", .init(timeout: .seconds(3), maxLineBytes: 50_000))
        let result = await ConformanceRunner(implementation: adapter).run(
            paths: [try Self.vectors(["00", message, "00"])])
        let restarts = await adapter.restarts
        await adapter.shutdown()
        let outcomes = Self.outcomes(result)
        #expect(outcomes.count == 3)
        #expect(outcomes.first == .passed && outcomes.last == .passed)
        #expect(Self.isError(outcomes[1], containing: code), "\(outcomes[1])")
        #expect(restarts == 1)
        #expect(result.errors == 1 && result.failed == 1)
    }

    @Test func crashReasonNamesTheExitStatus() async throws {
        let adapter = try await Self.launch()
        let result = await ConformanceRunner(implementation: adapter).run(paths: [try Self.vectors(["c1"])])
        await adapter.shutdown()
        #expect(Self.isError(Self.outcomes(result)[0], containing: "exited with status 3"))
    }

    @Test func unsupportedAnswersAndUnlistedOperationsAreSkipped() async throws {
        let adapter = try await Self.launch()
        // The fake crashes on any operation but sha256.hash, so a sha512.hash case that was sent would be an error.
        let runner = ConformanceRunner(implementation: adapter)
        let listed = await runner.run(paths: [try Self.vectors(["c4"])])
        let unlisted = await runner.run(paths: [try Self.vectors(["00"], operation: "sha512.hash")])
        let restarts = await adapter.restarts
        await adapter.shutdown()
        #expect(listed.skipped == 1 && listed.failed == 0)
        #expect(unlisted.skipped == 1 && unlisted.failed == 0 && restarts == 0)
    }

    @Test func wrongAnswersAreFailuresNotErrors() async throws {
        let adapter = try await Self.launch()
        let result = await ConformanceRunner(implementation: adapter).run(paths: [try Self.vectors(["c9", "c7"])])
        await adapter.shutdown()
        #expect(result.failed == 2 && result.errors == 0)
    }

    /// An `invalid` answer without a code (c7) fails an invalid case that names a code, unless the hello says the
    /// implementation has no error codes; an answer with the wrong code (ca) fails either way.
    @Test(arguments: [("ok", "c7", false), ("no-codes", "c7", true), ("ok", "ca", false), ("no-codes", "ca", false)])
    func errorCodesAreComparedUnlessTheHelloSaysOtherwise(mode: String, message: String, passes: Bool) async throws {
        let root = try RunnerBehaviourTests.folder([
            "s.json":
                #"{"suite":"fake","version":"1","description":"d","source":"the fake adapter's fixed answers","operation":"sha256.hash","cases":[{"id":"x","input":{"message":"\#(message)"},"expected":{"result":"invalid","error":"crypto.signature_invalid"}}]}"#
        ])
        let adapter = try await Self.launch(mode)
        let result = await ConformanceRunner(implementation: adapter).run(paths: [root])
        await adapter.shutdown()
        #expect((result.passed == 1) == passes && (result.failed == 1) == !passes)
    }

    @Test(arguments: [
        ("protocol2", "conformance.adapter_protocol"), ("garbage", "conformance.adapter_protocol"),
        ("silent", "conformance.adapter_timeout"), ("exit", "conformance.adapter_crashed"),
    ])
    func aBadHelloStopsTheRun(mode: String, code: String) async throws {
        let error = await #expect(throws: FederationError.self) {
            _ = try await Self.launch(mode, .init(helloTimeout: .seconds(8)))
        }
        #expect(error?.code.rawValue == code)
    }

    @Test func aCommandThatDoesNotExistDoesNotStart() async throws {
        let error = await #expect(throws: FederationError.self) {
            _ = try await AdapterImplementation.launch(command: "/nonexistent/adapter")
        }
        #expect(error?.code == .conformanceAdapterCrashed)
    }

    /// After `maxFailedStarts` failed restarts the remaining cases are errors at once, and the run still ends.
    @Test func givesUpRestartingAfterRepeatedFailedStarts() async throws {
        let counter = FileManager.default.temporaryDirectory.appendingPathComponent("starts-\(UUID().uuidString)").path
        let adapter = try await AdapterImplementation.launch(
            command: "python3 \(Self.fake) second-hello-fails \(counter)",
            options: .init(timeout: .seconds(5), maxFailedStarts: 2))
        let result = await ConformanceRunner(implementation: adapter).run(
            paths: [try Self.vectors(["00", "c1", "00", "00", "00"])])
        await adapter.shutdown()
        let outcomes = Self.outcomes(result)
        #expect(outcomes.first == .passed && outcomes.count == 5)
        #expect(Self.isError(outcomes[2], containing: "restarting the adapter"))
        #expect(Self.isError(outcomes[4], containing: "not started again"))
        #expect(try String(contentsOfFile: counter, encoding: .utf8) == "3")
    }
}
