/// The JSON Canonicalization Scheme of RFC 8785 (JCS): one byte sequence per JSON value, for hashing and signing.
///
/// - Object members are sorted by their keys' UTF-16 code units (§3.2.3), at every level.
/// - Strings use the minimal escapes of §3.2.2.2; everything else is literal UTF-8.
/// - Numbers print as ECMAScript `Number.prototype.toString` does (§3.2.2.3): `1.0` → `1`, `1e21` → `1e+21`,
///   `1e-7` → `1e-7`, `-0.0` → `0`. Integers must be within ±(2^53 − 1), the range a double holds exactly.
/// - No whitespace (§3.2.1).
public enum CanonicalJSON {
    /// The canonical UTF-8 bytes of `value`.
    /// - Parameter value: any JSON value.
    /// - Returns: the RFC 8785 serialisation.
    /// - Throws: ``FederationError`` with ``ErrorCode/jsonNonFiniteNumber`` for a NaN or infinite double, or
    ///   ``ErrorCode/jsonNumberOutOfRange`` for an integer beyond ±(2^53 − 1) (RFC 7493 §2.2: a double cannot hold
    ///   it exactly, so it has no canonical form).
    public static func encode(_ value: JSONValue) throws(FederationError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        try append(value, to: &out)
        return out
    }

    /// The canonical serialisation of `value` as a string.
    /// - Parameter value: any JSON value.
    /// - Returns: the RFC 8785 serialisation.
    /// - Throws: as ``encode(_:)``.
    public static func encodeString(_ value: JSONValue) throws(FederationError) -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }

    private static func append(_ value: JSONValue, to out: inout [UInt8]) throws(FederationError) {
        switch value {
        case .null:
            out.append(contentsOf: Array("null".utf8))
        case .bool(let b):
            out.append(contentsOf: Array((b ? "true" : "false").utf8))
        case .number(.integer(let i)):
            guard i.magnitude <= JSONNumberFormat.maxExactInteger.magnitude else {
                throw FederationError(.jsonNumberOutOfRange, "integer beyond 2^53 - 1 has no canonical form")
            }
            JSONNumberFormat.appendInteger(i, to: &out)
        case .number(.double(let d)):
            try JSONNumberFormat.appendECMAScript(d, to: &out)
        case .string(let s):
            JSONStringEscaping.appendMinimal(s, to: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                try append(element, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            let sorted = object.members.map { (utf16: Array($0.key.utf16), member: $0) }
                .sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (index, entry) in sorted.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONStringEscaping.appendMinimal(entry.member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                try append(entry.member.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}
