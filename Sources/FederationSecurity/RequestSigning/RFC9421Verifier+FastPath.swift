extension RFC9421Verifier {
    /// Largest signature base the fast path builds (on the stack); a larger one takes the general path.
    static let fastPathBaseCapacity = 8192
    /// The size tried first: `withUnsafeTemporaryAllocation` puts up to 1 KiB on the stack without asking the
    /// runtime whether the stack has room (a larger request is checked, and here fell back to the heap).
    static let fastPathStackBaseCapacity = 1024
    /// Longest base64 signature text the fast path decodes (an Ed25519 signature is 88 characters).
    static let fastPathSignatureTextLength = 128

    /// ``authenticate(_:label:now:)`` for a message whose one signature has the common shape
    /// (``CommonShapeLayout``) and passes every check: the same result, built without the general path's strings,
    /// arrays and intermediate objects (the base is written into a stack buffer straight from the message).
    ///
    /// Success only: `nil` for anything else (another shape, a response, an unknown key, a bad signature, a time
    /// outside the window, a missing component, a digest that is not the one-line `sha-256` shape, …), and the
    /// general path then decides, with its error. Whenever this answers, the general path gives the same
    /// ``Authenticated`` (``RequestSigningFastPathDifferential/checkAuthenticate(_:label:now:verifier:)`` checks it
    /// in `fuzz-signature-input`, `fuzz-signature-base` and `RFC9421FastVerifyTests`).
    func fastAuthenticate(_ message: SignableMessage, label wanted: String?, now: Int64) -> Authenticated? {
        guard let required = requiredPrebuilt, case .request(let method, let target) = message.control else {
            return nil
        }
        return SignatureFields.withSingleLines(message) { input, signature, inputIndex in
            fastAuthenticate(
                FastFields(input: input, signature: signature, inputIndex: inputIndex), of: message, method: method,
                target: target, label: wanted, required: required, now: now)
        }
    }
}

/// The received `Signature-Input` and `Signature` values' UTF-8, and the `Signature-Input` line's index.
private struct FastFields {
    let input: UnsafeBufferPointer<UInt8>
    let signature: UnsafeBufferPointer<UInt8>
    let inputIndex: Int
}

// The message, target and verifier are passed as arguments, not held in a struct: building one would copy (and
// retain) each of them per request.
extension RFC9421Verifier {
    private func fastAuthenticate(
        _ fields: FastFields, of message: SignableMessage, method: String, target: TargetURI, label wanted: String?,
        required: UInt64, now: Int64
    ) -> Authenticated? {
        let input = fields.input
        let signature = fields.signature
        let reader = CommonShapeReader(input: input, signature: signature)
        let window = policy.window
        guard let layout = reader.layout(), let created = layout.created, let keyRange = layout.keyID,
            layout.covered & required == required,
            window.accepts(created: created, expires: layout.expires, now: now),
            layout.signature.count <= Self.fastPathSignatureTextLength
        else { return nil }
        if let wanted, !UTF8Equality.equal(UnsafeBufferPointer(rebasing: input[..<layout.labelEnd]), wanted) {
            return nil
        }
        guard let key = keys.key(utf8: UnsafeBufferPointer(rebasing: input[keyRange])) else { return nil }
        if let algorithm = layout.algorithm,
            !UTF8Equality.equal(UnsafeBufferPointer(rebasing: input[algorithm]), key.algorithm.rawValue)
        {
            return nil
        }
        if layout.covered & PrebuiltTable.shared.contentDigestBit != 0 {
            guard ContentDigest.commonShapeMatches(in: message) == true else { return nil }
        } else if policy.requiresDigestOfContent, !message.body.isEmpty {
            return nil  // the general path reports `request.missing_component`
        }
        let codec = Base64.codec
        let replayKey = withUnsafeTemporaryAllocation(
            of: UInt8.self, capacity: codec.maxDecodedCount(Self.fastPathSignatureTextLength)
        ) { buffer -> ReplayKey? in
            guard
                case .success(let count) = codec.decode(
                    utf8: UnsafeBufferPointer(rebasing: signature[layout.signature]), into: buffer)
            else { return nil }
            let bytes = UnsafeBufferPointer(rebasing: buffer[..<count])
            guard
                verifies(
                    bytes, key: key, layout: layout, input: input, message: message, method: method, target: target)
            else { return nil }
            if let nonce = layout.nonce {
                return ReplayKey(
                    tag: ReplayKey.nonceTag, scope: key.keyID, value: UnsafeBufferPointer(rebasing: input[nonce]))
            }
            return ReplayKey(tag: ReplayKey.signatureTag, scope: key.keyID, value: bytes)
        }
        guard let replayKey else { return nil }
        // The key's own `keyid` is the received one byte for byte (``RequestKeySet/key(utf8:)``).
        let verified = Verified(keyID: key.keyID, input: message.fields[fields.inputIndex].value, layout: layout)
        return Authenticated(
            verified: verified, replayKey: replayKey,
            retainUntil: window.retainUntil(created: created, expires: layout.expires), otherRecords: [])
    }

