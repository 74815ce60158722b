/// The one error type thrown by every FederationSecurity module.
///
/// Compare ``code`` (stable, listed in `Spec/errors.md`); ``reason`` is for people and may change between releases.
/// - Warning: a reason must never contain secret material. Throw sites describe *what* was wrong (a length, an
///   offset, a field name), never the bytes of a key, MAC or seed.
public struct FederationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stable code.
    public let code: ErrorCode
    /// A human explanation; not part of the contract.
    public let reason: String

    public init(_ code: ErrorCode, _ reason: String = "") {
        self.code = code
        self.reason = reason
    }

    public var description: String {
        reason.isEmpty ? code.rawValue : "\(code.rawValue): \(reason)"
    }

    /// Two errors are equal when their codes are: reasons are not part of the contract.
    public static func == (lhs: FederationError, rhs: FederationError) -> Bool {
        lhs.code == rhs.code
    }
}
