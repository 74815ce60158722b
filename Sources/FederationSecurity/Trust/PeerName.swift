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
        let folded = "did:web:" + id[..<hostEnd].lowercased() + id[hostEnd...]
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
        guard let separator = text.firstRange(of: "://") else { throw invalid("neither a DID nor a URL") }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard scheme == "https" || scheme == "http" else { throw invalid("scheme must be https or http") }
        var rest = text[separator.upperBound...]
        guard !rest.contains(where: { "?#@\\".contains($0) }) else { throw invalid("user info, query or fragment") }
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<slash]
        let path = rest[slash...]
        // One trailing slash is dropped above; another would be an empty segment (and `h//` must not become `h`).
        guard !path.hasSuffix("/") else { throw invalid("empty path segment") }
        let hostAndPort = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let host = hostAndPort[0].lowercased()
        var port = hostAndPort.count == 2 ? String(hostAndPort[1]) : nil
        if port == (scheme == "https" ? "443" : "80") { port = nil }
        let portPart = port.map { ":\($0)" } ?? ""
        // did:web's URL rules check the host, port and path of both schemes; an https origin becomes its DID.
        let did: String
        do { did = try DIDWeb.did(fromURL: "https://\(host)\(portPart)\(path)") } catch {
            throw invalid("bad host, port or path (\(error.code))")
        }
        return scheme == "https" ? did : "http://\(host)\(portPart)\(path)"
    }

    static func invalid(_ reason: String) -> FederationError {
        FederationError(.trustInvalidPeer, reason)
    }
}
