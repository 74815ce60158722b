/// A federation peer named by its origin URL or its DID, in one canonical form, so that every spelling of the same
/// peer compares equal.
///
/// Normalisation (`Spec/trust.md` §Peer names):
/// - URLs: scheme and host lower-cased, the default port (443 for `https`, 80 for `http`) dropped, one trailing `/`
///   dropped; no user info, query or fragment.
/// - An `https` origin and a `did:web` DID are one peer: both become the `did:web` DID of the URL
///   (``DIDWeb/did(fromURL:)``), so `HTTPS://Partner.example.com:443/`, `https://partner.example.com` and
///   `did:web:partner.example.com` are the same peer, and `https://h.example:8443/team` is `did:web:h.example%3A8443:team`.
/// - A `did:web` host is lower-cased (DNS names are case-insensitive) and an explicit `%3A443` port dropped; the rest
///   must be strict did:web (``DIDWeb/documentURL(for:compatibility:)``).
/// - `http` origins stay URLs (`http://host[:port][/path]`): did:web is https-only, so they never match a DID.
/// - An origin whose host is an IPv4 address (canonical dotted decimal) stays a URL in either scheme: did:web cannot
///   name an IP address.
/// - Any other DID (`did:key:…`) is kept as written after DID syntax checks; a DID URL with a fragment is rejected.
public struct PeerName: Sendable, Hashable, CustomStringConvertible {
    /// The canonical form: a DID, or an `http://` URL.
    public let canonical: String
    /// A hash of ``canonical``'s bytes, computed once, so allowlist lookups on the request path hash one integer.
    private let bytesHash: Int

    /// The longest peer name accepted (a DID URL's limit).
    public static let maxLength = DIDURL.maxLength

    /// Normalises a peer name.
    /// - Throws: `trust.invalid_peer`, with the reason the name could not be read.
    public init(_ text: String) throws(FederationError) {
        guard !text.isEmpty, text.utf8.count <= Self.maxLength else {
            throw Self.invalid("empty or over \(Self.maxLength) bytes")
        }
        let canonical = text.hasPrefix("did:") ? try Self.normaliseDID(text) : try Self.normaliseURL(text)
        // Every rule above admits ASCII only (DID syntax, DNS labels, did:web segments); kept as an explicit check
        // because `==` below relies on it.
        guard canonical.utf8.allSatisfy({ $0 < 0x80 }) else { throw Self.invalid("not ASCII") }
        self.canonical = canonical
        var hasher = Hasher()
        var utf8 = canonical
        utf8.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        bytesHash = hasher.finalize()
    }

    /// Equal when the canonical forms are the same bytes. Canonical forms are ASCII, where `String ==` (which
    /// otherwise compares canonical equivalence) is exactly byte equality.
    public static func == (lhs: PeerName, rhs: PeerName) -> Bool {
        lhs.bytesHash == rhs.bytesHash && lhs.canonical == rhs.canonical
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(bytesHash)
    }

    public var description: String { canonical }

    private static func normaliseDID(_ text: String) throws(FederationError) -> String {
        let url: DIDURL
        do { url = try DIDURL(text) } catch { throw invalid("not a DID (\(error.code))") }
        guard url.fragment == nil else { throw invalid("a peer is a DID, not a DID URL with a fragment") }
        guard url.method == "web" else { return url.did }
        // Lower-case the host (up to the first %3A or :), then go through the strict did:web → URL → DID mapping.
        let id = url.methodSpecificID
        let hostEnd = id.firstIndex(where: { $0 == "%" || $0 == ":" }) ?? id.endIndex
        var rest = id[hostEnd...]
        // An explicit `%3A443` is HTTPS's default port: the same peer as none (strict did:web has no such DID).
        if rest.hasPrefix("%3A443"), rest.dropFirst(6).first.map({ $0 == ":" }) ?? true { rest = rest.dropFirst(6) }
        let folded = "did:web:" + id[..<hostEnd].lowercased() + rest
        let documentURL: String
        do { documentURL = try DIDWeb.documentURL(for: folded) } catch {
            throw invalid("not strict did:web (\(error.code))")
        }
        var origin = Substring(documentURL)
        if origin.hasSuffix("/.well-known/did.json") {
            origin = origin.dropLast("/.well-known/did.json".count)
        } else {
            origin = origin.dropLast("/did.json".count)
        }
        return try normaliseURL(String(origin))
    }

