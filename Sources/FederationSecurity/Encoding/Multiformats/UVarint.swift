/// The multiformats unsigned varint: 7 bits per byte, least significant group first, high bit set on every byte
/// but the last.
///
/// Per the multiformats unsigned-varint spec, encodings are minimal (a multi-byte varint never ends in 0x00) and at
/// most 9 bytes long, so values are below 2^63. The 9-byte bound is also this decoder's size limit: it never reads
/// more than 9 bytes, whatever it is given.
public enum UVarint {
    /// The most bytes a varint may take (the spec's "practical maximum").
    public static let maxByteCount = 9
    /// The largest value that fits in ``maxByteCount`` bytes: 2^63 − 1.
    public static let maxValue: UInt64 = (1 << 63) - 1

    /// Encodes a value minimally.
    /// - Parameter value: a value not above ``maxValue``.
    /// - Returns: 1 to 9 bytes.
    /// - Warning: traps when `value` exceeds ``maxValue``: such a value has no encoding the spec allows.
    public static func encode(_ value: UInt64) -> [UInt8] {
        precondition(value <= maxValue, "unsigned varints are limited to 2^63 - 1")
        var output = [UInt8]()
        var rest = value
        while rest >= 0x80 {
            output.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        output.append(UInt8(rest))
        return output
    }

    /// Decodes the varint at the start of `bytes`; whatever follows it is left to the caller.
    /// - Parameter bytes: bytes that begin with a varint.
    /// - Returns: the value and the number of bytes it took.
    /// - Throws: `varint.too_long` when the ninth byte has its continuation bit set, `varint.truncated` when the
    ///   input ends first, `varint.not_minimal` when a multi-byte varint ends in 0x00.
    public static func decode(_ bytes: some Collection<UInt8>) throws(FederationError) -> (
        value: UInt64, byteCount: Int
    ) {
        var value: UInt64 = 0
        var count = 0
        for byte in bytes.prefix(maxByteCount) {
            count += 1
            value |= UInt64(byte & 0x7F) << UInt64(7 * (count - 1))
            if byte & 0x80 == 0 {
                guard byte != 0 || count == 1 else {
                    throw FederationError(.varintNotMinimal, "\(count)-byte varint ends in 0x00")
                }
                return (value, count)
            }
            if count == maxByteCount {
                throw FederationError(.varintTooLong, "more than \(maxByteCount) bytes")
            }
        }
        throw FederationError(.varintTruncated, "input ended after \(count) continuation bytes")
    }
}
