/// An absolute request target URI, `scheme "://" authority path-abempty [ "?" query ]` (RFC 3986 §3), split into the
/// parts RFC 9421 §2.2 derives components from. Parts are kept as received: nothing is percent-decoded.
public struct TargetURI: Sendable, Hashable {
    /// The whole URI as given (`@target-uri`).
    public let text: String
    public let scheme: String
    public let authority: String
    /// Possibly empty (`@path` then is `/`).
    public let path: String
    /// Without the `?`; `nil` when the URI has no `?`.
    public let query: String?
    /// `@authority`: host in lower case, the scheme's default port left out (RFC 9421 §2.2.3, HTTP §4.2.3).
    let normalizedAuthority: String
    /// `@target-uri`: the path `/` when empty.
    let targetURIValue: String
    /// `@request-target`.
    let requestTargetValue: String

    /// Longest target URI accepted.
    public static let maxLength = 8192

    /// - Throws: `request.invalid_component` for a relative URI, a bad scheme, user info, a fragment, an empty
    ///   authority, a control character or space, or more than ``maxLength`` bytes.
    public init(_ text: String) throws(FederationError) {
        func bad(_ why: String) -> FederationError {
            FederationError(.requestInvalidComponent, "target URI: \(why)")
        }
        let bytes = Array(text.utf8)
        guard bytes.count <= Self.maxLength else { throw bad("longer than \(Self.maxLength) bytes") }
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { throw bad("space, control or non-ASCII byte") }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), bytes[colon...].starts(with: "://".utf8) else {
            throw bad("not absolute")
        }
        let scheme = bytes[..<colon]
        guard let first = scheme.first, first.isASCIILetter, scheme.allSatisfy(Self.isSchemeByte) else {
            throw bad("invalid scheme")
        }
        let rest = bytes[(colon + 3)...]
        guard !rest.contains(UInt8(ascii: "#")) else { throw bad("fragment") }
        let authorityEnd = rest.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard !authority.isEmpty, !authority.contains(UInt8(ascii: "@")) else {
            throw bad("empty authority or user info")
        }
        let afterAuthority = rest[authorityEnd...]
        let queryStart = afterAuthority.firstIndex(of: UInt8(ascii: "?"))
        self.text = text
        self.scheme = String(decoding: scheme, as: UTF8.self)
        self.authority = String(decoding: authority, as: UTF8.self)
        self.path = String(decoding: afterAuthority[..<(queryStart ?? afterAuthority.endIndex)], as: UTF8.self)
        self.query = queryStart.map { String(decoding: afterAuthority[($0 + 1)...], as: UTF8.self) }
        let lower = self.authority.lowercased()
        let defaultPort = ["http": ":80", "https": ":443"][self.scheme.lowercased()]
        if let defaultPort, lower.hasSuffix(defaultPort) {
            normalizedAuthority = String(lower.dropLast(defaultPort.count))
        } else {
            normalizedAuthority = lower
        }
        requestTargetValue = (path.isEmpty ? "/" : path) + (query.map { "?" + $0 } ?? "")
        targetURIValue = self.scheme + "://" + self.authority + requestTargetValue
    }

    private static func isSchemeByte(_ b: UInt8) -> Bool {
        b.isASCIILetter || b.isASCIIDigit || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }

}

extension UInt8 {
    var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
    var isASCIIDigit: Bool { (0x30...0x39).contains(self) }
}
