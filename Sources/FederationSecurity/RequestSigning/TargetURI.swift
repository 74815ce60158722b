/// An absolute request target URI, `scheme "://" authority path-abempty [ "?" query ]` (RFC 3986 §3), split into the
/// parts RFC 9421 §2.2 derives components from. Parts are kept as received: nothing is percent-decoded.
public struct TargetURI: Sendable, Hashable {
    /// The parts, in one immutable box: a message (and its control data) is copied per verification, and copying
    /// one reference is one retain where copying the parts was one per string.
    private final class Storage: Sendable {
        let text: String
        let scheme: String
        let authority: String
        let path: String
        let query: String?
        /// The derived components' values (``Part``), one after another in UTF-8: `@scheme` in lower case,
        /// `@authority` with the host in lower case and the scheme's default port left out (RFC 9421 §2.2.3, HTTP
        /// §4.2.3), and so on. Bytes rather than strings: the verifier's fast path reads them in place, where a
        /// string is retained and released per use.
        let derived: [UInt8]
        /// `derived[derivedStarts[p]..<derivedStarts[p + 1]]` is the value of the part whose raw value is `p`.
        let derivedStarts: SIMD8<Int32>

        /// The parts as received; every derived value is computed here, once.
        init(text: String, scheme: String, authority: String, path: String, query: String?) {
            self.text = text
            self.scheme = scheme
            self.authority = authority
            self.path = path
            self.query = query
            // The URI's bytes are printable ASCII (checked by ``TargetURI/init(_:)``), so ASCII lower-casing is
            // Unicode lower-casing here.
            let schemeValue = Array(scheme.utf8).map(\.asciiLowercased)
            var normalizedAuthority = Array(authority.utf8).map(\.asciiLowercased)
            let defaultPort = ["http": ":80", "https": ":443"][String(decoding: schemeValue, as: UTF8.self)]
            if let defaultPort, normalizedAuthority.count >= defaultPort.utf8.count,
                normalizedAuthority.suffix(defaultPort.utf8.count).elementsEqual(defaultPort.utf8)
            {
                normalizedAuthority.removeLast(defaultPort.utf8.count)
            }
            let pathValue = path.isEmpty ? Array("/".utf8) : Array(path.utf8)
            let queryValue = Array("?".utf8) + Array((query ?? "").utf8)
            let requestTarget = pathValue + (query.map { Array("?".utf8) + Array($0.utf8) } ?? [])
            let targetURI = Array(scheme.utf8) + Array("://".utf8) + Array(authority.utf8) + requestTarget
            // In the order of ``Part``.
            var derived: [UInt8] = []
            var starts = SIMD8<Int32>()
            for (n, value) in [targetURI, normalizedAuthority, schemeValue, pathValue, queryValue, requestTarget]
                .enumerated()
            {
                starts[n] = Int32(derived.count)
                derived += value
            }
            starts[Part.allCases.count] = Int32(derived.count)
            self.derived = derived
            derivedStarts = starts
        }
    }

    /// The components derived from the target URI alone, in the order ``Storage/derived`` holds their values.
    enum Part: Int, CaseIterable, Sendable {
        case targetURI, authority, scheme, path, query, requestTarget

        /// The part `kind` is, or `nil` for a component not derived from the target URI.
        init?(_ kind: ComponentIdentifier.Kind) {
            switch kind {
            case .targetURI: self = .targetURI
            case .authority: self = .authority
            case .scheme: self = .scheme
            case .path: self = .path
            case .query: self = .query
            case .requestTarget: self = .requestTarget
            case .method, .status, .queryParam, .field: return nil
            }
        }
    }

    private let storage: Storage

    /// The whole URI as given (`@target-uri`).
    public var text: String { storage.text }
    public var scheme: String { storage.scheme }
    public var authority: String { storage.authority }
    /// Possibly empty (`@path` then is `/`).
    public var path: String { storage.path }
    /// Without the `?`; `nil` when the URI has no `?`.
    public var query: String? { storage.query }
    /// The value of a component derived from the target URI (RFC 9421 §2.2: `@target-uri`, `@authority`, `@scheme`,
    /// `@path` (`/` when empty), `@query` (with its `?`, `?` alone when there is none), `@request-target`); `nil`
    /// for any other component. Every value is built once, with the URI.
    func derivedValue(_ kind: ComponentIdentifier.Kind) -> String? {
        Part(kind).map { part in withDerivedUTF8(part) { String(decoding: $0, as: UTF8.self) } }
    }

    /// Calls `body` with the UTF-8 of `part`'s value, in place.
    func withDerivedUTF8<R>(_ part: Part, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = Int(storage.derivedStarts[part.rawValue])
        let end = Int(storage.derivedStarts[part.rawValue + 1])
        return storage.derived.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Every part follows from the text.
    public static func == (a: Self, b: Self) -> Bool { a.storage === b.storage || a.text == b.text }

    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

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
        storage = Storage(
            text: text, scheme: String(decoding: scheme, as: UTF8.self),
            authority: String(decoding: authority, as: UTF8.self),
            path: String(decoding: afterAuthority[..<(queryStart ?? afterAuthority.endIndex)], as: UTF8.self),
            query: queryStart.map { String(decoding: afterAuthority[($0 + 1)...], as: UTF8.self) })
    }

    private static func isSchemeByte(_ b: UInt8) -> Bool {
        b.isASCIILetter || b.isASCIIDigit || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }

}
