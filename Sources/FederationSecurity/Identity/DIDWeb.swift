/// `did:web` (W3C CCG did:web method §3.2): DIDs made from HTTPS URLs, and the URL of a DID's `did.json`.
///
/// Strict form: host lower-case ASCII (IDNs as punycode), a port percent-encoded as `%3A`, path segments separated
/// by `:`. `did:web:example.com` ↔ `https://example.com/.well-known/did.json`;
/// `did:web:example.com%3A8443:user:alice` ↔ `https://example.com:8443/user/alice/did.json`.
public enum DIDWeb {
    /// How to read a colon followed by digits right after the host.
    public enum Compatibility: Sendable, Hashable {
        /// The did:web spec: `did:web:localhost:8000` is host `localhost`, path `/8000`.
        case strict
        /// openintent 0.17 writes a server's port unencoded (`did:web:localhost:8000`). In this mode a first segment
        /// of 1-5 digits after the host is read as its port. Opt-in only: in strict mode that DID names another URL.
        case openIntentPort
    }

    /// The did:web DID of a server URL (`https://host[:port][/path]`, no query, fragment or user info), at most
    /// `DIDURL.maxLength` bytes long.
    /// - Throws: `did.invalid_web_url`.
    public static func did(fromURL url: String) throws(FederationError) -> String {
        guard url.hasPrefix("https://") else { throw invalid("did:web URLs must be https") }
        var rest = Substring(url.dropFirst("https://".count))
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.contains(where: { "?#@".contains($0) }) else {
            throw invalid("query, fragment or user info in URL")
        }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<slash]
        let hostAndPort = authority.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(hostAndPort.count) else { throw invalid("bad authority") }
        // ASCII case folding only: Unicode `lowercased()` maps U+212A KELVIN SIGN to "k", a homograph.
        guard hostAndPort[0].utf8.allSatisfy({ $0 < 0x80 }) else {
            throw invalid("host must be ASCII (IDNs as punycode)")
        }
        let host = String(
            decoding: hostAndPort[0].utf8.map(\.asciiLowercased), as: UTF8.self)
        try checkHost(host)
        var did = "did:web:\(host)"
        // HTTPS's default port is the same server as no port: one DID for it (`https://h:443` is `did:web:h`).
        if hostAndPort.count == 2 {
            try checkPort(hostAndPort[1])
            if hostAndPort[1] != "443" { did += "%3A\(hostAndPort[1])" }
        }
        for segment in try urlPathSegments(rest[slash...]) { did += ":\(segment)" }
        // The port separator grows from ":" to "%3A", so a URL within DIDURL.maxLength can make a DID beyond it:
        // such a DID would be one no DID parser here accepts (found by fuzz-did: a 2,048-byte URL with a port).
        guard did.utf8.count <= DIDURL.maxLength else {
            throw invalid("the DID would be longer than \(DIDURL.maxLength) bytes")
        }
        return did
    }

    /// The segments of a URL path (`""` or `/a/b`, no trailing slash) that a did:web DID can hold: each one DID
    /// characters only and none aliasing another document (``checkSegment(_:first:)``).
    /// - Throws: `did.invalid_web_url`.
    static func urlPathSegments(_ path: Substring) throws(FederationError) -> [Substring] {
        let segments = Array(path.split(separator: "/", omittingEmptySubsequences: false).dropFirst())
        for (index, segment) in segments.enumerated() {
            guard !segment.isEmpty, segment.utf8.allSatisfy(DIDURL.isIDByte),
                DIDURL.percentEncodingIsWellFormed(segment)
            else { throw invalid("path segment '\(segment)' is empty or has characters a DID cannot hold") }
            try checkSegment(segment, first: index == 0)
        }
        return segments
    }

    /// The URL of the DID document of a did:web DID.
    /// - Throws: `did.invalid_did`, `did.unsupported_method`, `did.invalid_web_url`.
    public static func documentURL(for text: String, compatibility: Compatibility = .strict) throws(FederationError)
        -> String
    {
        let url = try DIDURL(text)
        guard url.method == "web" else { throw FederationError(.didUnsupportedMethod, "not did:web") }
        var segments = url.methodSpecificID.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var authority = segments.removeFirst()
        var port: String?
        guard authority.firstRange(of: "%3a") == nil else { throw invalid("write the port separator as %3A") }
        if let range = authority.firstRange(of: "%3A") {
            port = String(authority[range.upperBound...])
            authority = String(authority[..<range.lowerBound])
        } else if compatibility == .openIntentPort, let first = segments.first, (1...5).contains(first.count),
            first.allSatisfy(\.isASCIIDigit)
        {
            port = segments.removeFirst()
        }
        guard authority == authority.lowercased() else { throw invalid("host must be lower case in a did:web DID") }
        try checkHost(authority)
        if let port {
            try checkPort(Substring(port))
            guard port != "443" else { throw invalid("port 443 is HTTPS's default: that DID is written without it") }
        }
        for (index, segment) in segments.enumerated() {
            try checkSegment(Substring(segment), first: index == 0)
        }
        let base = "https://\(authority)" + (port.map { ":\($0)" } ?? "")
        return segments.isEmpty ? "\(base)/.well-known/did.json" : "\(base)/\(segments.joined(separator: "/"))/did.json"
    }

    static func checkHost(_ host: String) throws(FederationError) {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let ok =
            !host.isEmpty && host.utf8.count <= 253
            && labels.allSatisfy { label in
                (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                    && label.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
            }
        guard ok else { throw invalid("'\(host)' is not a lower-case DNS name") }
        // did:web §3.1: the identifier MUST NOT include an IP address. A last label of digits only is never a DNS
        // name (no top-level domain is numeric, RFC 3696 §2), and covers 169.254.169.254 and 2130706433 alike.
        guard let last = labels.last, !last.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw invalid("'\(host)' is an IP address, which a did:web DID cannot name")
        }
    }

    /// Rejects path segments that would make two DIDs name one document: `.` and `..` (removed by URL
    /// normalisation, RFC 3986 §5.2.4), percent-encoded dots or slashes (decoded by many servers), and `.well-known`
    /// first (`did:web:h:.well-known` would fetch `https://h/.well-known/did.json`, the document of `did:web:h`).
    /// Also rejected: an empty segment (`did:web:h::x` would fetch `https://h//x/did.json`, which servers that merge
    /// slashes serve as `https://h/x/did.json`) and any percent-encoded unreserved character (`%61` is `a` to a
    /// server, RFC 3986 §6.2.2.2; `%2E` is `.`), so each document has one DID.
    static func checkSegment(_ segment: Substring, first: Bool) throws(FederationError) {
        let lowered = segment.lowercased()
        let decoded = lowered.replacing("%2e", with: ".")
        guard !segment.isEmpty, decoded != ".", decoded != "..", !lowered.contains("%2f"),
            !(first && decoded == ".well-known"), !encodesUnreserved(segment.utf8)
        else {
            throw invalid("path segment '\(segment)' would alias another did:web document")
        }
    }

    /// Whether `bytes` hold a `%XX` escape of an RFC 3986 unreserved character (ALPHA, DIGIT, `-`, `.`, `_`, `~`).
    static func encodesUnreserved(_ bytes: Substring.UTF8View) -> Bool {
        let bytes = Array(bytes)
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), let high = Hex.digitValue(bytes[i + 1]),
                let low = Hex.digitValue(bytes[i + 2])
            {
                let c = high << 4 | low
                if c.isASCIILetter || c.isASCIIDigit || c == 0x2D || c == 0x2E || c == 0x5F || c == 0x7E { return true }
                i += 3
            } else {
                i += 1
            }
        }
        return false
    }

    static func checkPort(_ port: Substring) throws(FederationError) {
        guard (1...5).contains(port.count), port.allSatisfy(\.isASCIIDigit), let n = Int(port), (1...65535).contains(n),
            port.first != "0"
        else { throw invalid("bad port '\(port)'") }
    }

    static func invalid(_ reason: String) -> FederationError {
        FederationError(.didInvalidWebURL, reason)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
