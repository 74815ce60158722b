/// The error codes one RFC 4648 codec reports, so that each codec keeps its own stable codes.
struct RFC4648Errors: Sendable {
    let tooLarge: ErrorCode
    let invalidCharacter: ErrorCode
    let invalidPadding: ErrorCode
    let invalidLength: ErrorCode
    let nonZeroTrailingBits: ErrorCode
}

/// The strict engine behind ``Base64``, ``Base64URL`` and ``Base32``: RFC 4648 bit groups of 6 or 5 bits.
///
/// Decoding checks, in this order: the text-length limit; that every byte is in the alphabet or is `=`
/// (RFC 4648 §3.3: non-alphabet characters are rejected); padding and length (the order depends on ``padded``,
/// see `Spec/encodings.md`); and that the unused bits of the last symbol are zero (RFC 4648 §3.5, canonical
/// encoding). Only canonical text decodes, so `encode(decode(text)) == text` whenever decoding succeeds.
struct RFC4648Codec: Sendable {
    let alphabet: [UInt8]
    let decodeTable: [UInt8]
    /// Base64 only (empty for base32): four tables of 256 entries, one per position in a 4-symbol group, each symbol's
    /// value already shifted into place in a 24-bit group (`value << 18`, `<< 12`, `<< 6`, `<< 0`), and
    /// ``invalidGroupBits`` for a byte outside the alphabet (`=` included), so a group is four loads and three ORs.
    let groupTables: [UInt32]
    /// Bits carried by one symbol: 6 for base64, 5 for base32.
    let bitsPerSymbol: Int
    /// Whether `=` padding is required (base64) or forbidden (base64url, base32).
    let padded: Bool
    let errors: RFC4648Errors

    init(alphabet: String, bitsPerSymbol: Int, padded: Bool, errors: RFC4648Errors) {
        self.alphabet = Array(alphabet.utf8)
        self.decodeTable = TextBytes.decodeTable(for: self.alphabet)
        let table = decodeTable
        self.groupTables =
            bitsPerSymbol == 6
            ? (0..<4).flatMap { (position: Int) in
                table.map { $0 == TextBytes.invalid ? Self.invalidGroupBits : UInt32($0) << (18 - 6 * position) }
            } : []
        self.bitsPerSymbol = bitsPerSymbol
        self.padded = padded
        self.errors = errors
    }

    /// Symbols per quantum: 4 for base64 (24 bits), 8 for base32 (40 bits), RFC 4648 §4 and §6.
    var symbolsPerGroup: Int { bitsPerSymbol == 6 ? 4 : 8 }

    private static let pad = UInt8(ascii: "=")
    /// The high byte of a ``groupTables`` entry for a byte outside the alphabet (a valid group uses 24 bits).
    static let invalidGroupBits: UInt32 = 0xFF00_0000

    /// Whether a final partial group of `residue` symbols can occur: it must carry at least one whole byte and
    /// leave fewer than `bitsPerSymbol` unused bits (base64: 0, 2, 3; base32: 0, 2, 4, 5, 7).
    func isValidResidue(_ residue: Int) -> Bool {
        residue == 0 || (residue * bitsPerSymbol) % 8 < bitsPerSymbol
    }

