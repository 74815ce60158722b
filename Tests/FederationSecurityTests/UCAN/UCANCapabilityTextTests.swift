import FederationSecurity
import Testing

/// The ability and resource checks of ``UCANCapabilities/init(parsing:limits:)`` scan bytes in place; these check
/// them against the definitions they replaced (split into segments, copy into an array; kept here as the
/// reference) on edge cases and random texts, through the public decoder.
@Suite struct UCANCapabilityTextTests {
    /// The ability rule as first written.
    static func referenceIsAbility(_ text: String) -> Bool {
        if text == "*" { return true }
        let segments = text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        return segments.count >= 2
            && segments.allSatisfy { s in !s.isEmpty && s.allSatisfy { (0x21...0x7E).contains($0) } }
            && !segments.dropLast().contains { $0.elementsEqual("*".utf8) }
    }

    /// The resource rule as first written.
    static func referenceIsResourceURI(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon < bytes.count - 1,
            bytes.allSatisfy({ $0 > 0x20 && $0 != 0x7F })
        else { return false }
        let isAlpha = { (b: UInt8) in (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
        return isAlpha(bytes[0])
            && bytes[1..<colon].allSatisfy { isAlpha($0) || (0x30...0x39).contains($0) || "+-.".utf8.contains($0) }
    }

    static func accepts(resource: String, ability: String) -> Bool {
        let cap = JSONValue.object(
            JSONObject(uniqueMembers: [
                .init(resource, .object(JSONObject(uniqueMembers: [.init(ability, .array([.object(JSONObject())]))])))
            ]))
        return (try? UCANCapabilities(parsing: cap)) != nil
    }

    static let edgeCases = [
        "*", "**", "*/", "/*", "a/*", "*/a", "a/*/b", "a/b", "a//b", "a/b/", "/a/b", "a", "", "a/ b", "a/\u{7F}",
        "a/é", "msg/send", "Msg/Send", "crud/*", "a/b/c/d", "x:y", "mailto:a@b.c", ":x", "x:", "1x:y", "a+b-c.d:e",
        "a_b:c", "a b:c", "a:b c", "a:\u{1}", "é:x", "x:é", "dns:example.com", "a::", "a:/",
    ]

    @Test func edgeCasesAgree() {
        for text in Self.edgeCases {
            #expect(Self.accepts(resource: "x:y", ability: text) == Self.referenceIsAbility(text), "ability \(text)")
            #expect(
                Self.accepts(resource: text, ability: "a/b") == Self.referenceIsResourceURI(text), "resource \(text)")
        }
    }

    @Test func randomTextsAgree() {
        var rng = SplitMix64(seed: 0x5EED_0CAB)
        let alphabet = ["*", "/", ":", "a", "Z", "0", "+", "-", ".", "_", " ", "\u{7F}", "\u{1}", "é", "@", "~"]
        var abilities = 0, resources = 0
        for round in 0..<20_000 {
            let length = Int(rng.next() % 9)
            let text = (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
            // Most random texts are not URIs; a scheme-like start makes many of them reach the later checks.
            let uri = ["", "x", "x:", "ab"][round % 4] + text
            let ability = Self.referenceIsAbility(text)
            let resource = Self.referenceIsResourceURI(uri)
            if ability { abilities += 1 }
            if resource { resources += 1 }
            #expect(Self.accepts(resource: "x:y", ability: text) == ability, "ability \(text)")
            #expect(Self.accepts(resource: uri, ability: "a/b") == resource, "resource \(uri)")
        }
        #expect(abilities > 100 && resources > 100, "\(abilities) abilities, \(resources) resources")
    }
}
