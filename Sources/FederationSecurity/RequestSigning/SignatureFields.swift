/// The `Signature-Input` and `Signature` fields of a message (RFC 9421 §4.1, §4.2), parsed as RFC 8941
/// dictionaries keyed by label.
public struct SignatureFields: Sendable {
    /// One labelled signature.
    public struct Entry: Sendable, Equatable {
        public let label: String
        public let parameters: SignatureParameters
        /// The received inner list re-serialized: the `@signature-params` value.
        public let serializedParameters: String
        public let signature: [UInt8]
    }

    /// Longest combined `Signature-Input` or `Signature` value read.
    public static let maxFieldLength = 8192
    /// Most labels in one field.
    public static let maxLabels = 8

    /// The entries in `Signature-Input` order.
    public let entries: [Entry]

    /// Reads both fields of `message` (several lines of one field are combined with `, `, RFC 9110 §5.3).
    /// - Throws: `request.missing_signature` when either field is absent; `request.too_large`;
    ///   `request.malformed_header` when a field does not parse, a member has the wrong shape, or the labels of
    ///   the two fields differ; the `SignatureParameters` codes.
    public init(message: SignableMessage) throws(FederationError) {
        let inputLines = message.lines(named: "signature-input")
        let signatureLines = message.lines(named: "signature")
        guard !inputLines.isEmpty, !signatureLines.isEmpty else {
            throw FederationError(.requestMissingSignature, "no Signature-Input or Signature field")
        }
        let inputText = Array((inputLines.count == 1 ? inputLines[0] : inputLines.joined(separator: ", ")).utf8)
        let (inputs, canonical) = try Self.dictionary(inputText, "Signature-Input")
        let signatures = try Self.dictionary(
            Array((signatureLines.count == 1 ? signatureLines[0] : signatureLines.joined(separator: ", ")).utf8),
            "Signature"
        ).0
        func bad(_ why: String) -> FederationError { FederationError(.requestMalformedHeader, why) }
        guard inputs.count == signatures.count, inputs.allSatisfy({ i in signatures.contains { $0.key == i.key } })
        else {
            throw bad("Signature-Input and Signature do not have the same labels")
        }
        var entries: [Entry] = []
        for (n, member) in inputs.enumerated() {
            let label = member.key
            guard case .innerList(let items, let params) = member.value else {
                throw bad("Signature-Input \(label) is not an inner list")
            }
            guard case .item(let item)? = signatures.first(where: { $0.key == label })?.value,
                case .byteSequence(let b64) = item.bare, item.parameters.isEmpty,
                let bytes = try? Base64.decode(b64)
            else { throw bad("Signature \(label) is not a byte sequence") }
            let parameters = try SignatureParameters(items: items, parameters: params)
            // RFC 9421 §2.3: `@signature-params` is the received inner list re-serialized, its parameters in the
            // order received (not the order ``SignatureParameters/serialized()`` writes, which a signer need not use).
            let serialized: String
            if let range = canonical[n] {
                serialized = String(decoding: inputText[range], as: UTF8.self)
            } else {
                var bytes: [UInt8] = []
                guard StructuredFieldSerializer.innerList(items, params, into: &bytes) else {
                    throw bad("Signature-Input \(label) cannot be re-serialized")
                }
                serialized = String(decoding: bytes, as: UTF8.self)
            }
            entries.append(
                Entry(
                    label: label, parameters: parameters,
                    serializedParameters: serialized,
                    signature: bytes))
        }
        self.entries = entries
    }

    private static func dictionary(_ text: [UInt8], _ name: String) throws(FederationError)
        -> ([SFDictionaryMember], [Range<Int>?])
    {
        guard text.count <= maxFieldLength else {
            throw FederationError(.requestTooLarge, "\(name) longer than \(maxFieldLength) bytes")
        }
        let dictionary: ([SFDictionaryMember], [Range<Int>?])
        do {
            dictionary = try StructuredFields.dictionaryWithCanonicalRanges(text)
        } catch {
            throw FederationError(.requestMalformedHeader, "\(name) is not an RFC 8941 dictionary")
        }
        guard dictionary.0.count <= maxLabels else {
            throw FederationError(.requestTooLarge, "\(name) has more than \(maxLabels) labels")
        }
        return dictionary
    }

    /// The entry labelled `label`, or the first one.
    /// - Throws: `request.missing_signature`.
    public func entry(label: String?) throws(FederationError) -> Entry {
        guard let entry = label.map({ l in entries.first { $0.label == l } }) ?? entries.first else {
            throw FederationError(.requestMissingSignature, "no signature labelled \(label ?? "")")
        }
        return entry
    }
}
