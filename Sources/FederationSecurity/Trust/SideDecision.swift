/// One side's view of an imported capability: whether it allows it, the sensitivity it assigns, and the
/// constraints it puts on calls (the vocabulary of ``TokenConstraints``: `max_rows`, `allowed_fields`, `args`).
public struct SideDecision: Sendable, Hashable {
    /// Whether this side allows the capability.
    public var allowed: Bool
    /// The sensitivity this side assigns.
    public var sensitivity: Sensitivity
    /// Constraints on calls; validated by ``TokenConstraints/validate(_:)`` before composition.
    public var constraints: JSONObject

    public init(allowed: Bool, sensitivity: Sensitivity = .none, constraints: JSONObject = JSONObject()) {
        self.allowed = allowed
        self.sensitivity = sensitivity
        self.constraints = constraints
    }
}

/// The composed decision for an imported capability.
public struct ComposedDecision: Sendable, Hashable {
    /// Which side decided a denial (or, when allowed, `nil`).
    public enum Decider: String, Sendable, Hashable {
        case local, remote
    }

    /// Whether the capability may be called.
    public let allowed: Bool
    /// The sensitivity the imported capability carries.
    public let sensitivity: Sensitivity
    /// The constraints every call must satisfy (empty when denied).
    public let constraints: JSONObject
    /// For a denial, the side whose deny decided it.
    public let deniedBy: Decider?
}
