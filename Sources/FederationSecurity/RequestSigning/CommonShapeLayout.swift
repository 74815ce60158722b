/// Where the parts of a common-shape `Signature-Input`/`Signature` pair lie: offsets into the two fields' UTF-8,
/// the covered components as indexes into ``ComponentIdentifier/prebuilt``, and the integer parameters. Reading it
/// builds no string or array; ``SignatureFields/commonShape(_:label:)`` turns it into an ``SignatureFields/Entry`` and
/// ``RFC9421Verifier``'s fast path verifies from it directly.
struct CommonShapeLayout: Sendable {
    // Offsets are at most ``SignatureFields/maxFieldLength`` (8 KiB), so they are kept as 32-bit spans: the layout is
    // copied into the verifier's result several times per request, and the `Range<Int>?` fields made it 184 bytes.
    private var labelEnd32: Int32 = 0
    private var listStart32: Int32 = 0
    private var spans = (Span.none, Span.none, Span.none, Span.none, Span.none)
    private var created64: Int64 = 0
    private var expires64: Int64 = 0
    private var flags: UInt8 = 0
    private var count: UInt8 = 0
    private var covered16: UInt16 = 0
    /// The components in order, four bits each (index into ``ComponentIdentifier/prebuilt``, which has fewer than 16).
    var components: UInt64 = 0

    /// A range of offsets, or none.
    private struct Span: Sendable {
        var start: Int32
        var end: Int32

        static let none = Span(start: -1, end: -1)

        init(start: Int32, end: Int32) {
            self.start = start
            self.end = end
        }

        init(_ range: Range<Int>?) {
            self = range.map { Span(start: Int32($0.lowerBound), end: Int32($0.upperBound)) } ?? .none
        }

        var range: Range<Int>? { start < 0 ? nil : Int(start)..<Int(end) }
    }

    /// `label` is `input[..<labelEnd]` (and `signature[..<labelEnd]`).
    var labelEnd: Int {
        get { Int(labelEnd32) }
        set { labelEnd32 = Int32(newValue) }
    }
    /// The inner list, `(`…`)` and its parameters, is `input[listStart...]`: the `@signature-params` value.
    var listStart: Int {
        get { Int(listStart32) }
        set { listStart32 = Int32(newValue) }
    }
    var componentCount: Int {
        get { Int(count) }
        set { count = UInt8(newValue) }
    }
    /// One bit per prebuilt index covered.
    var covered: UInt64 {
        get { UInt64(covered16) }
        set { covered16 = UInt16(newValue) }
    }
    var created: Int64? {
        get { flags & Self.hasCreated != 0 ? created64 : nil }
        set { (created64, flags) = Self.stored(newValue, flag: Self.hasCreated, in: flags) }
    }
    var expires: Int64? {
        get { flags & Self.hasExpires != 0 ? expires64 : nil }
        set { (expires64, flags) = Self.stored(newValue, flag: Self.hasExpires, in: flags) }
    }

    private static let hasCreated: UInt8 = 1
    private static let hasExpires: UInt8 = 2

    /// An optional integer as a stored value and `flags` with its bit set or cleared.
    private static func stored(_ value: Int64?, flag: UInt8, in flags: UInt8) -> (Int64, UInt8) {
        (value ?? 0, value == nil ? flags & ~flag : flags | flag)
    }
    var keyID: Range<Int>? {
        get { spans.0.range }
        set { spans.0 = Span(newValue) }
    }
    var nonce: Range<Int>? {
        get { spans.1.range }
        set { spans.1 = Span(newValue) }
    }
    var algorithm: Range<Int>? {
        get { spans.2.range }
        set { spans.2 = Span(newValue) }
    }
    var tag: Range<Int>? {
        get { spans.3.range }
        set { spans.3 = Span(newValue) }
    }
    /// The base64 signature text, in `signature`.
    var signature: Range<Int> {
        get { spans.4.range ?? 0..<0 }
        set { spans.4 = Span(newValue) }
    }

    /// The prebuilt index of the `n`th component.
    func component(_ n: Int) -> Int { Int(truncatingIfNeeded: components >> (4 * UInt64(n))) & 0xF }
}
