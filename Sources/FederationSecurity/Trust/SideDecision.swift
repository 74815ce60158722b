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

// MARK: - JSON

extension SideDecision {
    /// Reads `{"allowed", "sensitivity", "constraints"?}` and nothing else.
    /// - Throws: `trust.unknown_policy` for another shape, `trust.unknown_sensitivity`.
    public init(json value: JSONValue) throws(FederationError) {
        guard let object = value.objectValue, let allowed = object["allowed"]?.boolValue,
            let sensitivity = object["sensitivity"]?.stringValue,
            object.keys.allSatisfy({ ["allowed", "sensitivity", "constraints"].contains($0) }),
            let constraints = (object["constraints"] ?? .object(JSONObject())).objectValue
        else { throw FederationError(.trustUnknownPolicy, "a side is {allowed, sensitivity, constraints?}") }
        self.init(allowed: allowed, sensitivity: try Sensitivity(name: sensitivity), constraints: constraints)
    }
}

extension ComposedDecision {
    /// `{"allowed", "sensitivity", "constraints", "denied_by"?}`.
    public var json: JSONObject {
        var out = JSONObject(uniqueMembers: [
            .init("allowed", .bool(allowed)), .init("sensitivity", .string(sensitivity.name)),
            .init("constraints", .object(constraints)),
        ])
        if let deniedBy { out.set("denied_by", .string(deniedBy.rawValue)) }
        return out
    }
}
