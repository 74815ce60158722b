/// The peer must be trusted by a ``TrustEnforcer``.
public struct PeerTrustPolicy: FederationPolicy {
    public let enforcer: TrustEnforcer

    public init(enforcer: TrustEnforcer) {
        self.enforcer = enforcer
    }

    public func evaluate(_ request: PolicyRequest) -> PolicyResult {
        if enforcer.mode == .open { return .meetsPolicy }
        if enforcer.mode == .allowlist, let peer = request.peer, enforcer.peers.contains(peer) { return .meetsPolicy }
        let decision = enforcer.decide(peer: request.peer)
        return .fails("PeerTrustPolicy", "peer is \(decision)")
    }
}

/// The capability must be one of a fixed set (compared by Unicode scalars).
public struct CapabilityPolicy: FederationPolicy {
    public let allowed: Set<String>
    private let names: [String]

    public init(allowed: Set<String>) {
        self.allowed = allowed
        self.names = Array(allowed)
    }

    public func evaluate(_ request: PolicyRequest) -> PolicyResult {
        let capability = request.capability
        return names.contains(where: { $0.hasSameUTF8(as: capability) })
            ? .meetsPolicy : .fails("CapabilityPolicy", "capability '\(capability.prefix(64))' is not allowed")
    }
}

/// The request's sensitivity must not exceed a ceiling.
public struct MaxSensitivityPolicy: FederationPolicy {
    public let ceiling: Sensitivity

    public init(_ ceiling: Sensitivity) {
        self.ceiling = ceiling
    }

    public func evaluate(_ request: PolicyRequest) -> PolicyResult {
        let asked = request.sensitivity
        return asked <= ceiling
            ? .meetsPolicy : .fails("MaxSensitivityPolicy", "sensitivity \(asked) is above \(ceiling)")
    }
}

/// Enforces the request field `rows`: when present it must be an integer in 0…`limit`.
public struct MaxRowsPolicy: FederationPolicy {
    public let limit: Int64

    public init(_ limit: Int64) {
        self.limit = limit
    }

    public var enforcedFields: Set<String> { ["rows"] }

    public func evaluate(_ request: PolicyRequest) -> PolicyResult {
        guard let value = request.fields.members.first(where: { $0.key.hasSameUTF8(as: "rows") })?.value else {
            return .meetsPolicy
        }
        guard let rows = value.integerValue, rows >= 0, rows <= limit else {
            let limit = limit
            return .fails("MaxRowsPolicy", "rows must be an integer in 0...\(limit)")
        }
        return .meetsPolicy
    }
}

/// The evaluation time must lie in `[notBefore, notAfter)`.
public struct TimeWindowPolicy: FederationPolicy {
    public let notBefore: Int64
    public let notAfter: Int64

    public init(notBefore: Int64, notAfter: Int64) {
        self.notBefore = notBefore
        self.notAfter = notAfter
    }

    public func evaluate(_ request: PolicyRequest) -> PolicyResult {
        let now = request.now
        guard now >= notBefore, now < notAfter else {
            let (from, to) = (notBefore, notAfter)
            return .fails("TimeWindowPolicy", "time \(now) is outside [\(from), \(to))")
        }
        return .meetsPolicy
    }
}
