/// The result of one case.
public enum CaseOutcome: Sendable, Equatable {
    case passed
    /// The implementation answered, wrongly; the string says expected versus got.
    case failed(String)
    /// The implementation does not support the operation.
    case skipped(String)
    /// The vector itself is broken (bad input for its operation).
    case error(String)
}

/// One case and its outcome.
public struct CaseResult: Sendable {
    public let id: String
    public let outcome: CaseOutcome
}

/// One suite (one file, or one file on one backend) and its cases.
public struct SuiteResult: Sendable {
    public let name: String
    public let file: String
    public let cases: [CaseResult]
    /// Set when the file could not be read as a suite at all.
    public let fileError: String?

    public var passed: Int { cases.filter { $0.outcome == .passed }.count }
    public var failed: Int {
        cases.filter { if case .failed = $0.outcome { return true } else { return false } }.count
    }
    public var skipped: Int {
        cases.filter { if case .skipped = $0.outcome { return true } else { return false } }.count
    }
    public var errors: Int {
        cases.filter { if case .error = $0.outcome { return true } else { return false } }.count
            + (fileError == nil ? 0 : 1)
    }
}

/// Everything one run produced.
public struct RunResult: Sendable {
    public let implementation: String
    public let suites: [SuiteResult]

    public var passed: Int { suites.reduce(0) { $0 + $1.passed } }
    /// Failures and errors together: either makes the run fail.
    public var failed: Int { suites.reduce(0) { $0 + $1.failed + $1.errors } }
    public var skipped: Int { suites.reduce(0) { $0 + $1.skipped } }
}
