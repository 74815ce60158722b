/// The serializations of ``ComponentIdentifier/prebuilt`` in one flat array, so a lookup compares bytes without
/// copying (and retaining) identifiers.
struct PrebuiltTable: Sendable {
    static let shared = PrebuiltTable()

    let bytes: [UInt8]
    let ranges: [Range<Int>]
    /// Each identifier's signature-base line start, `<identifier>: `, in one flat array.
    let lineStarts: [UInt8]
    let lineStartRanges: [Range<Int>]
    /// Indexes by the slot of their first four bytes (``slot(_:)``), linearly probed; -1 is empty.
    private let slots: [Int8]
    /// The kinds, by index.
    let kinds: [ComponentIdentifier.Kind]
    /// Where each identifier's value comes from, by index: what the fast path's base writer reads instead of the
    /// kind (a field's kind holds its name as a string, which copying retains and releases).
    let sources: [ValueSource]

    enum ValueSource: Sendable {
        case method
        case derived(TargetURI.Part)
        case field(KnownFieldName)
        /// Not a request component (`@status`).
        case none
    }
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
        precondition(ranges.allSatisfy { $0.count >= 6 }, "four bytes of every identifier lie before its last quote")
        precondition(
            ranges.allSatisfy { !bytes[$0].dropFirst().dropLast().contains(UInt8(ascii: "\"")) },
            "a serialization's only quotes are its first and last byte (match(_:at:) relies on it)")
        var slots = [Int8](repeating: -1, count: Self.slotCount)
        for (n, range) in ranges.enumerated() {
            var slot = bytes.withUnsafeBufferPointer { Self.slot(UnsafeRawPointer($0.baseAddress! + range.lowerBound)) }
            while slots[slot] >= 0 { slot = (slot + 1) % Self.slotCount }
            slots[slot] = Int8(n)
        }
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
        sources = kinds.map { kind in
            if let part = TargetURI.Part(kind) { return .derived(part) }
            switch kind {
            case .method: return .method
            case .field(let name, false):
                let known = KnownFieldName(name)
                precondition(known != .other, "every prebuilt field name is a known one")
                return .field(known)
            default: return .none
            }
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

    /// The prebuilt identifier whose serialization starts `input` at `start`: its index and the offset after its
    /// closing quote; `nil` when none does.
    ///
    /// No serialization holds a quote but its first and last byte, so a match is exactly what scanning `input` from
    /// `start + 1` to the next quote and comparing the text with each serialization finds. Candidates come by their
    /// first four bytes (every serialization has at least six), then the whole serialization is compared.
    func match(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> (index: Int, end: Int)? {
        guard start >= 0, input.count - start >= 4, let base = input.baseAddress else { return nil }
        let text = UnsafeRawPointer(base + start)
        return slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { bytes in
                var slot = Self.slot(text)
                while true {
                    let n = Int(slots[slot])
                    if n < 0 { return nil }
                    // `"content-digest"`, `"content-length"` and `"content-type"` share their first four bytes.
                    let range = ranges[n]
                    if range.count <= input.count - start,
                        Self.same(text, UnsafeRawPointer(bytes.baseAddress! + range.lowerBound), count: range.count)
                    {
                        return (n, start + range.count)
                    }
                    slot = (slot + 1) % Self.slotCount
                }
            }
        }
    }

    /// Slots in ``slots``: four times the identifiers, so probes are short.
    private static let slotCount = 64

    /// A multiplicative hash of the four bytes at `text`, top six bits.
    private static func slot(_ text: UnsafeRawPointer) -> Int {
        Int(truncatingIfNeeded: (text.loadUnaligned(as: UInt32.self) &* 0x9E37_79B1) >> 26)
    }

    /// Whether `count` (at least four) bytes at `a` and `b` are the same: in words, the last one overlapping.
    private static func same(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Bool {
        if count < 8 {
            return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
                && a.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
                    == b.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        }
        var i = 0
        while i + 8 < count {
            guard
                a.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    == b.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            else { return false }
            i += 8
        }
        return a.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            == b.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }
}
