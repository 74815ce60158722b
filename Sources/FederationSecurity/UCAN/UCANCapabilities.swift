/// A UCAN 0.10 `cap` map, `{URI: {Ability: [Caveat]}}`, checked strictly when decoded.
public struct UCANCapabilities: Sendable, Hashable {
    /// Every resource × ability pair, in token order.
    public let entries: [UCANCapability]
    /// The map as decoded.
    public let json: JSONObject

    /// Decodes a `cap` value.
    /// - Throws: `ucan.incorrect_type` — not an object; a resource that is not a URI; abilities that are not a
    ///   non-empty object; an ability that is not `*` or namespaced, or appears twice ignoring case; caveats that are
    ///   not a non-empty array of objects. `ucan.too_many_capabilities` over the limits.
    public init(parsing value: JSONValue, limits: UCANLimits = .default) throws(FederationError) {
        guard let map = value.objectValue else { throw Self.wrong("cap must be an object") }
        var entries: [UCANCapability] = []
        for resource in map {
            guard UCANCapability.isResourceURI(resource.key) else {
                throw Self.wrong("cap resource '\(resource.key.prefix(64))' is not a URI")
            }
            guard let abilities = resource.value.objectValue, !abilities.members.isEmpty else {
                throw Self.wrong("cap[\(resource.key)] must be a non-empty object of abilities")
            }
            var seen = Set<String>()
            for ability in abilities {
                guard UCANCapability.isAbility(ability.key) else {
                    throw Self.wrong("'\(ability.key.prefix(64))' is not an ability (namespace/name or *)")
                }
                // A lone ability cannot repeat: no set (and no allocation) for the usual case.
                guard abilities.members.count == 1 || seen.insert(UCANCapability.lowercasedASCII(ability.key)).inserted
                else {
                    throw Self.wrong("ability '\(ability.key)' appears twice (abilities are case-insensitive)")
                }
                guard let list = ability.value.arrayValue, !list.isEmpty else {
                    throw Self.wrong("caveats of \(ability.key) must be a non-empty array")
                }
                guard list.count <= limits.maxCaveatsPerAbility else {
                    throw FederationError(.ucanTooManyCapabilities, "over \(limits.maxCaveatsPerAbility) caveats")
                }
                var caveats: [JSONObject] = []
                if list.count == 1, let only = list[0].objectValue, only.members.isEmpty {
                    caveats = Self.noCaveats  // `[{}]`, the usual case: one shared array
                } else {
                    for item in list {
                        guard let object = item.objectValue else { throw Self.wrong("a caveat must be an object") }
                        caveats.append(object)
                    }
                }
                entries.append(UCANCapability(resource: resource.key, ability: ability.key, caveats: caveats))
                guard entries.count <= limits.maxCapabilities else {
                    throw FederationError(.ucanTooManyCapabilities, "over \(limits.maxCapabilities) capabilities")
                }
            }
        }
        self.entries = entries
        self.json = map
    }

    /// Builds a map from capabilities (pairs with the same resource are grouped, in first-seen order).
    public init(_ capabilities: [UCANCapability]) {
        var map = JSONObject()
        for c in capabilities {
            var abilities = map[c.resource]?.objectValue ?? JSONObject()
            abilities.set(c.ability, .array(c.caveats.map { .object($0) }))
            map.set(c.resource, .object(abilities))
        }
        self.entries = capabilities
        self.json = map
    }

    /// `[{}]`: no caveats.
    static let noCaveats = [JSONObject()]

    static func wrong(_ reason: String) -> FederationError {
        FederationError(.ucanIncorrectType, reason)
    }
}
