/// A table for people, then every failure and error with its reason.
public enum TextReport {
    public static func render(_ run: RunResult) -> String {
        let width = max(40, run.suites.map(\.name.count).max() ?? 0) + 2
        func pad(_ s: String, _ n: Int) -> String {
            s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count)
        }
        var lines = [
            "Implementation: \(run.implementation)", "", pad("suite", width) + "passed  failed  skipped  errors",
        ]
        for s in run.suites {
            lines.append(
                pad(s.name, width) + pad(String(s.passed), 8) + pad(String(s.failed), 8) + pad(String(s.skipped), 9)
                    + String(s.errors))
        }
        lines.append("")
        lines.append("Total: \(run.passed) passed, \(run.failed) failed, \(run.skipped) skipped")
        var problems: [String] = []
        for s in run.suites {
            if let fileError = s.fileError { problems.append("ERROR \(s.file): \(fileError)") }
            for c in s.cases {
                switch c.outcome {
                case .failed(let why): problems.append("FAIL  \(s.name) \(c.id): \(why)")
                case .error(let why): problems.append("ERROR \(s.name) \(c.id): \(why)")
                default: break
                }
            }
        }
        if !problems.isEmpty { lines += ["", "Failures:"] + problems }
        return lines.joined(separator: "\n")
    }
}
