extension SignatureFields {
    /// The one `Signature-Input` and one `Signature` line of `message` read in one pass over their bytes, when they
    /// have the common shape: one label, in RFC 8941 serialized form, `label=("c1" "c2" …);p1=v1;…` whose components
    /// are prebuilt ``ComponentIdentifier``s (no parameters, no repeats, at most
    /// ``SignatureParameters/maxComponents``), whose parameters are the profile's (`created`/`expires` canonical
    /// non-negative integers, `keyid`/`nonce`/`alg`/`tag` strings without escapes of at most
    /// ``SignatureParameters/maxParameterLength`` bytes, none repeated), and `label=:base64:` with valid base64.
    ///
    /// `nil` for anything else (and for a `label` that is not the one present): the caller then takes the general
    /// path (``init(message:)`` and ``entry(label:)``), which decides. An entry comes only from a message with one
    /// signature. Whenever this returns an entry, the general path returns the same one (`fuzz-signature-input` and
    /// `SignatureFieldsCommonShapeTests` check it), so verdicts do not depend on which path ran.
    static func commonShape(_ message: SignableMessage, label wanted: String?) -> Entry? {
        guard let (input, signature) = singleLines(message) else { return nil }
        return TextBytes.withUTF8(input) { inputBytes in
            TextBytes.withUTF8(signature) { signatureBytes in
                CommonShapeReader(input: inputBytes, signature: signatureBytes).read(label: wanted)
            }
        }
    }

