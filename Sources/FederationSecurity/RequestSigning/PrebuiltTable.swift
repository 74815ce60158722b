/// The serializations of ``ComponentIdentifier/prebuilt`` in one flat array, so a lookup compares bytes without
/// copying (and retaining) identifiers.
struct PrebuiltTable: Sendable {
    static let shared = PrebuiltTable()

    let bytes: [UInt8]
    let ranges: [Range<Int>]
    /// Each identifier's signature-base line start, `<identifier>: `, in one flat array.
    let lineStarts: [UInt8]
    let lineStartRanges: [Range<Int>]
    /// Each identifier's length and first eight bytes, by index.
    private let keys: [Key]
    /// Indexes by ``Key/slot``, linearly probed; -1 is empty.
    private let slots: [Int8]
    /// The kinds, by index.
    let kinds: [ComponentIdentifier.Kind]
    /// The field names, by index (``KnownFieldName/other`` for a derived component).
    let fieldNames: [KnownFieldName]
    /// The bit of `content-digest`.
    let contentDigestBit: UInt64

    private init() {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for known in ComponentIdentifier.prebuilt {
            ranges.append(bytes.count..<(bytes.count + known.serializedBytes.count))
            bytes += known.serializedBytes
        }
        precondition(ranges.count < 16, "four bits per component in CommonShapeLayout")
        self.bytes = bytes
        self.ranges = ranges
        let keys = bytes.withUnsafeBufferPointer { all in
            ranges.map { Self.key(UnsafeBufferPointer(rebasing: all[$0])) }
        }
        var slots = [Int8](repeating: -1, count: Key.slotCount)
        for (n, key) in keys.enumerated() {
            var slot = key.slot
            while slots[slot] >= 0 { slot = (slot + 1) % Key.slotCount }
            slots[slot] = Int8(n)
        }
        self.keys = keys
        self.slots = slots
        var lineStarts: [UInt8] = []
        var lineStartRanges: [Range<Int>] = []
        for range in ranges {
            let start = lineStarts.count
            lineStarts += bytes[range]
            lineStarts += ": ".utf8
            lineStartRanges.append(start..<lineStarts.count)
        }
        self.lineStarts = lineStarts
        self.lineStartRanges = lineStartRanges
        kinds = ComponentIdentifier.prebuilt.map(\.kind)
        fieldNames = kinds.map { kind in
            guard case .field(let name, false) = kind else { return .other }
            let known = KnownFieldName(name)
            precondition(known != .other, "every prebuilt field name is a known one")
            return known
        }
        contentDigestBit = 1 << kinds.firstIndex(of: .field(name: "content-digest", byteSequence: false))!
    }

    /// One bit per identifier of `components`, or `nil` when one is not prebuilt (a common-shape signature, which
    /// covers only prebuilt ones, then cannot cover them all).
    func mask(of components: [ComponentIdentifier]) -> UInt64? {
        var mask: UInt64 = 0
        for component in components {
            guard let index = kinds.firstIndex(of: component.kind) else { return nil }
            mask |= 1 << index
        }
        return mask
    }

    /// The index in ``ComponentIdentifier/prebuilt`` of the identifier serialized as `text`.
    func index(of text: UnsafeBufferPointer<UInt8>) -> Int? {
        // Candidates by length and first eight bytes (integer compares), then the whole text.
        let key = Self.key(text)
        var slot = key.slot
        while true {
            let n = Int(slots[slot])
            if n < 0 { return nil }
            // Equal keys (length and first eight bytes) are candidates only: `"content-digest"` and
            // `"content-length"` share theirs.
            if keys[n] == key,
                bytes.withUnsafeBufferPointer({ UTF8Equality.same(UnsafeBufferPointer(rebasing: $0[ranges[n]]), text) })
            {
                return n
            }
            slot = (slot + 1) % Key.slotCount
        }
    }

    /// The length and the first eight bytes (``CommonShapeReader/packed(_:)``).
    private static func key(_ text: UnsafeBufferPointer<UInt8>) -> Key {
        Key(count: text.count, prefix: CommonShapeReader.packed(UnsafeBufferPointer(rebasing: text.prefix(8))))
    }

    private struct Key: Equatable {
        let count: Int
        let prefix: UInt64

        /// Slots in ``PrebuiltTable/slots``: four times the identifiers, so probes are short.
        static let slotCount = 64

        /// A multiplicative hash of both words, top six bits.
        var slot: Int { Int(truncatingIfNeeded: ((prefix ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15) >> 58) }
    }
}