    func encode(_ bytes: some Collection<UInt8>) -> String {
        TextBytes.withBytes(bytes) { input in
            let bits = bitsPerSymbol
            let mask: UInt32 = (1 << bits) - 1
            var symbolCount = (input.count * 8 + bits - 1) / bits
            if padded { symbolCount = (symbolCount + symbolsPerGroup - 1) / symbolsPerGroup * symbolsPerGroup }
            // Written straight into the string's storage: this runs over every payload a verifier checks.
            return alphabet.withUnsafeBufferPointer { symbols in
                String(unsafeUninitializedCapacity: symbolCount) { output in
                    var written = 0
                    var accumulator: UInt32 = 0
                    var pending = 0
                    var rest = input[...]
                    if bits == 6 {
                        // Base64 fast path: whole 3-byte groups to 4 symbols; the tail goes through the general loop.
                        let whole = input.count / 3 * 3
                        var i = 0
                        while i < whole {
                            let group = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8 | UInt32(input[i + 2])
                            output[written] = symbols[Int(group >> 18)]
                            output[written + 1] = symbols[Int(group >> 12 & 63)]
                            output[written + 2] = symbols[Int(group >> 6 & 63)]
                            output[written + 3] = symbols[Int(group & 63)]
                            written += 4
                            i += 3
                        }
                        rest = input[whole...]
                    }
                    for byte in rest {
                        accumulator = (accumulator << 8) | UInt32(byte)
                        pending += 8
                        while pending >= bits {
                            pending -= bits
                            output[written] = symbols[Int((accumulator >> UInt32(pending)) & mask)]
                            written += 1
                        }
                        accumulator &= (1 << UInt32(pending)) - 1
                    }
                    if pending > 0 {
                        output[written] = symbols[Int((accumulator << UInt32(bits - pending)) & mask)]
                        written += 1
                    }
                    while written < symbolCount {
                        output[written] = Self.pad
                        written += 1
                    }
                    return written
                }
            }
        }
    }

    func decode(_ text: some StringProtocol, maxTextLength: Int) throws(FederationError) -> [UInt8] {
        let length = text.utf8.count
        guard length <= maxTextLength else {
            throw FederationError(errors.tooLarge, "text is \(length) bytes, limit \(maxTextLength)")
        }
        return try TextBytes.withUTF8(text) { decode(utf8: $0) }.get()
    }

    private func decode(utf8 text: UnsafeBufferPointer<UInt8>) -> Result<[UInt8], FederationError> {
        var outcome = Result<Int, FederationError>.success(0)
        let bytes = [UInt8](unsafeUninitializedCapacity: maxDecodedCount(text.count)) { output, initialised in
            outcome = decode(utf8: text, into: output)
            initialised = (try? outcome.get()) ?? 0
        }
        return outcome.map { _ in bytes }
    }

    /// The most bytes that `length` characters of text can decode to.
    func maxDecodedCount(_ length: Int) -> Int { length * bitsPerSymbol / 8 }

