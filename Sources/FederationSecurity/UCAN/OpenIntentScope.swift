/// The `scope` of an openintent 0.17 UCAN (`DelegationScope`): what the holder may do and what stays denied.
public struct OpenIntentScope: Sendable, Hashable {
    /// Operations allowed (`permissions`).
    public var permissions: [String]
    /// Operations denied (`denied_operations`).
    public var deniedOperations: [String]
    /// How many more times the token may be delegated (`max_delegation_depth`).
    public var maxDelegationDepth: Int64
    /// `expires_at`, an opaque string openintent copies from parent to child; not interpreted (the token's `exp`
    /// bounds time).
    public var expiresAt: String?

    public init(
        permissions: [String], deniedOperations: [String] = [], maxDelegationDepth: Int64 = 1, expiresAt: String? = nil
    ) {
        self.permissions = permissions
        self.deniedOperations = deniedOperations
        self.maxDelegationDepth = maxDelegationDepth
        self.expiresAt = expiresAt
    }

    /// The most permissions or denied operations in one scope.
    public static let maxEntries = 64

    /// Decodes a scope strictly: exactly `permissions`, `denied_operations`, `max_delegation_depth` and optionally
    /// `expires_at`, with those types.
    /// - Throws: `ucan.missing_field`, `ucan.malformed` (another member), `ucan.incorrect_type`,
    ///   `ucan.too_many_capabilities`.
    public init(parsing value: JSONValue) throws(FederationError) {
        guard let object = value.objectValue else { throw Self.wrong("scope must be an object") }
        let allowed: Set<String> = ["permissions", "denied_operations", "max_delegation_depth", "expires_at"]
        if let unknown = object.keys.first(where: { !allowed.contains($0) }) {
            throw FederationError(.ucanMalformed, "scope member '\(unknown.prefix(32))' is not openintent's")
        }
        for name in ["permissions", "denied_operations", "max_delegation_depth"] where object[name] == nil {
            throw FederationError(.ucanMissingField, "scope has no \(name)")
        }
        permissions = try Self.strings(object["permissions"]!, "permissions")
        deniedOperations = try Self.strings(object["denied_operations"]!, "denied_operations")
        guard let depth = object["max_delegation_depth"]?.integerValue else {
            throw Self.wrong("max_delegation_depth must be an integer")
        }
        maxDelegationDepth = depth
        if let e = object["expires_at"] {
            guard let s = e.stringValue else { throw Self.wrong("expires_at must be a string") }
            expiresAt = s
        } else {
            expiresAt = nil
        }
    }

    static func strings(_ value: JSONValue, _ name: String) throws(FederationError) -> [String] {
        guard let list = value.arrayValue else { throw wrong("\(name) must be an array of strings") }
        guard list.count <= maxEntries else {
            throw FederationError(.ucanTooManyCapabilities, "\(name) over \(maxEntries) entries")
        }
        var out: [String] = []
        for item in list {
            guard let s = item.stringValue else { throw wrong("\(name) must be an array of strings") }
            out.append(s)
        }
        return out
    }

    /// The scope as openintent's `DelegationScope.to_dict()`.
    public var json: JSONObject {
        var members: [JSONObject.Member] = [
            .init("permissions", .array(permissions.map { .string($0) })),
            .init("denied_operations", .array(deniedOperations.map { .string($0) })),
            .init("max_delegation_depth", .number(.integer(maxDelegationDepth))),
        ]
        if let expiresAt { members.append(.init("expires_at", .string(expiresAt))) }
        return JSONObject(uniqueMembers: members)
    }

    /// openintent's `DelegationScope.attenuate`: permissions intersect, denied operations unite (both sorted by code
    /// point, as Python's `sorted`), depth = min(parent − 1, child), `expires_at` the parent's.
    /// Sets are of code points, as Python's: Swift's `Set<String>` would merge canonically equivalent strings
    /// (`"caf\u{e9}"` and `"cafe\u{301}"`), which Python and every other consumer of the token keep apart.
    public func attenuated(by child: OpenIntentScope) -> OpenIntentScope {
        let childPermissions = Self.codePointSet(child.permissions)
        let allowed = permissions.filter { childPermissions.contains(Array($0.utf8)) }
        return OpenIntentScope(
            permissions: Self.pythonSorted(allowed),
            deniedOperations: Self.pythonSorted(deniedOperations + child.deniedOperations),
            maxDelegationDepth: min(maxDelegationDepth - 1, child.maxDelegationDepth), expiresAt: expiresAt)
    }

    /// The strings as UTF-8 byte strings: a set that tells strings apart exactly when their code points differ.
    static func codePointSet(_ strings: [String]) -> Set<[UInt8]> {
        Set(strings.map { Array($0.utf8) })
    }

    /// Without repeats (by code points) and sorted by code point, as Python's `sorted(set(...))`.
    static func pythonSorted(_ strings: [String]) -> [String] {
        var seen = Set<[UInt8]>()
        // UTF-8 byte order is code point order.
        return strings.filter { seen.insert(Array($0.utf8)).inserted }.sorted {
            $0.utf8.lexicographicallyPrecedes($1.utf8)
        }
    }

    static func wrong(_ reason: String) -> FederationError {
        FederationError(.ucanIncorrectType, reason)
    }
}
