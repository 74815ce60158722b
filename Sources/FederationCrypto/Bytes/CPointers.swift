/// A valid address for zero-length C arguments: C APIs such as libsodium's declare their byte pointers non-null,
/// while an empty Swift buffer has no base address.
/// `nonisolated(unsafe)` is safe: the byte is never read or written; only its address is passed, with length 0.
nonisolated(unsafe) private let emptyByte = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)

extension UnsafeRawBufferPointer {
    /// The bytes as a non-null C pointer (a dummy address when empty; C never reads it for a zero length).
    var cBytes: UnsafePointer<UInt8> {
        guard let base = baseAddress else { return UnsafePointer(emptyByte) }
        return base.assumingMemoryBound(to: UInt8.self)
    }
}

extension UnsafeMutableRawBufferPointer {
    /// The bytes as a non-null mutable C pointer.
    var cBytes: UnsafeMutablePointer<UInt8> {
        guard let base = baseAddress else { return emptyByte }
        return base.assumingMemoryBound(to: UInt8.self)
    }
}
