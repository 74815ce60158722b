import Foundation

/// Runs every benchmark and renders the results.
public enum BenchmarkRunner {
    /// All comparisons, in report order.
    static func comparisons() -> [Comparison] {
        CryptoBenchmarks.all() + EnvelopeBenchmarks.all() + TokenBenchmarks.all() + EncodingBenchmarks.all()
            + TrustBenchmarks.all()
            + RequestSigningBenchmarks.all()
            + UCANBenchmarks.all()
    }

    /// Runs the benchmarks whose name contains `filter` (all when `nil`).
    public static func run(rounds: Int, secondsPerMeasurement: Double, filter: String?) -> [ComparisonResult] {
        comparisons()
            .filter { filter == nil || $0.name.contains(filter!) }
            .map { $0.run(rounds: rounds, secondsPerMeasurement: secondsPerMeasurement) }
    }

    /// A table for people.
    public static func text(_ results: [ComparisonResult]) -> String {
        var lines = [
            pad("operation", 36) + pad("library ops/s", 16) + pad("baseline ops/s", 16) + pad("ratio", 8)
                + pad("target", 8) + "baseline"
        ]
        for r in results {
            let ratio = r.ratio.map { String(format: "%.3f", $0) } ?? "-"
            let target = r.targetRatio.map { String(format: "≥%.2f", $0) + (r.meetsTarget! ? " ok" : " MISS") } ?? "-"
            lines.append(
                pad(r.name, 36) + pad(format(r.libraryOpsPerSecond), 16)
                    + pad(r.baselineOpsPerSecond.map(format) ?? "-", 16) + pad(ratio, 8) + pad(target, 8)
                    + (r.baseline ?? "-"))
        }
        return lines.joined(separator: "\n")
    }

    /// One JSON object: `{"build": …, "results": [...]}`.
    public static func json(_ results: [ComparisonResult], build: String) -> String {
        struct Report: Codable {
            let build: String
            let cores: Int
            let results: [ComparisonResult]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let report = Report(build: build, cores: ProcessInfo.processInfo.activeProcessorCount, results: results)
        return String(decoding: try! encoder.encode(report), as: UTF8.self)
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }

    private static func format(_ rate: Double) -> String {
        String(format: "%.0f", rate)
    }
}
