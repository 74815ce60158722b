import Dispatch

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
    /// Median over rounds of each round's median over pairs of batches of (library ops/s ÷ baseline ops/s).
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
    /// Runs `rounds` rounds. With a baseline, each round alternates batches of the library and the baseline for
    /// twice `secondsPerMeasurement`, swapping the order every pair. Each batch is calibrated to take at least ten
    /// milliseconds, so refilling the caches after the other side ran is a small part of it. The round's ratio is the
    /// median over its pairs of library ops/s ÷ baseline ops/s: the two sides of a pair run within tens of
    /// milliseconds of each other, so a burst of other work on the machine, which would slow one side of a
    /// back-to-back measurement of `secondsPerMeasurement` each, moves a few pairs and not the median. The reported
    /// ratio is the median over rounds; the rates are each round's whole-round rates, medians over rounds.
    func run(rounds: Int, secondsPerMeasurement: Double) -> ComparisonResult {
        let watch = Stopwatch(seconds: secondsPerMeasurement)
        guard let baseline else {
            let rates = (0..<rounds).map { _ in watch.opsPerSecond(library) }
            return ComparisonResult(
                name: name, libraryOpsPerSecond: median(rates), baseline: baselineName, baselineOpsPerSecond: nil,
                ratio: nil, targetRatio: targetRatio, rounds: rounds)
        }
        let libraryBatch = Stopwatch.calibratedBatch(library)
        let baselineBatch = Stopwatch.calibratedBatch(baseline)
        var libraryRates: [Double] = []
        var baselineRates: [Double] = []
        var ratios: [Double] = []
        for _ in 0..<rounds {
            var pairRatios: [Double] = []
            var libraryNanos: UInt64 = 0
            var baselineNanos: UInt64 = 0
            let budget = UInt64(2 * secondsPerMeasurement * 1e9)
            let start = DispatchTime.now().uptimeNanoseconds
            repeat {
                let libraryFirst = pairRatios.count % 2 == 0
                let b1 = libraryFirst ? 0 : Stopwatch.nanoseconds(baseline, times: baselineBatch)
                let l = Stopwatch.nanoseconds(library, times: libraryBatch)
                let b = libraryFirst ? Stopwatch.nanoseconds(baseline, times: baselineBatch) : b1
                libraryNanos += l
                baselineNanos += b
                // (library ops per ns) ÷ (baseline ops per ns)
                pairRatios.append(
                    (Double(libraryBatch) / Double(max(l, 1))) / (Double(baselineBatch) / Double(max(b, 1))))
            } while DispatchTime.now().uptimeNanoseconds - start < budget
            ratios.append(median(pairRatios))
            libraryRates.append(Double(libraryBatch * pairRatios.count) / (Double(libraryNanos) / 1e9))
            baselineRates.append(Double(baselineBatch * pairRatios.count) / (Double(baselineNanos) / 1e9))
        }
        return ComparisonResult(
            name: name, libraryOpsPerSecond: median(libraryRates), baseline: baselineName,
            baselineOpsPerSecond: median(baselineRates), ratio: median(ratios), targetRatio: targetRatio,
            rounds: rounds)
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
