/// Runs `body` over the bytes of `bytes` without copying when the collection has contiguous storage
/// (`[UInt8]`, `ArraySlice`, `Data`, a native `String.UTF8View`), and over a temporary copy otherwise.
@inlinable @inline(__always)
func withContiguousBytes<C: Collection<UInt8>, R>(
    _ bytes: C,
    _ body: (UnsafeRawBufferPointer) -> R
) -> R {
    if let result = bytes.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) {
        return result
    }
    return Array(bytes).withUnsafeBytes(body)
}

/// The typed-throws form of ``withContiguousBytes(_:_:)``.
@inlinable @inline(__always)
func withContiguousBytes<C: Collection<UInt8>, R, E: Error>(
    _ bytes: C,
    throwing body: (UnsafeRawBufferPointer) throws(E) -> R
) throws(E) -> R {
    let outcome: Result<R, E> = withContiguousBytes(bytes) { buffer in
        do throws(E) {
            return .success(try body(buffer))
        } catch {
            return .failure(error)
        }
    }
    return try outcome.get()
}
