/// Byte-for-byte equality of UTF-8 text, for ids that must not match by Unicode canonical equivalence (Swift's
/// `String ==` treats `"\u{E9}"` and `"e\u{301}"` as equal). For well-formed UTF-8, equal bytes is exactly equal
/// Unicode scalars. Compares the strings' contiguous storage where they have it, without iterating a `UTF8View`.
enum UTF8Equality {
    /// Whether `bytes` are the UTF-8 of `text`.
    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
        guard bytes.count == text.utf8.count else { return false }
        return text.utf8.withContiguousStorageIfAvailable { bytes.elementsEqual($0) } ?? bytes.elementsEqual(text.utf8)
    }

    /// Whether `a` and `b` have the same UTF-8.
    static func equal(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        return a.utf8.withContiguousStorageIfAvailable { equal($0, b) } ?? a.utf8.elementsEqual(b.utf8)
    }
}
