import FederationSecurity

/// `hex.*`, `base64.*`, `base64url.*`, `base32.*`, `base58btc.*`, `multibase.decode`, `varint.*`.
enum EncodingOperations {
    static let handlers: [String: OperationHandler] = [
        "hex.decode": decoding { (t) throws(FederationError) in try Hex.decode(t) },
        "base64.decode": decoding { (t) throws(FederationError) in try Base64.decode(t) },
        "base64url.decode": decoding { (t) throws(FederationError) in try Base64URL.decode(t) },
        "base32.decode": decoding { (t) throws(FederationError) in try Base32.decode(t) },
        "base58btc.decode": decoding { (t) throws(FederationError) in try Base58BTC.decode(t) },
        "hex.encode": encoding { Hex.encode($0) },
        "base64.encode": encoding { Base64.encode($0) },
        "base64url.encode": encoding { Base64URL.encode($0) },
        "base32.encode": encoding { Base32.encode($0) },
        "base58btc.encode": encoding { Base58BTC.encode($0) },
        "multibase.decode": { input throws(FederationError) in
            let decoded = try Multibase.decode(try input.string("text"))
            return output(["encoding": decoded.encoding.rawValue, "hex": Hex.encode(decoded.bytes)])
        },
        "varint.decode": { input throws(FederationError) in
            let decoded = try UVarint.decode(try input.bytes("hex"))
            guard decoded.value <= UInt64(JSONNumber.maxExact) else {
                throw OperationInput.bad("value beyond 2^53 - 1")
            }
            return JSONObject(uniqueMembers: [
                .init("value", .number(.integer(Int64(decoded.value)))),
                .init("length", .number(.integer(Int64(decoded.byteCount)))),
            ])
        },
        "varint.encode": { input throws(FederationError) in
            let value = try input.integer("value")
            guard value >= 0 else { throw OperationInput.bad("value must not be negative") }
            return output(["hex": Hex.encode(UVarint.encode(UInt64(value)))])
        },
    ]

    /// `{"text": …}` → `{"hex": …}`.
    static func decoding(_ decode: @escaping @Sendable (String) throws(FederationError) -> [UInt8]) -> OperationHandler
    {
        { input throws(FederationError) in output(["hex": Hex.encode(try decode(try input.string("text")))]) }
    }

    /// `{"hex": …}` → `{"text": …}`.
    static func encoding(_ encode: @escaping @Sendable ([UInt8]) -> String) -> OperationHandler {
        { input throws(FederationError) in output(["text": encode(try input.bytes("hex"))]) }
    }
}

extension JSONNumber {
    /// 2^53 − 1, the largest integer a vector file can carry exactly.
    static let maxExact: Int64 = (1 << 53) - 1
}
