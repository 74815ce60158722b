extension String {
    /// Whether two strings are the same bytes of UTF-8 (no Unicode normalisation, unlike `==`).
    ///
    /// Compares contiguous buffers when both strings have them (native and small strings do), which is several
    /// times faster than `utf8.elementsEqual` on the views; the policy request path compares peer names,
    /// capabilities and field names this way.
    @inlinable func hasSameUTF8(as other: String) -> Bool {
        // Same bytes imply `==`, so a string that is not even canonically equivalent is rejected cheaply.
        guard utf8.count == other.utf8.count, self == other else { return false }
        let fast = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b in
                guard a.count == b.count else { return false }
                for i in 0..<a.count where a[i] != b[i] { return false }
                return true
            }
        }
        if let fast, let result = fast { return result }
        return utf8.elementsEqual(other.utf8)
    }
}