    private static func normaliseURL(_ text: String) throws(FederationError) -> String {
        // Byte-wise: a peer name is ASCII when valid, and grapheme-wise String slicing dominated the cost.
        let bytes = Array(text.utf8)
        let slash = UInt8(ascii: "/")
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), bytes[colon...].starts(with: [0x3A, slash, slash])
        else { throw invalid("neither a DID nor a URL") }
        let scheme = String(decoding: bytes[..<colon].map(\.asciiLowercased), as: UTF8.self)
        guard scheme == "https" || scheme == "http" else { throw invalid("scheme must be https or http") }
        var rest = bytes[(colon + 3)...]
        guard !rest.contains(where: { $0 == 0x3F || $0 == 0x23 || $0 == 0x40 || $0 == 0x5C }) else {
            throw invalid("user info, query or fragment")
        }
        // Checked here, before did:web's mapping: `DIDWeb.did(fromURL:)` lower-cases the host with Unicode case
        // folding, which turns U+212A KELVIN SIGN into `k`.
        guard rest.allSatisfy({ $0 < 0x80 }) else { throw invalid("non-ASCII characters (use punycode)") }
        if rest.last == slash { rest = rest.dropLast() }
        let pathStart = rest.firstIndex(of: slash) ?? rest.endIndex
        let path = String(decoding: rest[pathStart...], as: UTF8.self)
        // One trailing slash is dropped above; another would be an empty segment (and `h//` must not become `h`).
        guard rest[pathStart...].last != slash else { throw invalid("empty path segment") }
        let authority = rest[..<pathStart]
        let portColon = authority.firstIndex(of: UInt8(ascii: ":")) ?? authority.endIndex
        let host = String(decoding: authority[..<portColon].map(\.asciiLowercased), as: UTF8.self)
        var port =
            portColon == authority.endIndex ? nil : String(decoding: authority[(portColon + 1)...], as: UTF8.self)
        if port == (scheme == "https" ? "443" : "80") { port = nil }
        let portPart = port.map { ":\($0)" } ?? ""
        // An IPv4 address (dotted decimal, canonical) stays a URL in both schemes: did:web cannot name it. Its port
        // and path follow did:web's rules as for any host.
        if Self.isIPv4(host) {
            do {
                if let port { try DIDWeb.checkPort(Substring(port)) }
                _ = try DIDWeb.urlPathSegments(Substring(path))
            } catch {
                throw invalid("bad port or path (\(error.code))")
            }
            return "\(scheme)://\(host)\(portPart)\(path)"
        }
        // did:web's URL rules check the host, port and path of both schemes; an https origin becomes its DID.
        let did: String
        do { did = try DIDWeb.did(fromURL: "https://\(host)\(portPart)\(path)") } catch {
            throw invalid("bad host, port or path (\(error.code))")
        }
        return scheme == "https" ? did : "http://\(host)\(portPart)\(path)"
    }

    /// Four decimal octets 0–255 without leading zeros (`010` could be read as octal, `127.1` and `2130706433` are
    /// other spellings: those are rejected, not normalised).
    static func isIPv4(_ host: String) -> Bool {
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4
            && octets.allSatisfy { octet in
                (1...3).contains(octet.utf8.count) && octet.utf8.allSatisfy { (0x30...0x39).contains($0) }
                    && (octet.utf8.count == 1 || octet.utf8.first != 0x30) && Int(octet)! <= 255
            }
    }

    static func invalid(_ reason: String) -> FederationError {
        FederationError(.trustInvalidPeer, reason)
    }
}
