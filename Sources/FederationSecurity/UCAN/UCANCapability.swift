/// One capability of a UCAN 0.10 `cap` map: `resource × ability × caveats` (UCAN 0.10 §2.5, §3.2.6).
public struct UCANCapability: Sendable, Hashable {
    /// The resource URI, exactly as written.
    public let resource: String
    /// The ability, exactly as written (compare with ``normalisedAbility``: abilities are case-insensitive, §2.3).
    public let ability: String
    /// The caveat objects, a disjunction (§3.2.6.3); `[{}]` means "no caveats". Never empty.
    public let caveats: [JSONObject]

    public init(resource: String, ability: String, caveats: [JSONObject]) {
        self.resource = resource
        self.ability = ability
        self.caveats = caveats
    }

    /// The ability in ASCII lower case.
    public var normalisedAbility: String { Self.lowercasedASCII(ability) }

    static func lowercasedASCII(_ s: String) -> String {
        // Abilities are mostly lower case already: the same string, without building a copy.
        guard s.utf8.contains(where: { (0x41...0x5A).contains($0) }) else { return s }
        return String(decoding: s.utf8.map(\.asciiLowercased), as: UTF8.self)
    }

    /// Whether `text` is an ability: `*` (top), or two or more non-empty `/`-separated segments of printable ASCII
    /// other than space (§2.3: "at least one path segment as a namespace"); the last segment may be `*`.
    static func isAbility(_ text: String) -> Bool {
        // One scan of the bytes, no array of segments: this runs for every ability of every token.
        TextBytes.withUTF8(text) { bytes in
            if bytes.count == 1, bytes[0] == UInt8(ascii: "*") { return true }
            var segments = 1
            var start = 0
            for (i, byte) in bytes.enumerated() {
                if byte == UInt8(ascii: "/") {
                    // An empty segment, or `*` before the last.
                    if i == start || (i == start + 1 && bytes[start] == UInt8(ascii: "*")) { return false }
                    segments += 1
                    start = i + 1
                } else if !(0x21...0x7E).contains(byte) {
                    return false
                }
            }
            return segments >= 2 && start < bytes.count
        }
    }

    /// Whether `text` starts with a URI scheme and a colon (RFC 3986 §3.1): `ALPHA *( ALPHA / DIGIT / + - . ) ":"`,
    /// with no whitespace or control characters anywhere.
    static func isResourceURI(_ text: String) -> Bool {
        // The bytes in place, not copied into an array: this runs for every resource of every token.
        TextBytes.withUTF8(text) { bytes in
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon < bytes.count - 1,
                bytes.allSatisfy({ $0 > 0x20 && $0 != 0x7F })
            else { return false }
            let isAlpha = { (b: UInt8) in (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
            return isAlpha(bytes[0])
                && bytes[1..<colon].allSatisfy {
                    isAlpha($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
                        || $0 == UInt8(ascii: ".")
                }
        }
    }
}
