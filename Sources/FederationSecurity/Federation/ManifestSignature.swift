/// Signing and verifying manifests: a detached JWS (``DetachedJWS``, `alg` EdDSA, `kid` the kernel's DID URL) over
/// the exact manifest bytes transmitted (`Spec/manifests.md` §Signature). The receiver verifies the bytes it
/// received, before decoding them; nothing is re-serialised.
public enum ManifestSignature {
    /// Signs manifest bytes with the kernel's identity; `kid` is its did:key verification method.
    /// - Throws: `crypto.backend_failure`.
    public static func sign(_ manifest: some Collection<UInt8>, identity: Ed25519Identity) throws(FederationError)
        -> String
    {
        try DetachedJWS.sign(manifest, with: identity.privateKey, keyID: identity.didKey.keyID)
    }

    /// Signs with an explicit key id (a did:web DID URL whose document holds this key, for instance).
    public static func sign(
        _ manifest: some Collection<UInt8>, identity: Ed25519Identity, keyID: String
    ) throws(FederationError) -> String {
        try DetachedJWS.sign(manifest, with: identity.privateKey, keyID: keyID)
    }

    /// Verifies a signature over `manifest` by the expected signer.
    /// - Parameters:
    ///   - expectedSigner: the DID the importer expects (from its allowlist or configuration); the `kid`'s DID
    ///     must be exactly this DID, checked before any key is resolved.
    /// - Returns: the key id that verified.
    /// - Throws: `manifest.wrong_signer`, `envelope.*`, `json.*`, `did.*`, `crypto.*`.
    public static func verify(
        _ signature: String, manifest: some Collection<UInt8>, expectedSigner: String, resolver: any KeyResolver,
        now: Int64, maxBytes: Int
    ) async throws(FederationError) -> String {
        let parsed = try parseExpecting(
            signature, manifestCount: manifest.count, expectedSigner: expectedSigner, maxBytes: maxBytes)
        let key = try await resolver.resolveKey(parsed.keyID, now: now)
        try parsed.verify(payload: manifest, key: key)
        return parsed.keyID
    }

    /// Verifies with a key the caller already holds (a pinned or configured key for `expectedSigner`).
    /// - Throws: `manifest.wrong_signer`, `envelope.*`, `json.*`, `crypto.*`.
    public static func verify(
        _ signature: String, manifest: some Collection<UInt8>, expectedSigner: String, key: Ed25519.PublicKey,
        maxBytes: Int
    ) throws(FederationError) -> String {
        let parsed = try parseExpecting(
            signature, manifestCount: manifest.count, expectedSigner: expectedSigner, maxBytes: maxBytes)
        try parsed.verify(payload: manifest, key: key)
        return parsed.keyID
    }

    private static func parseExpecting(
        _ signature: String, manifestCount: Int, expectedSigner: String, maxBytes: Int
    ) throws(FederationError) -> DetachedJWS.Parsed {
        let parsed = try DetachedJWS.parse(signature, payloadByteCount: manifestCount, maxPayloadBytes: maxBytes)
        let signer: String
        do { signer = try DIDURL(parsed.keyID).did } catch {
            throw FederationError(.manifestWrongSigner, "kid is not a DID URL")
        }
        guard signer.utf8.elementsEqual(expectedSigner.utf8) else {
            throw FederationError(.manifestWrongSigner, "signed by another DID than the expected kernel")
        }
        return parsed
    }
}
