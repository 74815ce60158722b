import FederationSecurity

/// Runs vector files against an implementation.
public struct ConformanceRunner: Sendable {
    public let implementation: any ConformanceImplementation

    public init(implementation: any ConformanceImplementation = LibraryImplementation()) {
        self.implementation = implementation
    }

    /// Options that narrow a run.
    public struct Selection: Sendable {
        public var suite: String?
        public var caseFilter: String?
        public var failFast = false
        public init(suite: String? = nil, caseFilter: String? = nil, failFast: Bool = false) {
            self.suite = suite
            self.caseFilter = caseFilter
            self.failFast = failFast
        }
    }

    /// Runs every vector file under `paths`.
    public func run(paths: [String], selection: Selection = .init()) async -> RunResult {
        var results: [SuiteResult] = []
        fileLoop: for path in VectorLoader.files(paths) {
            switch VectorLoader.suites(in: path) {
            case .failure(let error):
                results.append(SuiteResult(name: path, file: path, cases: [], fileError: error.description))
                if selection.failFast { break fileLoop }
            case .success(let files):
                for file in files where selection.suite.map({ file.suite.hasPrefix($0) }) ?? true {
                    let result = await run(file, path: path, selection: selection)
                    results.append(result)
                    if selection.failFast, result.failed + result.errors > 0 { break fileLoop }
                }
            }
        }
        return RunResult(implementation: implementation.name, suites: results)
    }

    /// Runs one parsed file.
    public func run(_ file: VectorFile, path: String, selection: Selection = .init()) async -> SuiteResult {
        var cases: [CaseResult] = []
        for c in file.cases where selection.caseFilter.map({ c.id.contains($0) }) ?? true {
            let response = await implementation.perform(
                OperationRequest(operation: c.operation, input: c.input, now: c.now))
            let outcome = Self.judge(c, response)
            cases.append(CaseResult(id: c.id, outcome: outcome))
            if selection.failFast, case .failed = outcome { break }
        }
        return SuiteResult(name: file.suite, file: path, cases: cases, fileError: nil)
    }

    /// Compares a response with a case's expectation.
    static func judge(_ c: VectorCase, _ response: OperationResponse) -> CaseOutcome {
        if c.flags.contains("Acceptable") { return .skipped("acceptable either way") }
        guard case .result(let valid, let error, let output) = response else {
            return .skipped("\(c.operation) unsupported")
        }
        if error == ErrorCode.conformanceInvalidInput.rawValue { return .error("bad input for \(c.operation)") }
        let expected = c.expected
        if expected.outputMustDiffer {
            guard valid, let output, let wrong = expected.output else { return .failed("expected an output") }
            return output == wrong ? .failed("output equals a tag that must not verify") : .passed
        }
        guard valid == expected.valid else {
            return .failed(
                expected.valid
                    ? "expected valid, got invalid (\(error ?? "no code"))"
                    : "expected invalid (\(expected.error ?? "any code")), got valid")
        }
        if !valid, let code = expected.error, code != error {
            return .failed("expected error \(code), got \(error ?? "none")")
        }
        if let wanted = expected.output, wanted != output {
            return .failed("expected output \(Self.brief(wanted)), got \(output.map(Self.brief) ?? "none")")
        }
        return .passed
    }

    static func brief(_ object: JSONObject) -> String {
        let text = object.members.map { "\($0.key)=\(Self.brief($0.value))" }.joined(separator: ", ")
        return text.count > 160 ? String(text.prefix(160)) + "…" : text
    }

    static func brief(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return s
        case .number(.integer(let i)): return String(i)
        case .number(.double(let d)): return String(d)
        case .bool(let b): return String(b)
        case .null: return "null"
        case .array(let a): return "[\(a.count) items]"
        case .object(let o): return "{\(o.count) members}"
        }
    }
}

extension ConformanceRunner {
    /// The suites under `paths` with their case counts (unreadable files listed with -1).
    public func list(paths: [String]) async -> [(suite: String, cases: Int, file: String)] {
        VectorLoader.files(paths).flatMap { path -> [(suite: String, cases: Int, file: String)] in
            switch VectorLoader.suites(in: path) {
            case .success(let files): return files.map { ($0.suite, $0.cases.count, path) }
            case .failure: return [(path, -1, path)]
            }
        }
    }
}
