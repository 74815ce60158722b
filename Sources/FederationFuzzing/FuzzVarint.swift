import FederationSecurity

/// Fuzz body for ``UVarint`` and ``Multicodec``: a decoded varint re-encodes to exactly the bytes it was read from,
/// failures carry one of the three varint codes, `split` and `prefix` are inverse, and any value up to 2^63 − 1
/// (taken from the first 8 input bytes) encodes and decodes back.
/// - Parameter data: the fuzz input.
public func fuzzVarint(_ data: [UInt8]) {
    do {
        let (value, count) = try UVarint.decode(data)
        precondition((1...UVarint.maxByteCount).contains(count), "varint: byte count \(count)")
        precondition(UVarint.encode(value) == Array(data.prefix(count)), "varint: encode(decode(b)) != b")
        let (codec, payload) = try Multicodec.split(data)
        precondition(codec.code == value, "multicodec: split disagrees with varint")
        precondition(Multicodec.prefix(codec, to: payload) == data, "multicodec: prefix(split(b)) != b")
    } catch {
        let codes: Set<ErrorCode> = [.varintTruncated, .varintTooLong, .varintNotMinimal]
        precondition(codes.contains(error.code), "varint: unexpected error code \(error.code)")
    }
    var value: UInt64 = 0
    for byte in data.prefix(8).reversed() { value = value << 8 | UInt64(byte) }
    value &= UVarint.maxValue
    let encoded = UVarint.encode(value)
    do {
        let (decoded, count) = try UVarint.decode(encoded + [0xFF])
        precondition(decoded == value && count == encoded.count, "varint: decode(encode(v)) != v")
    } catch {
        preconditionFailure("varint: decode(encode(v)) failed with \(error.code)")
    }
}