    /// Decodes `text` into `output` (at least ``maxDecodedCount(_:)`` bytes) with the checks of
    /// ``decode(_:maxTextLength:)`` except the length limit, and returns the number of bytes written. For callers that
    /// decode into a buffer of their own (a stack buffer on a hot path) instead of a new array. Bytes of `output` past
    /// the returned count may be written too (scratch of the base64 fast path).
    func decode(utf8 text: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Result<
        Int, FederationError
    > {
        precondition(output.count >= maxDecodedCount(text.count), "output buffer too small")
        if let written = decodeCanonicalBase64(utf8: text, into: output) { return .success(written) }
        var padCount = 0
        var firstPad = -1
        for (offset, byte) in text.enumerated() {
            if byte == Self.pad {
                if firstPad < 0 { firstPad = offset }
                padCount += 1
            } else if decodeTable[Int(byte)] == TextBytes.invalid {
                return .failure(
                    FederationError(errors.invalidCharacter, "byte 0x\(Hex.byte(byte)) at offset \(offset)"))
            }
        }
        let body = text.count - padCount
        if padded {
            guard text.count % symbolsPerGroup == 0 else {
                let reason = "length \(text.count) is not a multiple of \(symbolsPerGroup)"
                return .failure(FederationError(errors.invalidLength, reason))
            }
            let trailingOnly = padCount == 0 || firstPad == body
            guard trailingOnly, padCount < symbolsPerGroup, isValidResidue(body % symbolsPerGroup) else {
                return .failure(FederationError(errors.invalidPadding, "padding does not complete the last group"))
            }
        } else {
            guard padCount == 0 else {
                return .failure(
                    FederationError(errors.invalidPadding, "'=' at offset \(firstPad); padding is not allowed"))
            }
            guard isValidResidue(body % symbolsPerGroup) else {
                return .failure(
                    FederationError(errors.invalidLength, "length \(body) leaves an impossible final group"))
            }
        }
        var written = 0
        var accumulator: UInt32 = 0
        var pending = 0
        for byte in text[0..<body] {
            accumulator = (accumulator << UInt32(bitsPerSymbol)) | UInt32(decodeTable[Int(byte)])
            pending += bitsPerSymbol
            if pending >= 8 {
                pending -= 8
                output[written] = UInt8(truncatingIfNeeded: accumulator >> UInt32(pending))
                written += 1
                accumulator &= (1 << UInt32(pending)) - 1
            }
        }
        guard accumulator == 0 else {
            let reason = "the last symbol's \(pending) unused bits are not zero"
            return .failure(FederationError(errors.nonZeroTrailingBits, reason))
        }
        return .success(written)
    }

    /// The one-pass decoder for the common case of 6-bit text that is all alphabet symbols, in a valid length with
    /// zero trailing bits, and (padded codecs) ending in at most two `=` that complete the last group: it decodes 4
    /// symbols at a time and returns the byte count. Any other text gets `nil`, and the checking path above decodes
    /// it or reports its first problem, so both paths accept exactly the same text with the same bytes.
    private func decodeCanonicalBase64(
        utf8 all: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>
    ) -> Int? {
        guard bitsPerSymbol == 6, padded ? all.count % 4 == 0 : isValidResidue(all.count % 4) else { return nil }
        // Padded: "xx==" and "xxx=" stand for final groups of 2 and 3 symbols. Only the last two bytes are taken as
        // padding; any other `=` maps to 0xFF below and declines.
        var symbols = all.count
        if padded, symbols >= 4, all[symbols - 1] == Self.pad {
            symbols -= all[symbols - 2] == Self.pad ? 2 : 1
        }
        let text = UnsafeBufferPointer(rebasing: all[..<symbols])
        let residue = symbols % 4
        let whole = text.count - residue
        var i = 0
        var o = 0
        // Whole groups: four table loads OR-ed into the group's 24 bits (any invalid byte sets the high byte).
        let groupBits = groupTables.withUnsafeBufferPointer { tables -> UInt32 in
            guard whole > 0 else { return 0 }  // `output` is at least `maxDecodedCount` (checked by the caller)
            let t = tables.baseAddress!
            let out = UnsafeMutableRawPointer(output.baseAddress!)
            var bad: UInt32 = 0
            @inline(__always) func group(_ at: Int) -> UInt32 {
                t[Int(text[at])] | t[256 + Int(text[at + 1])] | t[512 + Int(text[at + 2])]
                    | t[768 + Int(text[at + 3])]
            }
            // While a fourth output byte is free, the three bytes go out as one 4-byte store (its last byte is
            // overwritten by the next group, or lies in `output` past the decoded bytes).
            while i < whole, o + 4 <= output.count {
                let bits = group(i)
                bad |= bits
                out.storeBytes(of: (bits << 8).bigEndian, toByteOffset: o, as: UInt32.self)
                i += 4
                o += 3
            }
            while i < whole {
                let bits = group(i)
                bad |= bits
                output[o] = UInt8(truncatingIfNeeded: bits >> 16)
                output[o + 1] = UInt8(truncatingIfNeeded: bits >> 8)
                output[o + 2] = UInt8(truncatingIfNeeded: bits)
                i += 4
                o += 3
            }
            return bad
        }
        guard groupBits & Self.invalidGroupBits == 0 else { return nil }
        return decodeTable.withUnsafeBufferPointer { table -> Int? in
            // Symbols are 0...63; an invalid byte (and `=`) maps to 0xFF, so any high bit in `seen` declines.
            var seen: UInt8 = 0
            var trailing: UInt8 = 0
            if residue == 2 {
                let a = table[Int(text[i])], b = table[Int(text[i + 1])]
                seen |= a | b
                trailing = b & 0x0F  // the unused low 4 bits of the last symbol
                output[o] = a << 2 | b >> 4
                o += 1
            } else if residue == 3 {
                let a = table[Int(text[i])], b = table[Int(text[i + 1])], c = table[Int(text[i + 2])]
                seen |= a | b | c
                trailing = c & 0x03  // the unused low 2 bits of the last symbol
                output[o] = a << 2 | b >> 4
                output[o + 1] = b << 4 | c >> 2
                o += 2
            }
            return seen & 0xC0 == 0 && trailing == 0 ? o : nil
        }
    }
}