    /// The values of the one `Signature-Input` line and the one `Signature` line of `message`; `nil` unless there is
    /// exactly one of each.
    static func singleLines(_ message: SignableMessage) -> (input: String, signature: String)? {
        // Positions first, through a buffer pointer: reading `known` in place copies (and retains) no line.
        var input = -1
        var signature = -1
        let found = message.fields.withUnsafeBufferPointer { fields -> Bool in
            for i in fields.indices {
                let known = fields[i].known
                if known == .signatureInput {
                    guard input < 0 else { return false }
                    input = i
                } else if known == .signature {
                    guard signature < 0 else { return false }
                    signature = i
                }
            }
            return input >= 0 && signature >= 0
        }
        guard found else { return nil }
        return (message.fields[input].value, message.fields[signature].value)
    }
}

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
        get { flags & 1 != 0 ? created64 : nil }
        set {
            created64 = newValue ?? 0
            flags = newValue == nil ? flags & ~1 : flags | 1
        }
    }
    var expires: Int64? {
        get { flags & 2 != 0 ? expires64 : nil }
        set {
            expires64 = newValue ?? 0
            flags = newValue == nil ? flags & ~2 : flags | 2
        }
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

/// The reader behind ``CommonShapeLayout``: offsets into the two fields' UTF-8.
struct CommonShapeReader {
    let input: UnsafeBufferPointer<UInt8>
    let signature: UnsafeBufferPointer<UInt8>

    /// The entry of the common shape (``SignatureFields/commonShape(_:label:)``), or `nil`.
    func read(label wanted: String?) -> SignatureFields.Entry? {
        guard let layout = layout(),
            let bytes = Self.decodeBase64(UnsafeBufferPointer(rebasing: signature[layout.signature]))
        else { return nil }
        let label = String(decoding: UnsafeBufferPointer(rebasing: input[..<layout.labelEnd]), as: UTF8.self)
        if let wanted, wanted != label { return nil }
        return SignatureFields.Entry(
            label: label, parameters: parameters(layout),
            serializedParameters: String(
                decoding: UnsafeBufferPointer(rebasing: input[layout.listStart...]), as: UTF8.self),
            signature: bytes)
    }

    /// The parameters of `layout`, as the general path builds them.
    func parameters(_ layout: CommonShapeLayout) -> SignatureParameters {
        Self.parameters(layout, input: input)
    }

    /// The parameters of `layout` over the `Signature-Input` value `input`.
    static func parameters(_ layout: CommonShapeLayout, input: UnsafeBufferPointer<UInt8>) -> SignatureParameters {
        let prebuilt = ComponentIdentifier.prebuilt
        var components: [ComponentIdentifier] = []
        components.reserveCapacity(layout.componentCount)
        for n in 0..<layout.componentCount { components.append(prebuilt[layout.component(n)]) }
        func text(_ range: Range<Int>?) -> String? {
            range.map { String(decoding: UnsafeBufferPointer(rebasing: input[$0]), as: UTF8.self) }
        }
        return SignatureParameters(
            components: components, created: layout.created, expires: layout.expires, keyID: text(layout.keyID),
            nonce: text(layout.nonce), algorithm: text(layout.algorithm), tag: text(layout.tag))
    }

    /// The layout, when both fields have the common shape (the label and base64 alphabet are checked; the base64
    /// text is not decoded).
    func layout() -> CommonShapeLayout? {
        guard input.count <= SignatureFields.maxFieldLength, signature.count <= SignatureFields.maxFieldLength,
            let labelEnd = Self.keyEnd(input, from: 0), labelEnd < input.count, input[labelEnd] == UInt8(ascii: "="),
            labelEnd + 1 < input.count, input[labelEnd + 1] == UInt8(ascii: "(")
        else { return nil }
        // `label=:` in Signature, the same label.
        guard signature.count > labelEnd + 2,
            UTF8Equality.same(
                UnsafeBufferPointer(rebasing: input[..<(labelEnd + 1)]),
                UnsafeBufferPointer(rebasing: signature[..<(labelEnd + 1)])),
            signature[labelEnd + 1] == UInt8(ascii: ":"), signature[signature.count - 1] == UInt8(ascii: ":")
        else { return nil }
        var layout = CommonShapeLayout()
        layout.labelEnd = labelEnd
        layout.listStart = labelEnd + 1
        layout.signature = (labelEnd + 2)..<(signature.count - 1)
        guard let end = readComponents(from: labelEnd + 2, into: &layout),
            readParameters(from: end, into: &layout)
        else { return nil }
        return layout
    }

    /// The prebuilt identifiers between `(` and `)`, separated by exactly one space; the offset after `)`.
    private func readComponents(from start: Int, into layout: inout CommonShapeLayout) -> Int? {
        let table = PrebuiltTable.shared
        var i = start
        while true {
            guard i < input.count else { return nil }
            if input[i] == UInt8(ascii: ")") { return i + 1 }
            if layout.componentCount > 0 {
                guard input[i] == 0x20, i + 1 < input.count else { return nil }
                i += 1
            }
            // Distinct prebuilt identifiers have distinct kinds, so a repeat is a repeated index; there are fewer
            // than 16 of them, so fewer than ``SignatureParameters/maxComponents``.
            guard input[i] == UInt8(ascii: "\"") else { return nil }
            // Up to the next quote without checking the bytes between: the text must be one of the prebuilt
            // identifiers byte for byte, each a valid RFC 8941 string (an escape or any other byte fails the match).
            var close = i + 1
            while close < input.count, input[close] != UInt8(ascii: "\"") { close += 1 }
            guard close < input.count, let index = table.index(of: UnsafeBufferPointer(rebasing: input[i...close])),
                layout.covered & (1 << index) == 0
            else { return nil }
            layout.covered |= 1 << index
            layout.components |= UInt64(index) << (4 * UInt64(layout.componentCount))
            layout.componentCount += 1
            i = close + 1
        }
    }

    /// `;key=value` parameters up to the end of `Signature-Input`.
    private func readParameters(from start: Int, into layout: inout CommonShapeLayout) -> Bool {
        var i = start
        var seen = 0  // one bit per parameter
        while i < input.count {
            guard input[i] == UInt8(ascii: ";"), let keyEnd = Self.keyEnd(input, from: i + 1), keyEnd < input.count,
                input[keyEnd] == UInt8(ascii: "=")
            else { return false }
            let key = UnsafeBufferPointer(rebasing: input[(i + 1)..<keyEnd])
            guard key.count <= 8, let index = Self.parameterKeys.firstIndex(of: Self.packed(key)),
                seen & (1 << index) == 0
            else { return false }
            seen |= 1 << index
            i = keyEnd + 1
            if index < 2 {
                guard let (value, end) = Self.integer(input, from: i) else { return false }
                if index == 0 { layout.created = value } else { layout.expires = value }
                i = end
            } else {
                guard i < input.count, input[i] == UInt8(ascii: "\""), let close = Self.stringEnd(input, from: i + 1),
                    close - i - 1 <= SignatureParameters.maxParameterLength
                else { return false }
                let value = (i + 1)..<close
                switch index {
                case 2: layout.keyID = value
                case 3: layout.nonce = value
                case 4: layout.algorithm = value
                default: layout.tag = value
                }
                i = close + 1
            }
        }
        return true
    }

    /// Indexes 0–1 are integers, the rest strings.
    static let parameterNames = ["created", "expires", "keyid", "nonce", "alg", "tag"]
    /// ``parameterNames`` packed by ``packed(_:)`` (each is at most 8 bytes), so a key is found by integer compares.
    static let parameterKeys: [UInt64] = parameterNames.map { name in
        Array(name.utf8).withUnsafeBufferPointer { packed($0) }
    }

    /// Up to 8 bytes as one integer, first byte highest, shorter text padded with zero bytes: distinct texts of at
    /// most 8 bytes without a zero byte pack to distinct integers.
    static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if bytes.count >= 8, let base = UnsafeRawPointer(bytes.baseAddress) {
            return UInt64(bigEndian: base.loadUnaligned(as: UInt64.self))
        }
        var word: UInt64 = 0
        for i in 0..<8 { word = word << 8 | UInt64(i < bytes.count ? bytes[i] : 0) }
        return word
    }

    /// The end of an RFC 8941 key starting at `from` (`lcalpha / "*"` then `lcalpha / DIGIT / "_-.*"`).
    static func keyEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < bytes.count, bytes[from].isASCIILowercaseLetter || bytes[from] == UInt8(ascii: "*") else {
            return nil
        }
        var i = from + 1
        while i < bytes.count {
            let c = bytes[i]
            guard c.isASCIILowercaseLetter || c.isASCIIDigit || c == 0x5F || c == 0x2D || c == 0x2E || c == 0x2A
            else { break }
            i += 1
        }
        return i
    }

    /// The offset of the `"` closing a string whose content starts at `from`, when the content is printable ASCII
    /// without `"` or `\` (so its serialization is the received text).
    static func stringEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var i = from
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { return i }
            // 0x20...0x7E as one unsigned comparison.
            guard c &- 0x20 <= 0x5E, c != UInt8(ascii: "\\") else { return nil }
            i += 1
        }
        return nil
    }

    /// A canonical non-negative integer of at most 15 digits (no leading zero) ending at `;` or the end.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> (Int64, Int)? {
        var i = from
        var value: Int64 = 0
        while i < bytes.count, bytes[i].isASCIIDigit {
            guard i - from < 15 else { return nil }  // before the 16th digit: no overflow
            value = value * 10 + Int64(bytes[i] - 0x30)
            i += 1
        }
        let digits = i - from
        guard (1...15).contains(digits), digits == 1 || bytes[from] != 0x30,
            i == bytes.count || bytes[i] == UInt8(ascii: ";")
        else { return nil }
        return (value, i)
    }

    /// The signature bytes, with ``Base64``'s strict checks (`nil` when they fail: the general path reports it).
    static func decodeBase64(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let codec = Base64.codec
        var written = -1
        let bytes = [UInt8](unsafeUninitializedCapacity: codec.maxDecodedCount(text.count)) { output, initialised in
            written = (try? codec.decode(utf8: text, into: output).get()) ?? -1
            initialised = max(written, 0)
        }
        return written < 0 ? nil : bytes
    }
}

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