    /// Whether `signature` verifies over the signature base of `layout`, written into a stack buffer.
    private func verifies(
        _ signature: UnsafeBufferPointer<UInt8>, key: RequestSigningKey, layout: CommonShapeLayout,
        input: UnsafeBufferPointer<UInt8>, message: SignableMessage, method: String, target: TargetURI
    ) -> Bool {
        // First into a buffer small enough to be on the stack without a runtime check (a typical base is about
        // 500 bytes); only a larger base is written again into one of the fast path's largest size.
        func attempt(_ capacity: Int) -> Bool? {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
                verifies(
                    signature, key: key, layout: layout, input: input, message: message, method: method,
                    target: target, buffer: buffer)
            }
        }
        return attempt(Self.fastPathStackBaseCapacity) ?? attempt(Self.fastPathBaseCapacity) ?? false
    }

    /// Whether `signature` verifies over the base written into `buffer`; `nil` when the base does not fit.
    private func verifies(
        _ signature: UnsafeBufferPointer<UInt8>, key: RequestSigningKey, layout: CommonShapeLayout,
        input: UnsafeBufferPointer<UInt8>, message: SignableMessage, method: String, target: TargetURI,
        buffer: UnsafeMutableBufferPointer<UInt8>
    ) -> Bool? {
        var base = BaseWriter(buffer: buffer)
        let table = PrebuiltTable.shared
        let ok = table.lineStarts.withUnsafeBufferPointer { lineStarts -> Bool in
            for n in 0..<layout.componentCount {
                let index = layout.component(n)
                guard base.append(UnsafeBufferPointer(rebasing: lineStarts[table.lineStartRanges[index]])) else {
                    return false
                }
                guard
                    Self.appendValue(table.sources[index], of: message, method: method, target: target, to: &base),
                    base.append(0x0A)
                else { return false }
            }
            return true
        }
        guard ok, SignatureBase.signatureParamsPrefix.withUnsafeBufferPointer({ base.append($0) }),
            base.append(UnsafeBufferPointer(rebasing: input[layout.listStart...]))
        else { return base.overflowed ? nil : false }
        return key.isValidSignature(signature, for: base.written)
    }

    /// The value of a prebuilt component, as ``SignableMessage/appendValue(of:request:to:)`` writes it; `false` when
    /// the message has no such component, the value holds a CR or LF (the general path's `request.invalid_component`),
    /// or the buffer is full. Only the method and field values are scanned for line breaks: the values derived from
    /// the target URI cannot hold one (``TargetURI`` accepts only bytes 0x21–0x7E).
    private static func appendValue(
        _ source: PrebuiltTable.ValueSource, of message: SignableMessage, method: String, target: TargetURI,
        to base: inout BaseWriter
    ) -> Bool {
        switch source {
        case .derived(let part): return target.withDerivedUTF8(part) { base.append($0) }
        case .method: return base.appendWithoutLineBreak(method)
        case .field(let field):
            // Through a buffer pointer: reading a line in place copies none.
            return message.fields.withUnsafeBufferPointer { fields in
                var found = false
                for i in fields.indices where fields[i].known == field {
                    if found {
                        guard base.append(UInt8(ascii: ",")), base.append(UInt8(ascii: " ")) else { return false }
                    }
                    found = true
                    guard
                        TextBytes.withUTF8(
                            fields[i].value, { base.appendWithoutLineBreak(SignableMessage.trimmingOWS($0)) })
                    else {
                        return false
                    }
                }
                return found
            }
        case .none: return false  // `@status` is a response component
        }
    }
}

/// Appends into a fixed buffer; every append reports whether it fit.
private struct BaseWriter {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var count = 0
    /// Whether an append failed for want of room.
    var overflowed = false

    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buffer[..<count]) }

    mutating func append(_ byte: UInt8) -> Bool {
        guard count < buffer.count else {
            overflowed = true
            return false
        }
        buffer[count] = byte
        count += 1
        return true
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count <= buffer.count - count else {
            overflowed = true
            return false
        }
        if let source = bytes.baseAddress, bytes.count > 0 {
            let target = buffer.baseAddress! + count
            let n = bytes.count
            if n >= 8 && n <= 32 {
                // Short pieces (names, separators, most values) as 8-byte words, the last one overlapping: a
                // `memmove` call costs more than the copy.
                let from = UnsafeRawPointer(source)
                let to = UnsafeMutableRawPointer(target)
                var i = 0
                while i + 8 < n {
                    to.storeBytes(
                        of: from.loadUnaligned(fromByteOffset: i, as: UInt64.self), toByteOffset: i, as: UInt64.self)
                    i += 8
                }
                to.storeBytes(
                    of: from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self), toByteOffset: n - 8, as: UInt64.self
                )
            } else if n < 8 {
                for i in 0..<n { target[i] = source[i] }
            } else {
                target.update(from: source, count: n)
            }
        }
        count += bytes.count
        return true
    }

    mutating func append(_ text: String) -> Bool {
        TextBytes.withUTF8(text) { append($0) }
    }

    /// Appends `bytes` unless they hold a CR or LF.
    mutating func appendWithoutLineBreak(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !SignatureBase.containsLineBreak(bytes) && append(bytes)
    }

    mutating func appendWithoutLineBreak(_ text: String) -> Bool {
        TextBytes.withUTF8(text) { appendWithoutLineBreak($0) }
    }
}
