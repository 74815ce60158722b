import Foundation

/// Measures operations per second of a closure: calibrates a batch size so that one batch takes at least a
/// millisecond, then runs whole batches until `seconds` have passed.
struct Stopwatch: Sendable {
    let seconds: Double

    func opsPerSecond(_ operation: () -> Void) -> Double {
        var batch = 1
        while true {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<batch { operation() }
            let elapsed = DispatchTime.now().uptimeNanoseconds - start
            if elapsed >= 1_000_000 || batch >= 1 << 24 { break }
            batch *= 2
        }
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
}
