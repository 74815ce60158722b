extension JSONParser {
    /// Parses a string starting at its opening quote (RFC 8259 §7), unescaping into UTF-8.
    mutating func parseString() throws(FederationError) -> String {
        index += 1  // opening quote
        var bytes: [UInt8] = []
        while true {
            // Copy the run of bytes that need no attention in one go.
            let runStart = index
            // Eight bytes at a time while none is `"`, `\` or a control character.
            if let base = UnsafeRawPointer(input.baseAddress) {
                while index + 8 <= input.count,
                    !Self.needsAttention(base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                {
                    index += 8
                }
            }
            while index < input.count {
                let b = input[index]
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { break }
                index += 1
            }
            guard index < input.count else { throw unexpectedEnd() }
            let b = input[index]
            if b == UInt8(ascii: "\""), bytes.isEmpty {
                // Fast path: no escapes, so the string is exactly the input bytes.
                try checkLength(index - runStart)
                index += 1
                return String(decoding: UnsafeBufferPointer(rebasing: input[runStart..<(index - 1)]), as: UTF8.self)
            }
            if index > runStart {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                try checkLength(bytes.count)
            }
            if b == UInt8(ascii: "\"") {
                index += 1
                // The input is validated UTF-8 and escapes produce valid scalars, so decoding cannot repair anything.
                return String(decoding: bytes, as: UTF8.self)
            }
            if b < 0x20 {
                throw FederationError(
                    .jsonControlCharacter, "unescaped control character 0x\(String(b, radix: 16)) at \(index)")
            }
            try parseEscape(into: &bytes)
            try checkLength(bytes.count)
        }
    }

    /// Whether some byte of `word` is `"`, `\` or below 0x20 (the bytes the string loop stops at).
    @inline(__always) static func needsAttention(_ word: UInt64) -> Bool {
        WordBytes.hasByteBelow(word, 0x20) || WordBytes.contains(word, UInt8(ascii: "\""))
            || WordBytes.contains(word, UInt8(ascii: "\\"))
    }

    private func checkLength(_ count: Int) throws(FederationError) {
        guard count <= limits.maxStringBytes else {
            throw FederationError(.jsonStringTooLong, "string longer than \(limits.maxStringBytes) bytes")
        }
    }

    /// Parses one escape starting at the backslash and appends its UTF-8.
    private mutating func parseEscape(into bytes: inout [UInt8]) throws(FederationError) {
        index += 1  // backslash
        guard index < input.count else { throw unexpectedEnd() }
        let escapeStart = index - 1
        let e = input[index]
        index += 1
        switch e {
        case UInt8(ascii: "\""): bytes.append(0x22)
        case UInt8(ascii: "\\"): bytes.append(0x5C)
        case UInt8(ascii: "/"): bytes.append(0x2F)
        case UInt8(ascii: "b"): bytes.append(0x08)
        case UInt8(ascii: "f"): bytes.append(0x0C)
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try parseHex4()
            let scalar: UInt32
            switch unit {
            case 0xD800...0xDBFF:
                // A high surrogate must be followed at once by an escaped low surrogate.
                guard index + 1 < input.count, input[index] == UInt8(ascii: "\\"), input[index + 1] == UInt8(ascii: "u")
                else { throw loneSurrogate(at: escapeStart) }
                index += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw loneSurrogate(at: escapeStart) }
                scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            case 0xDC00...0xDFFF:
                throw loneSurrogate(at: escapeStart)
            default:
                scalar = UInt32(unit)
            }
            // Surrogates were excluded above, so every value here is a Unicode scalar.
            UTF8.encode(Unicode.Scalar(scalar)!) { bytes.append($0) }
        default:
            throw FederationError(.jsonInvalidEscape, "invalid escape at byte \(escapeStart)")
        }
    }

    private mutating func parseHex4() throws(FederationError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard index < input.count else { throw unexpectedEnd() }
            let c = input[index]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: throw FederationError(.jsonInvalidEscape, "\\u needs four hex digits (byte \(index))")
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    private func loneSurrogate(at offset: Int) -> FederationError {
        FederationError(.jsonLoneSurrogate, "unpaired surrogate escape at byte \(offset)")
    }
}
