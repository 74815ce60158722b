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
            // than 16 of them, so fewer than ``SignatureParameters/maxComponents``. The text must be one of the
            // prebuilt identifiers byte for byte, each a valid RFC 8941 string (an escape or any other byte fails the
            // match).
            guard input[i] == UInt8(ascii: "\""), let (index, end) = table.match(input, at: i),
                layout.covered & (1 << index) == 0
            else { return nil }
            layout.covered |= 1 << index
            layout.components |= UInt64(index) << (4 * UInt64(layout.componentCount))
            layout.componentCount += 1
            i = end
        }
    }

    /// `;key=value` parameters up to the end of `Signature-Input`.
    private func readParameters(from start: Int, into layout: inout CommonShapeLayout) -> Bool {
        var i = start
        var seen = 0  // one bit per parameter
        while i < input.count {
            guard input[i] == UInt8(ascii: ";"), let (index, valueStart) = Self.parameterKey(input, at: i + 1),
                seen & (1 << index) == 0
            else { return false }
            seen |= 1 << index
            i = valueStart
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

    /// The index in ``parameterNames`` of the key at `start` when it is followed by `=`, and the offset after `=`.
    ///
    /// Every name is an RFC 8941 key and none is a prefix of another followed by `=`, so this is what reading the
    /// longest key at `start` (``keyEnd(_:from:)``), requiring `=` after it and looking it up finds.
    static func parameterKey(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> (index: Int, valueStart: Int)? {
        guard start < input.count else { return nil }
        let index: Int
        switch input[start] {
        case UInt8(ascii: "c"): index = 0
        case UInt8(ascii: "e"): index = 1
        case UInt8(ascii: "k"): index = 2
        case UInt8(ascii: "n"): index = 3
        case UInt8(ascii: "a"): index = 4
        case UInt8(ascii: "t"): index = 5
        default: return nil
        }
        let (pattern, mask, length) = parameterKeyWords[index]
        if input.count - start >= 8, let base = UnsafeRawPointer(input.baseAddress) {
            // `name=` is at most eight bytes: one masked compare.
            guard base.loadUnaligned(fromByteOffset: start, as: UInt64.self) & mask == pattern else { return nil }
            return (index, start + length)
        }
        guard input.count - start >= length,
            UTF8Equality.equal(
                UnsafeBufferPointer(rebasing: input[start..<(start + length)]), parameterNames[index] + "=")
        else { return nil }
        return (index, start + length)
    }

    /// Each of ``parameterNames`` followed by `=`, as the little-endian word of its bytes, the mask of those bytes in a
    /// word, and its length.
    static let parameterKeyWords: [(pattern: UInt64, mask: UInt64, length: Int)] = parameterNames.map { name in
        let bytes = Array((name + "=").utf8)
        precondition(bytes.count <= 8, "a parameter key and = fit in a word")
        var pattern: UInt64 = 0
        for (i, byte) in bytes.enumerated() { pattern |= UInt64(byte) << (8 * UInt64(i)) }
        return (pattern, bytes.count == 8 ? ~0 : (1 << (8 * UInt64(bytes.count))) - 1, bytes.count)
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
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            // Eight bytes at a time while none is a quote, a backslash or outside 0x20…0x7E; the byte loop below
            // then decides at the first that is.
            while i + 8 <= bytes.count,
                !WordBytes.hasStringSpecialByte(base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            {
                i += 8
            }
        }
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { return i }
            guard WordBytes.isStringPlainByte(c) else { return nil }
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
