/// Base16 (RFC 4648 §8): lowercase on output, either case on input, no separators.
public enum Hex {
    /// The default limit on the text given to ``decode(_:)``: 1 MiB of text (512 KiB of data).
    public static let defaultMaxTextLength = 1 << 20

    private static let digits = Array("0123456789abcdef".utf8)
    private static let table: [UInt8] = {
        var table = TextBytes.decodeTable(for: digits)
        for (value, symbol) in "ABCDEF".utf8.enumerated() { table[Int(symbol)] = UInt8(10 + value) }
        return table
    }()

    /// Encodes bytes as lowercase hex.
    /// - Parameter bytes: the data.
    /// - Returns: two lowercase digits per byte.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        var output = [UInt8]()
        output.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes hex with the ``defaultMaxTextLength`` limit.
    /// - Parameter text: an even number of `0–9 a–f A–F` digits.
    /// - Returns: the decoded bytes.
    /// - Throws: `hex.too_large`, `hex.invalid_character` or `hex.odd_length`, checked in that order.
    public static func decode(_ text: some StringProtocol) throws(FederationError) -> [UInt8] {
        try decode(text, maxTextLength: defaultMaxTextLength)
    }

    /// Decodes hex with an explicit text-length limit.
    /// - Parameters:
    ///   - text: an even number of `0–9 a–f A–F` digits.
    ///   - maxTextLength: the largest accepted text length in bytes, checked before anything else.
    /// - Returns: the decoded bytes.
    /// - Throws: as ``decode(_:)``.
    public static func decode(_ text: some StringProtocol, maxTextLength: Int) throws(FederationError) -> [UInt8] {
        let length = text.utf8.count
        guard length <= maxTextLength else {
            throw FederationError(.hexTooLarge, "text is \(length) bytes, limit \(maxTextLength)")
        }
        return try TextBytes.withUTF8(text) { utf8 -> Result<[UInt8], FederationError> in
            for (offset, byte) in utf8.enumerated() where table[Int(byte)] == TextBytes.invalid {
                return .failure(FederationError(.hexInvalidCharacter, "byte 0x\(Hex.byte(byte)) at offset \(offset)"))
            }
            guard utf8.count % 2 == 0 else {
                return .failure(FederationError(.hexOddLength, "\(utf8.count) digits"))
            }
            var output = [UInt8]()
            output.reserveCapacity(utf8.count / 2)
            var index = 0
            while index < utf8.count {
                output.append(table[Int(utf8[index])] << 4 | table[Int(utf8[index + 1])])
                index += 2
            }
            return .success(output)
        }.get()
    }

    /// The value of one hex digit (either case), or `nil` for any other byte: for `%XX` escapes.
    static func digitValue(_ byte: UInt8) -> UInt8? {
        let value = table[Int(byte)]
        return value == TextBytes.invalid ? nil : value
    }

    /// Two lowercase hex digits for one byte, for error reasons.
    static func byte(_ value: UInt8) -> String {
        String(decoding: [digits[Int(value >> 4)], digits[Int(value & 0x0F)]], as: UTF8.self)
    }
}
