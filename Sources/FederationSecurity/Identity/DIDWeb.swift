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
        let path = rest[slash...].split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let hostAndPort = authority.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(hostAndPort.count) else { throw invalid("bad authority") }
        // ASCII case folding only: Unicode `lowercased()` maps U+212A KELVIN SIGN to "k", a homograph.
        guard hostAndPort[0].utf8.allSatisfy({ $0 < 0x80 }) else {
            throw invalid("host must be ASCII (IDNs as punycode)")
        }
        let host = String(
            decoding: hostAndPort[0].utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        try checkHost(host)
        var did = "did:web:\(host)"
        if hostAndPort.count == 2 {
            try checkPort(hostAndPort[1])
            did += "%3A\(hostAndPort[1])"
        }
        for (index, segment) in path.enumerated() {
            guard !segment.isEmpty, segment.utf8.allSatisfy(DIDURL.isIDByte),
                DIDURL.percentEncodingIsWellFormed(segment)
            else { throw invalid("path segment '\(segment)' is empty or has characters a DID cannot hold") }
            try checkSegment(segment, first: index == 0)
            did += ":\(segment)"
        }
        // The port separator grows from ":" to "%3A", so a URL within DIDURL.maxLength can make a DID beyond it:
        // such a DID would be one no DID parser here accepts (found by fuzz-did: a 2,048-byte URL with a port).
        guard did.utf8.count <= DIDURL.maxLength else {
            throw invalid("the DID would be longer than \(DIDURL.maxLength) bytes")
        }
        return did
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
        if let port { try checkPort(Substring(port)) }
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
    }

    /// Rejects path segments that would make two DIDs name one document: `.` and `..` (removed by URL
    /// normalisation, RFC 3986 §5.2.4), percent-encoded dots or slashes (decoded by many servers), and `.well-known`
    /// first (`did:web:h:.well-known` would fetch `https://h/.well-known/did.json`, the document of `did:web:h`).
    static func checkSegment(_ segment: Substring, first: Bool) throws(FederationError) {
        let lowered = segment.lowercased()
        let decoded = lowered.replacing("%2e", with: ".")
        guard decoded != ".", decoded != "..", !lowered.contains("%2f"), !(first && decoded == ".well-known") else {
            throw invalid("path segment '\(segment)' would alias another did:web document")
        }
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
