/// Finds the Ed25519 key a DID URL names.
///
/// The core does no networking: `did:key` resolves in process; `did:web` documents come from a closure the caller
/// supplies (it may fetch them, read a file, or hold pinned copies).
public protocol KeyResolver: Sendable {
    /// The key for `didURL`.
    /// - Parameters:
    ///   - didURL: a DID or DID URL (`did:key:z6Mk…`, `did:web:example.com#key-1`).
    ///   - now: the current time, unix seconds (for caches).
    /// - Throws: `did.*` codes.
    func resolveKey(_ didURL: String, now: Int64) async throws(FederationError) -> Ed25519.PublicKey

    /// The key ``resolveKey(_:now:)`` would return for `didURL` at `now` when the resolver has it at hand (a cached
    /// key), so a verifier on a hot path need not make an async call; `nil` means: ask ``resolveKey(_:now:)``.
    func cachedKey(_ didURL: String, now: Int64) -> Ed25519.PublicKey?
}

extension KeyResolver {
    /// No key at hand: every lookup goes through ``resolveKey(_:now:)``.
    public func cachedKey(_ didURL: String, now: Int64) -> Ed25519.PublicKey? { nil }
}

/// Resolves `did:key` in process and `did:web` through caller-supplied documents.
public struct DIDKeyResolver: KeyResolver {
    /// Returns the raw bytes of the DID document for a did:web DID, with its URL for reference, or `nil`.
    public typealias DocumentSource = @Sendable (_ did: String, _ url: String) async -> [UInt8]?

    private let webDocuments: DocumentSource?
    private let compatibility: DIDWeb.Compatibility

    /// - Parameters:
    ///   - webDocuments: where did:web documents come from; without it, did:web fails with `did.not_resolved`.
    ///   - compatibility: how did:web ports are read (`Spec/identity.md`).
    public init(webDocuments: DocumentSource? = nil, compatibility: DIDWeb.Compatibility = .strict) {
        self.webDocuments = webDocuments
        self.compatibility = compatibility
    }

    public func resolveKey(_ didURL: String, now: Int64) async throws(FederationError) -> Ed25519.PublicKey {
        let url = try DIDURL(didURL)
        switch url.method {
        case "key":
            return try DIDKey(parsing: didURL).publicKey
        case "web":
            let location = try DIDWeb.documentURL(for: url.did, compatibility: compatibility)
            guard let webDocuments, let bytes = await webDocuments(url.did, location) else {
                throw FederationError(.didNotResolved, "no document for \(url.did)")
            }
            return try DIDDocument(json: bytes, did: url.did).publicKey(for: url)
        default:
            throw FederationError(.didUnsupportedMethod, "did:\(url.method) is not supported")
        }
    }
}
