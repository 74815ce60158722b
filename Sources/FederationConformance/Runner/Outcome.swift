/// The result of one case.
public enum CaseOutcome: Sendable, Equatable {
    case passed
    /// The implementation answered, wrongly; the string says expected versus got.
    case failed(String)
    /// The implementation does not support the operation, or the case is acceptable either way.
    case skipped(String)
    /// The vector itself is broken (its input does not fit its operation).
    case error(String)

    /// Failed or error: either makes a run fail.
    public var isProblem: Bool {
        switch self {
        case .failed, .error: return true
        case .passed, .skipped: return false
        }
    }
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
    /// Set when the file could not be read as a suite at all (counted as one error).
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
    /// The implementation's version.
    public let version: String
    public let suites: [SuiteResult]

    public var passed: Int { suites.reduce(0) { $0 + $1.passed } }
    /// Failures and errors together: either makes the run fail.
    public var failed: Int { suites.reduce(0) { $0 + $1.failed + $1.errors } }
    public var skipped: Int { suites.reduce(0) { $0 + $1.skipped } }
    /// Errors alone (broken vectors and unreadable files).
    public var errors: Int { suites.reduce(0) { $0 + $1.errors } }
    /// Every case reported, and every unreadable file.
    public var total: Int { passed + failed + skipped }
}
