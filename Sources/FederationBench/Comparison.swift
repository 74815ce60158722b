/// One benchmark: a library operation and, where one exists, the raw C call it wraps, measured in the same run.
public struct Comparison: Sendable {
    public let name: String
    /// What the ratio is divided by, e.g. "crypto_sign_verify_detached".
    public let baselineName: String?
    /// The goal for library ÷ baseline throughput, from the issue that set it.
    public let targetRatio: Double?
    let library: @Sendable () -> Void
    let baseline: (@Sendable () -> Void)?

    init(
        _ name: String, baseline baselineName: String? = nil, target: Double? = nil,
        library: @escaping @Sendable () -> Void, baseline: (@Sendable () -> Void)? = nil
    ) {
        self.name = name
        self.baselineName = baselineName
        self.targetRatio = target
        self.library = library
        self.baseline = baseline
    }
}

/// The measured figures of one ``Comparison``.
public struct ComparisonResult: Sendable, Codable {
    public let name: String
    public let libraryOpsPerSecond: Double
    public let baseline: String?
    public let baselineOpsPerSecond: Double?
    /// Median over rounds of (library ops/s ÷ baseline ops/s), each round measuring both back to back.
    public let ratio: Double?
    public let targetRatio: Double?
    public let rounds: Int

    /// Whether the ratio meets its target (`nil` when there is no target).
    public var meetsTarget: Bool? {
        guard let ratio, let targetRatio else { return nil }
        return ratio >= targetRatio
    }

    enum CodingKeys: String, CodingKey {
        case name, baseline, ratio, rounds
        case libraryOpsPerSecond = "library_ops_per_sec"
        case baselineOpsPerSecond = "baseline_ops_per_sec"
        case targetRatio = "target_ratio"
    }
}

extension Comparison {
    /// Runs `rounds` rounds; in each, the baseline and the library are measured back to back (alternating which goes
    /// first) so that frequency changes and noisy neighbours affect both alike.
    func run(rounds: Int, secondsPerMeasurement: Double) -> ComparisonResult {
        let watch = Stopwatch(seconds: secondsPerMeasurement)
        var libraryRates: [Double] = []
        var baselineRates: [Double] = []
        var ratios: [Double] = []
        for round in 0..<rounds {
            if let baseline {
                let first = round % 2 == 0
                let b1 = first ? watch.opsPerSecond(baseline) : 0
                let l = watch.opsPerSecond(library)
                let b = first ? b1 : watch.opsPerSecond(baseline)
                libraryRates.append(l)
                baselineRates.append(b)
                ratios.append(l / b)
            } else {
                libraryRates.append(watch.opsPerSecond(library))
            }
        }
        return ComparisonResult(
            name: name, libraryOpsPerSecond: median(libraryRates), baseline: baselineName,
            baselineOpsPerSecond: baseline == nil ? nil : median(baselineRates),
            ratio: baseline == nil ? nil : median(ratios), targetRatio: targetRatio, rounds: rounds)
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
