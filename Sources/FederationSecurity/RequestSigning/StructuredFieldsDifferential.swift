import RawStructuredFieldValues

/// The differential check behind `fuzz-structured-fields`: the fast parser and serializer against
/// apple/swift-http-structured-headers, the reference.
@_spi(Fuzzing)
public enum StructuredFieldsDifferential {
    /// Traps when the fast parser accepts `bytes` but the reference parser rejects them or reads something else,
    /// or when the two serializers write different bytes for what was read.
    public static func check(_ bytes: [UInt8]) {
        guard let (fast, canonical) = StructuredFieldParser.dictionaryWithCanonicalRanges(bytes) else { return }
        precondition(canonical.count == fast.count, "one canonical range per member")
        guard let reference = try? StructuredFields.referenceDictionary(bytes) else {
            preconditionFailure(
                "fast parser accepted what the reference rejects: \(String(decoding: bytes, as: UTF8.self))")
        }
        precondition(fast == reference, "parsers disagree on \(String(decoding: bytes, as: UTF8.self))")
        for (n, member) in fast.enumerated() {
            var ours: [UInt8] = []
            var serializer = StructuredFieldValueSerializer()
            switch member.value {
            case .item(let item):
                let theirs = try? serializer.writeItemFieldValue(StructuredFields.referenceItem(item))
                let ok = StructuredFieldSerializer.item(item, into: &ours)
                precondition(ok == (theirs != nil) && (!ok || ours == theirs), "item serializations differ")
            case .innerList(let items, let params):
                let theirs = try? serializer.writeListFieldValue([
                    .innerList(StructuredFields.referenceInnerList(items, params))
                ])
                let ok = StructuredFieldSerializer.innerList(items, params, into: &ours)
                precondition(ok == (theirs != nil) && (!ok || ours == theirs), "inner-list serializations differ")
                if let range = canonical[n] {
                    precondition(ok && Array(bytes[range]) == ours, "text marked canonical is not the serialization")
                }
            }
        }
    }
}
