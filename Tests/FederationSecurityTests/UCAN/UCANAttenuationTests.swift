import FederationSecurity
import Testing

@Suite struct UCANAttenuationTests {
    func cap(_ resource: String, _ ability: String, _ caveats: [JSONObject] = [JSONObject()]) -> UCANCapability {
        UCANCapability(resource: resource, ability: ability, caveats: caveats)
    }

    func caveat(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONObject { try! JSONObject(pairs) }

    @Test func abilitiesTopNamespacesAndCase() {
        let rules = UCANAttenuationRules.syntactic
        #expect(rules.enables(cap("mailto:a@b", "*"), cap("mailto:a@b", "msg/send")))
        #expect(rules.enables(cap("mailto:a@b", "msg/*"), cap("mailto:a@b", "msg/send")))
        #expect(rules.enables(cap("mailto:a@b", "MSG/Send"), cap("mailto:a@b", "msg/send")))
        #expect(!rules.enables(cap("mailto:a@b", "msg/*"), cap("mailto:a@b", "*")))
        #expect(!rules.enables(cap("mailto:a@b", "msg/*"), cap("mailto:a@b", "msgx/send")))
        #expect(!rules.enables(cap("mailto:a@b", "msg/send"), cap("mailto:a@b", "msg/receive")))
        #expect(!rules.enables(cap("mailto:a@b", "*"), cap("mailto:c@b", "msg/send")))
    }

    /// The table of UCAN 0.10 §3.2.6.3 (x, y, z are distinct caveats).
    @Test func caveatTableOfTheSpec() {
        let x = caveat(["status": .string("draft")])
        let y = caveat(["day": .string("monday")])
        let yz = caveat(["day": .string("monday"), "max": .number(.integer(5))])
        let z = caveat(["max": .number(.integer(5))])
        let rules = UCANAttenuationRules.syntactic
        func ok(_ proof: [JSONObject], _ child: [JSONObject]) -> Bool {
            rules.enables(cap("https://e.com", "crud/update", proof), cap("https://e.com", "crud/update", child))
        }
        #expect(ok([JSONObject()], [JSONObject()]))
        #expect(ok([x], [x]))
        #expect(!ok([x], [JSONObject()]))
        #expect(ok([JSONObject()], [x]))
        #expect(!ok([x], [y]))
        #expect(ok([x, y], [x]))
        #expect(ok([x, y], [x, yz]))
        #expect(!ok([x, y], [x, y, z]))
    }

    @Test func narrowingListsOnlyWhereDeclared() {
        let wide = caveat(["templates": .array([.string("a"), .string("b")])])
        let narrow = caveat(["templates": .array([.string("a")])])
        let p = cap("mailto:a@b", "email/send", [wide])
        let c = cap("mailto:a@b", "email/send", [narrow])
        #expect(!UCANAttenuationRules.syntactic.enables(p, c))
        let rules = UCANAttenuationRules(narrowingLists: ["EMAIL/send": ["templates"]])
        #expect(rules.enables(p, c))
        #expect(!rules.enables(c, p))
    }
}
