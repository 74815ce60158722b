/// A table for people, then every failure and error with its reason, then why cases were skipped.
public enum TextReport {
    /// Renders a run as text (ends with a newline).
    public static func render(_ run: RunResult) -> String {
        let width = max(40, run.suites.map(\.name.count).max() ?? 0) + 2
        func pad(_ s: String, _ n: Int) -> String {
            s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count)
        }
        var lines = [
            "Implementation: \(run.implementation)" + (run.version.isEmpty ? "" : " \(run.version)"), "",
            pad("suite", width) + "passed  failed  skipped  errors",
        ]
        for s in run.suites {
            lines.append(
                pad(s.name, width) + pad(String(s.passed), 8) + pad(String(s.failed), 8) + pad(String(s.skipped), 9)
                    + String(s.errors))
        }
        lines.append("")
        let failures = run.failed - run.errors
        lines.append(
            "Total: \(run.passed) passed, \(failures) failed, \(run.errors) errors, \(run.skipped) skipped"
                + (run.failed == 0 ? "" : "  => FAILED"))
        let problems = problemLines(run)
        if !problems.isEmpty { lines += ["", "Failures and errors:"] + problems }
        let skips = skippedSummary(run)
        if !skips.isEmpty { lines += ["", "Skipped:"] + skips }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per failed case (`FAIL`), broken case or unreadable file (`ERROR`), in run order.
    public static func problemLines(_ run: RunResult) -> [String] {
        var problems: [String] = []
        for s in run.suites {
            if let fileError = s.fileError { problems.append("ERROR \(s.file): \(fileError)") }
            for c in s.cases {
                switch c.outcome {
                case .failed(let why): problems.append("FAIL  \(s.name) \(c.id): \(why)")
                case .error(let why): problems.append("ERROR \(s.name) \(c.id): \(why)")
                case .passed, .skipped: break
                }
            }
        }
        return problems
    }

    /// Skipped cases grouped by suite and reason: `  12  tokens.ucan: ucan.verify unsupported`.
    static func skippedSummary(_ run: RunResult) -> [String] {
        var lines: [String] = []
        for s in run.suites {
            var counts: [(reason: String, count: Int)] = []
            for c in s.cases {
                guard case .skipped(let why) = c.outcome else { continue }
                if let i = counts.firstIndex(where: { $0.reason == why }) {
                    counts[i].count += 1
                } else {
                    counts.append((why, 1))
                }
            }
            lines += counts.map { "  \($0.count)  \(s.name): \($0.reason)" }
        }
        return lines
    }
}
