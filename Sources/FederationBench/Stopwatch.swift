import Foundation

/// Measures operations per second of a closure: calibrates a batch size so that one batch takes at least ten
/// milliseconds, then runs whole batches until `seconds` have passed.
struct Stopwatch: Sendable {
    let seconds: Double

    func opsPerSecond(_ operation: () -> Void) -> Double {
        let batch = Self.calibratedBatch(operation)
        var operations = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let budget = UInt64(seconds * 1e9)
        var elapsed: UInt64 = 0
        repeat {
            for _ in 0..<batch { operation() }
            operations += batch
            elapsed = DispatchTime.now().uptimeNanoseconds - start
        } while elapsed < budget
        return Double(operations) / (Double(elapsed) / 1e9)
    }

    /// The smallest power of two of runs of `operation` that takes at least ten milliseconds (at most 2²⁴).
    static func calibratedBatch(_ operation: () -> Void) -> Int {
        var batch = 1
        while nanoseconds(operation, times: batch) < 10_000_000 && batch < 1 << 24 { batch *= 2 }
        return batch
    }

    /// Nanoseconds taken by `times` runs of `operation`.
    static func nanoseconds(_ operation: () -> Void, times: Int) -> UInt64 {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<times { operation() }
        return DispatchTime.now().uptimeNanoseconds - start
    }
}
