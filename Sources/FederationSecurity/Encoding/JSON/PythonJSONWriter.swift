/// A JSON writer whose output is byte-for-byte CPython 3.11's `json.dumps(value, …)` with `indent=None`,
/// `allow_nan=False`, for the peer formats that sign re-serialised JSON (openintent envelopes and UCANs,
/// weaver-kernel tokens).
///
/// Integers print in decimal, doubles as `repr(float)` (`1.0`, `1e-05`, `1e+16`, `-0.0`), strings as
/// `json.encoder` quotes them (with or without `ensure_ascii`), members in insertion order or, with `sortKeys`,
/// sorted by code point as Python compares `str`.
public struct PythonJSONWriter: Sendable {
    /// The `json.dumps` keyword arguments that change the output.
    public struct Options: Sendable, Hashable {
        /// `sort_keys`: members sorted by key, comparing Unicode code points.
        public var sortKeys: Bool
        /// `ensure_ascii`: every non-ASCII character (and DEL) as `\uxxxx`.
        public var ensureASCII: Bool
        /// `separators[0]`: between array elements and between object members.
        public var itemSeparator: String
        /// `separators[1]`: between a key and its value.
        public var keySeparator: String

        /// Options with `json.dumps`'s defaults.
        /// - Parameters:
        ///   - sortKeys: `sort_keys`, default false.
        ///   - ensureASCII: `ensure_ascii`, default true.
        ///   - itemSeparator: `separators[0]`, default `", "`.
        ///   - keySeparator: `separators[1]`, default `": "`.
        public init(
            sortKeys: Bool = false, ensureASCII: Bool = true, itemSeparator: String = ", ", keySeparator: String = ": "
        ) {
            self.sortKeys = sortKeys
            self.ensureASCII = ensureASCII
            self.itemSeparator = itemSeparator
            self.keySeparator = keySeparator
        }

        /// `sort_keys=True, separators=(",", ":")`: openintent envelopes, weaver-kernel.
        public static let compactSorted = Options(sortKeys: true, itemSeparator: ",", keySeparator: ":")
        /// `sort_keys=True` with the default separators: the openintent UCAN payload.
        public static let defaultSorted = Options(sortKeys: true)
    }

    /// The options this writer applies.
    public let options: Options

    /// A writer with the given options.
    /// - Parameter options: the `json.dumps` arguments to reproduce; default `json.dumps`'s own defaults.
    public init(options: Options = .init()) {
        self.options = options
    }

    /// The UTF-8 bytes `json.dumps` would return for `value` (encoded as UTF-8).
    /// - Parameter value: any JSON value.
    /// - Returns: the serialisation.
    /// - Throws: ``FederationError`` with ``ErrorCode/jsonNonFiniteNumber`` for a NaN or infinite double (Python would
    ///   print `NaN`/`Infinity`, which is not JSON; we never emit it).
    public func encode(_ value: JSONValue) throws(FederationError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        try append(value, to: &out)
        return out
    }

    /// The string `json.dumps` would return for `value`.
    /// - Parameter value: any JSON value.
    /// - Returns: the serialisation.
    /// - Throws: as ``encode(_:)``.
    public func encodeString(_ value: JSONValue) throws(FederationError) -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }

    private func appendString(_ string: String, to out: inout [UInt8]) {
        if options.ensureASCII {
            JSONStringEscaping.appendASCII(string, to: &out)
        } else {
            JSONStringEscaping.appendMinimal(string, to: &out)
        }
    }

    private func append(_ value: JSONValue, to out: inout [UInt8]) throws(FederationError) {
        switch value {
        case .null:
            out.append(contentsOf: Array("null".utf8))
        case .bool(let b):
            out.append(contentsOf: Array((b ? "true" : "false").utf8))
        case .number(.integer(let i)):
            JSONNumberFormat.appendInteger(i, to: &out)
        case .number(.double(let d)):
            try JSONNumberFormat.appendPythonRepr(d, to: &out)
        case .string(let s):
            appendString(s, to: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(contentsOf: Array(options.itemSeparator.utf8)) }
                try append(element, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            var members = object.members
            if options.sortKeys {
                // Python orders `str` by code point; Swift's `String <` does not, so compare scalars explicitly.
                members = members.map { (scalars: Array($0.key.unicodeScalars.map(\.value)), member: $0) }
                    .sorted { $0.scalars.lexicographicallyPrecedes($1.scalars) }.map(\.member)
            }
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(contentsOf: Array(options.itemSeparator.utf8)) }
                appendString(member.key, to: &out)
                out.append(contentsOf: Array(options.keySeparator.utf8))
                try append(member.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}
