extension Int64 {
    /// `self + other`, clamped to `Int64.min…Int64.max` instead of trapping: time checks add caller-supplied
    /// leeways and windows to times, and an extreme value must decide (fail closed), not crash the process.
    func addingClamped(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}
