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

    /// The bytes of ``UCANBuilder/encodedHeader`` (compared as an array: comparing with a `String.UTF8View` walks
    /// string indices).
    static let builderHeaderBytes = Array(UCANBuilder.encodedHeader.utf8)

    /// The token of `text`, or `nil` when the strict decode must decide. Answers only for text whose header part is
    /// byte for byte ``UCANBuilder/encodedHeader`` (which the strict decode does not decode either) and whose payload
    /// ``UCANPayloadCommonShape`` reads; the signature part is decoded by the same function as in the strict decode,
    /// and the member checks are the strict decode's own (``init(encoded:header:payload:members:signature:signingInputLength:limits:)``),
    /// any failure of which declines. So the token is the one the strict decode returns.
    static func commonShape(_ text: String, limits: UCANLimits) -> UCANToken? {
        let header = builderHeaderBytes
        var signingInputLength = 0
        // Results as a struct, not a tuple: a tuple in a generic closure's result needs its metadata looked up at
        // run time on every call.
        let read: UCANPayloadCommonShape.Payload?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            // `header.` then the payload part up to the one other dot.
            guard bytes.count > header.count + 1, bytes[header.count] == UInt8(ascii: "."),
                bytes[..<header.count].elementsEqual(header),
                let dot = bytes[(header.count + 1)...].firstIndex(of: UInt8(ascii: ".")), dot > header.count + 1,
                dot + 1 < bytes.count, !bytes[(dot + 1)...].contains(UInt8(ascii: "."))
            else { return nil }
            let part = UnsafeBufferPointer(rebasing: bytes[(header.count + 1)..<dot])
            guard part.count <= Base64URL.defaultMaxTextLength else { return nil }
            signingInputLength = dot
            let codec = Base64URL.codec
            let readerLimits = JSONReader.Limits(maxBytes: limits.maxTokenBytes, maxDepth: limits.maxJSONDepth)
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: codec.maxDecodedCount(part.count)) {
                scratch in
                guard case .success(let count) = codec.decode(utf8: part, into: scratch) else { return nil }
                return UCANPayloadCommonShape.read(
                    UnsafeBufferPointer(rebasing: scratch[..<count]), limits: readerLimits)
            }
        }
        guard let payload = read ?? nil,
            let signature = try? Base64URL.decode(Substring(text.utf8.dropFirst(signingInputLength + 1)))
        else { return nil }
        return try? UCANToken(
            encoded: text, header: standardHeader, payload: payload.object, members: payload.members,
            signature: signature,
            signingInputLength: signingInputLength, limits: limits)
    }
}
