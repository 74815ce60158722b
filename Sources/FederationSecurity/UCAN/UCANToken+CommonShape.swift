extension UCANToken {
    /// How token text is decoded. Both readers accept and reject exactly the same texts with the same tokens:
    /// ``commonShapeFirst`` answers itself only for texts the strict decode accepts (see ``commonShape(_:limits:)``)
    /// and hands everything else to it.
    @_spi(Differential)
    public enum Reader: Sendable {
        /// The strict decode: split, generic ``JSONReader`` for the payload, then the member checks.
        case strict
        /// The single-pass path for the common shape, falling back to ``strict`` for anything else.
        case commonShapeFirst
    }

    /// Decodes with `reader` (``init(decoding:limits:)`` uses ``Reader/commonShapeFirst``).
    @_spi(Differential)
    public init(decoding text: String, limits: UCANLimits, reader: Reader) throws(FederationError) {
        guard text.utf8.count <= limits.maxTokenBytes else {
            throw FederationError(.ucanTooLarge, "token over \(limits.maxTokenBytes) bytes")
        }
        if reader == .commonShapeFirst, let token = Self.commonShape(text, limits: limits) {
            self = token
        } else {
            try self.init(strictlyDecoding: text, limits: limits)
        }
    }

    /// The common-shape path alone: the token when it answers, `nil` when it leaves the text to the strict decode.
    @_spi(Differential)
    public static func readCommonShape(_ text: String, limits: UCANLimits = .default) -> UCANToken? {
        guard text.utf8.count <= limits.maxTokenBytes else { return nil }
        return commonShape(text, limits: limits)
    }

    /// The bytes of ``UCANBuilder/encodedHeader``.
    static let builderHeaderBytes = Array(UCANBuilder.encodedHeader.utf8)

    /// The token of `text`, or `nil` when the strict decode must decide. Answers only for text whose header part is
    /// byte for byte ``UCANBuilder/encodedHeader`` (which the strict decode does not decode either) and whose payload
    /// ``UCANPayloadCommonShape`` reads; the signature part is decoded by the codec function that
    /// ``Base64URL/decode(_:)`` runs, under the same length limit, and the member checks are the strict decode's own
    /// (``init(encoded:header:payload:members:signature:signingInputLength:limits:)``), any failure of which declines.
    /// So the token is the one the strict decode returns; its payload object, which the strict decode would have
    /// built, is read from the text on first access (``payloadObject(of:limits:)``).
    static func commonShape(_ text: String, limits: UCANLimits) -> UCANToken? {
        // The token is built inside the closures, where the members are: returning them costs copies of nine
        // optional JSON values.
        let token: UCANToken?? = text.utf8.withContiguousStorageIfAvailable { bytes -> UCANToken? in
            let dot = UInt8(ascii: ".")
            let headerCount = builderHeaderBytes.count
            // `header.` then the payload part up to the one other dot (searched a word at a time: the generic slice
            // search walks the 300-odd bytes one index at a time).
            guard bytes.count > headerCount + 1, bytes[headerCount] == dot,
                builderHeaderBytes.withUnsafeBufferPointer({
                    UTF8Equality.same(UnsafeBufferPointer(rebasing: bytes[..<headerCount]), $0)
                }),
                let secondDot = WordBytes.firstIndex(of: dot, in: bytes, from: headerCount + 1),
                secondDot > headerCount + 1, secondDot + 1 < bytes.count,
                WordBytes.firstIndex(of: dot, in: bytes, from: secondDot + 1) == nil
            else { return nil }
            let part = UnsafeBufferPointer(rebasing: bytes[(headerCount + 1)..<secondDot])
            let signaturePart = UnsafeBufferPointer(rebasing: bytes[(secondDot + 1)...])
            guard part.count <= Base64URL.defaultMaxTextLength, signaturePart.count <= Base64URL.defaultMaxTextLength
            else { return nil }
            let codec = Base64URL.codec
            // As `Base64URL.decode` builds its array.
            var decoded = false
            let signature = [UInt8](unsafeUninitializedCapacity: codec.maxDecodedCount(signaturePart.count)) {
                output, initialised in
                guard case .success(let count) = codec.decode(utf8: signaturePart, into: output) else { return }
                initialised = count
                decoded = true
            }
            guard decoded else { return nil }
            let readerLimits = Self.readerLimits(limits)
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: codec.maxDecodedCount(part.count)) {
                scratch -> UCANToken? in
                guard case .success(let count) = codec.decode(utf8: part, into: scratch),
                    let payload = UCANPayloadCommonShape.read(
                        UnsafeBufferPointer(rebasing: scratch[..<count]), limits: readerLimits)
                else { return nil }
                return try? UCANToken(
                    encoded: text, header: standardHeader, payload: nil, members: payload.members,
                    signature: signature, signingInputLength: secondDot, limits: limits)
            }
        }
        return token ?? nil
    }
}
