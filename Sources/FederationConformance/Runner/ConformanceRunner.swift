import FederationSecurity

/// Runs vector files against an implementation.
public struct ConformanceRunner: Sendable {
    public let implementation: any ConformanceImplementation

    public init(implementation: any ConformanceImplementation = LibraryImplementation()) {
        self.implementation = implementation
    }

    /// Options that narrow a run.
    public struct Selection: Sendable {
        /// Only suites whose name starts with this (`wycheproof.ed25519_test` selects both backends).
        public var suite: String?
        /// Only cases whose id contains this; suites left with no case are not reported.
        public var caseFilter: String?
        /// Stop after the first failed or broken case (or broken file).
        public var failFast = false

        public init(suite: String? = nil, caseFilter: String? = nil, failFast: Bool = false) {
            self.suite = suite
            self.caseFilter = caseFilter
            self.failFast = failFast
        }

        func selects(suite name: String) -> Bool {
            suite.map { name.hasPrefix($0) } ?? true
        }

        func selects(case id: String) -> Bool {
            caseFilter.map { id.contains($0) } ?? true
        }
    }

    /// Runs every vector file under `paths`, files in sorted order, suites in file order.
    /// - Parameters:
    ///   - paths: files and folders (searched recursively; see ``VectorLoader``).
    ///   - selection: what to run.
    /// - Returns: one ``SuiteResult`` per suite run, plus one per file that could not be read (an error).
    public func run(paths: [String], selection: Selection = .init()) async -> RunResult {
        var results: [SuiteResult] = []
        var firstFile: [String: String] = [:]  // suite name → the file that declared it first
        fileLoop: for path in VectorLoader.files(paths) {
            switch VectorLoader.suites(in: path) {
            case .failure(let error):
                results.append(SuiteResult(name: path, file: path, cases: [], fileError: error.description))
                if selection.failFast { break fileLoop }
            case .success(let files):
                for file in files where selection.selects(suite: file.suite) {
                    if let other = firstFile[file.suite], other != path {
                        let error = FederationError(
                            .conformanceDuplicateSuite, "suite \(file.suite) is also declared by \(other)")
                        results.append(
                            SuiteResult(name: file.suite, file: path, cases: [], fileError: error.description))
                        if selection.failFast { break fileLoop }
                        continue
                    }
                    firstFile[file.suite] = path
                    let result = await run(file, path: path, selection: selection)
                    if selection.caseFilter != nil, result.cases.isEmpty { continue }
                    results.append(result)
                    if selection.failFast, result.failed + result.errors > 0 { break fileLoop }
                }
            }
        }
        return RunResult(implementation: implementation.name, version: implementation.version, suites: results)
    }

    /// Runs one parsed file.
    /// - Parameters:
    ///   - file: the suite.
    ///   - path: where it came from, for reports.
    ///   - selection: the case filter and fail-fast apply; the suite filter does not.
    public func run(_ file: VectorFile, path: String, selection: Selection = .init()) async -> SuiteResult {
        var cases: [CaseResult] = []
        for c in file.cases where selection.selects(case: c.id) {
            let outcome: CaseOutcome
            if implementation.supports(c.operation) {
                let response = await implementation.perform(
                    OperationRequest(operation: c.operation, input: c.input, now: c.now))
                outcome = Judge.judge(c, response, codes: implementation.reportsErrorCodes)
            } else {
                outcome = Judge.judge(c, .unsupported)
            }
            cases.append(CaseResult(id: c.id, outcome: outcome))
            if selection.failFast, outcome.isProblem { break }
        }
        return SuiteResult(name: file.suite, file: path, cases: cases, fileError: nil)
    }
}

extension ConformanceRunner {
    /// One line of `--list`: a suite, its number of cases (−1 when the file cannot be read) and its file.
    public struct Listing: Sendable {
        public let suite: String
        public let cases: Int
        public let file: String
        /// Why the file cannot be read, if it cannot.
        public let error: String?
    }

    /// The suites under `paths` with their case counts, in run order.
    public func list(paths: [String]) -> [Listing] {
        VectorLoader.files(paths).flatMap { path -> [Listing] in
            switch VectorLoader.suites(in: path) {
            case .success(let files):
                return files.map { Listing(suite: $0.suite, cases: $0.cases.count, file: path, error: nil) }
            case .failure(let error): return [Listing(suite: path, cases: -1, file: path, error: error.description)]
            }
        }
    }
}

extension ConformanceRunner {
    /// The vector files a run over `paths` reads, in run order (see ``VectorLoader``).
    public static func vectorFiles(under paths: [String]) -> [String] {
        VectorLoader.files(paths)
    }
}
