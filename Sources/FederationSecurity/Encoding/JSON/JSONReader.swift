/// A strict JSON reader for untrusted input: RFC 8259 with the I-JSON restrictions of RFC 7493.
///
/// Rejects, each with its own code (`Spec/json.md`): inputs over the size limit (before reading them), invalid
/// UTF-8 anywhere, a byte order mark, duplicate keys, lone surrogates, unescaped control characters, anything that
/// is not a JSON number (`NaN`, `+1`, `01`, hex), integers beyond ±(2^53 − 1), trailing data, and nesting, string
/// length or container size over the limits.
public struct JSONReader: Sendable {
    /// Bounds on the work one input can cause.
    public struct Limits: Sendable, Hashable {
        /// The largest input, in bytes, checked before anything is read.
        public var maxBytes: Int
        /// The deepest nesting of arrays and objects (`[]` is depth 1).
        public var maxDepth: Int
        /// The longest string or key, in bytes of decoded UTF-8.
        public var maxStringBytes: Int
        /// The most elements of one array or members of one object.
        public var maxMembers: Int

        public init(
            maxBytes: Int = 1 << 20, maxDepth: Int = 64, maxStringBytes: Int = 256 << 10, maxMembers: Int = 10_000
        ) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
            self.maxStringBytes = maxStringBytes
            self.maxMembers = maxMembers
        }

        /// 1 MiB input, depth 64, 256 KiB strings, 10 000 members per container.
        public static let `default` = Limits()
    }

    /// The limits this reader enforces.
    public let limits: Limits

    /// A reader enforcing `limits`.
    public init(limits: Limits = .default) {
        self.limits = limits
    }

    /// Parses one JSON text.
    /// - Parameter bytes: the UTF-8 input, exactly as received.
    /// - Returns: the value.
    /// - Throws: ``FederationError`` with a `json.*` code; checks run in the order `too_large`, `invalid_utf8`,
    ///   `byte_order_mark`, `empty_input`, then the first problem found reading left to right.
    public func parse(_ bytes: some Collection<UInt8>) throws(FederationError) -> JSONValue {
        let count = bytes.count
        guard count <= limits.maxBytes else {
            throw FederationError(.jsonTooLarge, "input is \(count) bytes, limit \(limits.maxBytes)")
        }
        if let result = bytes.withContiguousStorageIfAvailable({ parse(buffer: $0) }) {
            return try result.get()
        }
        return try Array(bytes).withUnsafeBufferPointer { parse(buffer: $0) }.get()
    }

    /// Parses one JSON text given as a `String` (its UTF-8 bytes).
    public func parse(_ text: String) throws(FederationError) -> JSONValue {
        var text = text
        text.makeContiguousUTF8()
        return try parse(text.utf8)
    }

    private func parse(buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, FederationError> {
        do throws(FederationError) {
            if let offset = UTF8Validation.firstInvalidOffset(in: buffer) {
                throw FederationError(.jsonInvalidUTF8, "ill-formed UTF-8 at byte \(offset)")
            }
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
                throw FederationError(.jsonByteOrderMark, "input starts with a byte order mark")
            }
            var parser = JSONParser(input: buffer, limits: limits)
            return .success(try parser.parseDocument())
        } catch {
            return .failure(error)
        }
    }
}
