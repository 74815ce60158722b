import FederationSecurity
import Testing

/// ``UCANAttenuationRules/enables(_:_:)`` against its resource and ability rules written the plain way (scalar
/// comparison of resources, `hasSuffix` on every ability), on every pair of resources and abilities from lists that
/// include non-ASCII text, combining marks after `*` and `/`, and canonically equivalent spellings.
@Suite struct UCANAttenuationReferenceTests {
    /// The resource and ability part of the rule as first written (caveats are `[{}]` on both sides here).
    static func reference(_ proof: UCANCapability, _ child: UCANCapability) -> Bool {
        guard proof.resource.unicodeScalars.elementsEqual(child.resource.unicodeScalars) else { return false }
        let granted = proof.normalisedAbility
        let claimed = child.normalisedAbility
        if granted != "*" {
            if granted.hasSuffix("/*") {
                guard claimed != "*", claimed.hasPrefix(granted.dropLast()) else { return false }
            } else if granted != claimed {
                return false
            }
        }
        return true
    }

    static let resources = [
        "mailto:a@b", "mailto:a@B", "mailto:é@b", "mailto:e\u{301}@b", "dns:x", "dns:x\u{301}", "",
    ]
    static let abilities = [
        "*", "msg/*", "msg/send", "MSG/Send", "msg/*\u{301}", "msg/\u{301}*", "msg\u{301}/*", "msgx/send", "é/*",
        "e\u{301}/*", "é/send", "e\u{301}/send", "/*", "*\u{301}", "msg/", "msg/**", "msg/*/x", "Ⅻ/*", "ⅻ/send",
    ]

    @Test func resourceAndAbilityRulesMatchThePlainReading() {
        let rules = UCANAttenuationRules.syntactic
        for r1 in Self.resources {
            for r2 in Self.resources {
                for a1 in Self.abilities {
                    for a2 in Self.abilities {
                        let proof = UCANCapability(resource: r1, ability: a1, caveats: [JSONObject()])
                        let child = UCANCapability(resource: r2, ability: a2, caveats: [JSONObject()])
                        #expect(
                            rules.enables(proof, child) == Self.reference(proof, child),
                            "\(r1) \(a1) → \(r2) \(a2)")
                    }
                }
            }
        }
    }
}
