import FederationSecurity

/// The interoperability matrix: suites × implementations, each cell `passed / failed / skipped` of one run, built
/// from the JSON reports (`--format json`) of several runs.
public enum InteropMatrix {
    /// One run, as its JSON report states it.
    public struct Column: Sendable, Equatable {
        public let implementation: String
        public let version: String
        /// Suite name → (passed, failed, skipped); `failed` includes errors, as in the report.
        public let suites: [String: Counts]
        /// Suite names in the report's order.
        public let order: [String]
    }

    /// The counts of one suite in one run.
    public struct Counts: Sendable, Equatable {
        public let passed: Int
        public let failed: Int
        public let skipped: Int

        public init(passed: Int, failed: Int, skipped: Int) {
            self.passed = passed
            self.failed = failed
            self.skipped = skipped
        }
    }

    /// Reads a JSON report.
    /// - Throws: `conformance.invalid_vector_file` when the text is not a report of this runner's JSON contract.
    public static func column(fromReport text: String) throws(FederationError) -> Column {
        let root = try JSONReader(limits: VectorLoader.limits).parse(text)
        guard let implementation = root["implementation"]?.stringValue, let suites = root["suites"]?.arrayValue
        else { throw invalid("a report has a string implementation and an array of suites") }
        var counts: [String: Counts] = [:]
        var order: [String] = []
        for suite in suites {
            guard let name = suite["name"]?.stringValue, let p = suite["passed"]?.integerValue,
                let f = suite["failed"]?.integerValue, let s = suite["skipped"]?.integerValue
            else { throw invalid("a suite has a name and integer passed, failed and skipped") }
            if counts[name] == nil { order.append(name) }
            counts[name] = Counts(passed: Int(p), failed: Int(f), skipped: Int(s))
        }
        return Column(
            implementation: implementation, version: root["version"]?.stringValue ?? "", suites: counts, order: order)
    }

    /// The Markdown table: one row per suite (sorted), one column per run (in the given order), then totals.
    /// A cell is `✅ p / f / s` when nothing failed and something passed, `❌ …` when anything failed or broke,
    /// `➖ …` when every case was skipped, and `·` when the run did not include the suite.
    public static func markdown(_ columns: [Column]) -> String {
        let names = Set(columns.flatMap(\.order)).sorted()
        var lines = [
            "| suite | " + columns.map { "\(escape($0.implementation)) \(escape($0.version))" }.joined(separator: " | ")
                + " |",
            "|---" + String(repeating: "|---", count: columns.count) + "|",
        ]
        for name in names {
            lines.append("| `\(name)` | " + columns.map { cell($0.suites[name]) }.joined(separator: " | ") + " |")
        }
        let totals = columns.map { column -> String in
            let all = column.suites.values
            let sum = Counts(
                passed: all.reduce(0) { $0 + $1.passed }, failed: all.reduce(0) { $0 + $1.failed },
                skipped: all.reduce(0) { $0 + $1.skipped })
            return "**" + cell(sum) + "**"
        }
        lines.append("| **total** | " + totals.joined(separator: " | ") + " |")
        return lines.joined(separator: "\n") + "\n"
    }

    static func cell(_ counts: Counts?) -> String {
        guard let c = counts else { return "·" }
        let mark = c.failed > 0 ? "❌" : c.passed > 0 ? "✅" : "➖"
        return "\(mark) \(c.passed) / \(c.failed) / \(c.skipped)"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|")
    }

    static func invalid(_ reason: String) -> FederationError {
        FederationError(.conformanceInvalidVectorFile, reason)
    }
}
