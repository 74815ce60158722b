/// Base58 with the Bitcoin alphabet (draft-msporny-base58-03 §2), as multibase prefix `z` and `did:key` use it.
///
/// The text is a big-endian base-58 number, preceded by one `1` for each leading zero byte of the data
/// (draft-msporny-base58-03 §3). Every string over the alphabet decodes to exactly one byte string and encodes back
/// to itself, so there is nothing else to make canonical. The empty string and the empty byte string correspond.
///
/// - Warning: encoding and decoding take time quadratic in the length. Decoding refuses text longer than
///   ``defaultMaxTextLength`` before looking at it; encode only data of key or hash size (the default limit decodes
///   up to about 750 bytes).
public enum Base58BTC {
    /// The default limit on the text given to ``decode(_:)``: 1 KiB of text.
    public static let defaultMaxTextLength = 1024

    static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    private static let table = TextBytes.decodeTable(for: alphabet)

    /// Encodes bytes as base58btc.
    /// - Parameter bytes: the data.
    /// - Returns: one `1` per leading zero byte, then the base-58 digits of the rest.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        TextBytes.withBytes(bytes) { input in
            let zeros = input.prefix { $0 == 0 }.count
            // log(256) / log(58) ≈ 1.3657: digits needed for the non-zero part, rounded up.
            let capacity = (input.count - zeros) * 138 / 100 + 1
            var digits = [UInt8](repeating: 0, count: capacity)
            var used = 0
            for byte in input[zeros...] {
                var carry = UInt32(byte)
                var index = capacity - 1
                var touched = 0
                while carry != 0 || touched < used {
                    carry += 256 * UInt32(digits[index])
                    digits[index] = UInt8(carry % 58)
                    carry /= 58
                    touched += 1
                    index -= 1
                }
                used = touched
            }
            var output = [UInt8](repeating: alphabet[0], count: zeros)
            output.reserveCapacity(zeros + used)
            for digit in digits[(capacity - used)...] { output.append(alphabet[Int(digit)]) }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Decodes base58btc with the ``defaultMaxTextLength`` limit.
    /// - Parameter text: base58btc text.
    /// - Returns: the decoded bytes.
    /// - Throws: `base58.too_large` (checked first) or `base58.invalid_character`.
    public static func decode(_ text: some StringProtocol) throws(FederationError) -> [UInt8] {
        try decode(text, maxTextLength: defaultMaxTextLength)
    }

    /// Decodes base58btc with an explicit text-length limit.
    /// - Parameters:
    ///   - text: base58btc text.
    ///   - maxTextLength: the largest accepted text length in bytes, checked before anything else.
    /// - Returns: the decoded bytes.
    /// - Throws: as ``decode(_:)``.
    public static func decode(_ text: some StringProtocol, maxTextLength: Int) throws(FederationError) -> [UInt8] {
        let length = text.utf8.count
        guard length <= maxTextLength else {
            throw FederationError(.base58TooLarge, "text is \(length) bytes, limit \(maxTextLength)")
        }
        return try TextBytes.withUTF8(text) { decode(utf8: $0) }.get()
    }

    private static func decode(utf8 text: UnsafeBufferPointer<UInt8>) -> Result<[UInt8], FederationError> {
        for (offset, byte) in text.enumerated() where table[Int(byte)] == TextBytes.invalid {
            return .failure(FederationError(.base58InvalidCharacter, "byte 0x\(Hex.byte(byte)) at offset \(offset)"))
        }
        let ones = text.prefix { $0 == alphabet[0] }.count
        // log(58) / log(256) ≈ 0.7322: bytes needed for the rest, rounded up.
        let capacity = (text.count - ones) * 733 / 1000 + 1
        var bytes = [UInt8](repeating: 0, count: capacity)
        var used = 0
        for symbol in text[ones...] {
            var carry = UInt32(table[Int(symbol)])
            var index = capacity - 1
            var touched = 0
            while carry != 0 || touched < used {
                carry += 58 * UInt32(bytes[index])
                bytes[index] = UInt8(truncatingIfNeeded: carry)
                carry >>= 8
                touched += 1
                index -= 1
            }
            used = touched
        }
        var output = [UInt8](repeating: 0, count: ones)
        output.reserveCapacity(ones + used)
        output.append(contentsOf: bytes[(capacity - used)...])
        return .success(output)
    }
}
