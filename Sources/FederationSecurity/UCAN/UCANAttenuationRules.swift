/// When one capability delegates another (UCAN 0.10 §2.8, §3.2.6.3, §5.2): the semantics a verifier applies to
/// resources, abilities and caveats it does not otherwise understand.
///
/// - Resource: equal strings. (Hierarchical containment is resource-specific, §6; without it, a delegation
///   cannot widen or move the resource.) `ucan:` selectors are not interpreted: they match only themselves.
/// - Ability: equal ignoring ASCII case (§2.3); a proof's `*` (top, §5.2) enables every ability; a proof's
///   `ns/*` enables every ability in namespace `ns`.
/// - Caveats: each caveat of the delegated capability must be covered by one caveat of the proof: it includes every
///   field of the proof's caveat (§3.2.6.3, "syntactically include all of the fields of the relevant proof caveat,
///   plus the newly introduced caveats") with an equal value — or, for a field this rule set declares a
///   *narrowing list* for that ability, an array whose elements are all in the proof's array.
public struct UCANAttenuationRules: Sendable, Hashable {
    /// Ability (lower case) → caveat fields whose array values narrow by subset.
    public var narrowingLists: [String: Set<String>]

    public init(narrowingLists: [String: Set<String>] = [:]) {
        self.narrowingLists = narrowingLists.reduce(into: [:]) { all, entry in
            all[UCANCapability.lowercasedASCII(entry.key), default: []].formUnion(entry.value)
        }
    }

    /// Equality of fields only: the spec's syntactic rule.
    public static let syntactic = UCANAttenuationRules()

    /// Whether `proof` delegates `child`.
    public func enables(_ proof: UCANCapability, _ child: UCANCapability) -> Bool {
        // Equal scalars, compared as their UTF-8 bytes (the same test: a string's UTF-8 encodes its scalars).
        guard UTF8Equality.equal(proof.resource, child.resource) else { return false }
        let granted = proof.normalisedAbility
        let claimed = child.normalisedAbility
        if granted != "*" {
            // `hasSuffix` only when the last byte is `*`: a string ending in the character `*` ends in that byte
            // (no other scalars are canonically equivalent to it), and `hasSuffix` walks characters.
            if granted.utf8.last == UInt8(ascii: "*"), granted.hasSuffix("/*") {
                guard claimed != "*", claimed.hasPrefix(granted.dropLast()) else { return false }
            } else if granted != claimed {
                return false
            }
        }
        let lists = narrowingLists.isEmpty ? [] : narrowingLists[claimed] ?? []  // no hashing without lists
        return child.caveats.allSatisfy { c in proof.caveats.contains { p in covers(p, c, lists: lists) } }
    }

    func covers(_ proof: JSONObject, _ child: JSONObject, lists: Set<String>) -> Bool {
        proof.allSatisfy { field in
            guard let value = child[field.key] else { return false }
            if value == field.value { return true }
            guard lists.contains(field.key), let wanted = value.arrayValue, let allowed = field.value.arrayValue else {
                return false
            }
            return wanted.allSatisfy { allowed.contains($0) }
        }
    }
}
