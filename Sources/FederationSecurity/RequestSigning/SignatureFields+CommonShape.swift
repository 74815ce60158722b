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
        var input: String?
        var signature: String?
        let fields = message.fields
        for i in fields.indices {
            if fields[i].name == "signature-input" {
                guard input == nil else { return nil }
                input = fields[i].value
            } else if fields[i].name == "signature" {
                guard signature == nil else { return nil }
                signature = fields[i].value
            }
        }
        guard let input, let signature else { return nil }
        return TextBytes.withUTF8(input) { inputBytes in
            TextBytes.withUTF8(signature) { signatureBytes in
                CommonShapeReader(input: inputBytes, signature: signatureBytes).read(label: wanted)
            }
        }
    }
}

/// The reader behind ``SignatureFields/commonShape(_:label:)``: offsets into the two fields' UTF-8.
private struct CommonShapeReader {
    let input: UnsafeBufferPointer<UInt8>
    let signature: UnsafeBufferPointer<UInt8>

    func read(label wanted: String?) -> SignatureFields.Entry? {
        guard input.count <= SignatureFields.maxFieldLength, signature.count <= SignatureFields.maxFieldLength,
            let labelEnd = Self.keyEnd(input, from: 0), labelEnd < input.count, input[labelEnd] == UInt8(ascii: "="),
            labelEnd + 1 < input.count, input[labelEnd + 1] == UInt8(ascii: "(")
        else { return nil }
        let open = labelEnd + 1
        // `label=:` in Signature, the same label.
        guard signature.count > labelEnd + 2,
            UTF8Equality.same(
                UnsafeBufferPointer(rebasing: input[..<(labelEnd + 1)]),
                UnsafeBufferPointer(rebasing: signature[..<(labelEnd + 1)])),
            signature[labelEnd + 1] == UInt8(ascii: ":"), signature[signature.count - 1] == UInt8(ascii: ":")
        else { return nil }
        guard let components = readComponents(from: open + 1) else { return nil }
        var parameters = SignatureParameters(components: components.list, created: nil, keyID: nil)
        guard readParameters(from: components.end, into: &parameters),
            let bytes = Self.decodeBase64(
                UnsafeBufferPointer(rebasing: signature[(labelEnd + 2)..<(signature.count - 1)]))
        else { return nil }
        let label = String(decoding: UnsafeBufferPointer(rebasing: input[..<labelEnd]), as: UTF8.self)
        if let wanted, wanted != label { return nil }
        return SignatureFields.Entry(
            label: label, parameters: parameters,
            serializedParameters: String(decoding: UnsafeBufferPointer(rebasing: input[open...]), as: UTF8.self),
            signature: bytes)
    }

    /// The prebuilt identifiers between `(` and `)`, separated by exactly one space; the offset after `)`.
    private func readComponents(from start: Int) -> (list: [ComponentIdentifier], end: Int)? {
        var list: [ComponentIdentifier] = []
        list.reserveCapacity(8)
        var seen: UInt64 = 0  // one bit per prebuilt identifier: distinct identifiers have distinct kinds
        var i = start
        while true {
            guard i < input.count else { return nil }
            if input[i] == UInt8(ascii: ")") { return (list, i + 1) }
            if !list.isEmpty {
                guard input[i] == 0x20, i + 1 < input.count else { return nil }
                i += 1
            }
            guard input[i] == UInt8(ascii: "\""), let close = Self.stringEnd(input, from: i + 1),
                let index = PrebuiltTable.shared.index(of: UnsafeBufferPointer(rebasing: input[i...close])),
                seen & (1 << index) == 0, list.count < SignatureParameters.maxComponents
            else { return nil }
            seen |= 1 << index
            list.append(ComponentIdentifier.prebuilt[index])
            i = close + 1
        }
    }

    /// `;key=value` parameters up to the end of `Signature-Input`.
    private func readParameters(from start: Int, into parameters: inout SignatureParameters) -> Bool {
        var i = start
        var seen = 0  // one bit per parameter
        while i < input.count {
            guard input[i] == UInt8(ascii: ";"), let keyEnd = Self.keyEnd(input, from: i + 1), keyEnd < input.count,
                input[keyEnd] == UInt8(ascii: "=")
            else { return false }
            let key = UnsafeBufferPointer(rebasing: input[(i + 1)..<keyEnd])
            guard let index = Self.parameterNames.firstIndex(where: { UTF8Equality.equal(key, $0) }),
                seen & (1 << index) == 0
            else { return false }
            seen |= 1 << index
            i = keyEnd + 1
            if index < 2 {
                guard let (value, end) = Self.integer(input, from: i) else { return false }
                if index == 0 { parameters.created = value } else { parameters.expires = value }
                i = end
            } else {
                guard i < input.count, input[i] == UInt8(ascii: "\""), let close = Self.stringEnd(input, from: i + 1),
                    close - i - 1 <= SignatureParameters.maxParameterLength
                else { return false }
                let value = String(decoding: UnsafeBufferPointer(rebasing: input[(i + 1)..<close]), as: UTF8.self)
                switch index {
                case 2: parameters.keyID = value
                case 3: parameters.nonce = value
                case 4: parameters.algorithm = value
                default: parameters.tag = value
                }
                i = close + 1
            }
        }
        return true
    }

    /// Indexes 0–1 are integers, the rest strings.
    static let parameterNames = ["created", "expires", "keyid", "nonce", "alg", "tag"]

    /// The end of an RFC 8941 key starting at `from` (`lcalpha / "*"` then `lcalpha / DIGIT / "_-.*"`).
    static func keyEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < bytes.count, (0x61...0x7A).contains(bytes[from]) || bytes[from] == UInt8(ascii: "*") else {
            return nil
        }
        var i = from + 1
        while i < bytes.count {
            let c = bytes[i]
            guard (0x61...0x7A).contains(c) || c.isASCIIDigit || c == 0x5F || c == 0x2D || c == 0x2E || c == 0x2A
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
            guard (0x20...0x7E).contains(c), c != UInt8(ascii: "\\") else { return nil }
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
private struct PrebuiltTable: Sendable {
    static let shared = PrebuiltTable()

    let bytes: [UInt8]
    let ranges: [Range<Int>]

    private init() {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for known in ComponentIdentifier.prebuilt {
            ranges.append(bytes.count..<(bytes.count + known.serializedBytes.count))
            bytes += known.serializedBytes
        }
        precondition(ranges.count <= 64, "one bit per prebuilt identifier")
        self.bytes = bytes
        self.ranges = ranges
    }

    /// The index in ``ComponentIdentifier/prebuilt`` of the identifier serialized as `text`.
    func index(of text: UnsafeBufferPointer<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { all in
            ranges.firstIndex {
                $0.count == text.count && UTF8Equality.same(UnsafeBufferPointer(rebasing: all[$0]), text)
            }
        }
    }
}
