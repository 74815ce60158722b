/// Byte-for-byte equality of UTF-8 text, for ids that must not match by Unicode canonical equivalence (Swift's
/// `String ==` treats `"\u{E9}"` and `"e\u{301}"` as equal). For well-formed UTF-8, equal bytes is exactly equal
/// Unicode scalars. Compares the strings' contiguous storage where they have it, without iterating a `UTF8View`.
@usableFromInline enum UTF8Equality {
    /// Whether `bytes` are the UTF-8 of `text`.
    @inlinable static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
        guard bytes.count == text.utf8.count else { return false }
        return text.utf8.withContiguousStorageIfAvailable { same(bytes, $0) } ?? bytes.elementsEqual(text.utf8)
    }

    /// Whether `a` and `b` have the same UTF-8.
    @inlinable static func equal(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        return a.utf8.withContiguousStorageIfAvailable { equal($0, b) } ?? a.utf8.elementsEqual(b.utf8)
    }

    /// Whether two buffers of equal length hold the same bytes: eight at a time, then the rest.
    @usableFromInline static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = UnsafeRawPointer(a.baseAddress), let q = UnsafeRawPointer(b.baseAddress) else {
            return a.count == b.count
        }
        var i = 0
        while i + 8 <= a.count {
            guard
                p.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    == q.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            else { return false }
            i += 8
        }
        while i < a.count {
            guard a[i] == b[i] else { return false }
            i += 1
        }
        return true
    }
}

extension String {
    /// Whether two strings are the same bytes of UTF-8 (no Unicode normalisation, unlike `==`); see ``UTF8Equality``.
    @inlinable func hasSameUTF8(as other: String) -> Bool {
        UTF8Equality.equal(self, other)
    }
}
