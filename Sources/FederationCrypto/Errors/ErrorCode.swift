/// A stable, machine-readable error code such as `json.duplicate_key` or `token.expired`.
///
/// Codes are the contract: tests and conformance vectors compare codes, never messages. Every code is declared once,
/// as a static constant in an `ErrorCode+<Domain>.swift` file, and listed in `Spec/errors.md`; a test keeps the two
/// in step.
public struct ErrorCode: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The dotted code, `<domain>.<reason>`.
    public let rawValue: String

    /// Declares a code. Only the `ErrorCode+<Domain>.swift` files should call this.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
