import Synchronization

/// A decoded UCAN 0.10 token (ucan-wg spec v0.10.0 §3): a JWT whose header is `{"alg","typ":"JWT"}` and whose payload
/// carries `ucv`, `iss`, `aud`, `nbf`, `exp`, `nnc`, `fct`, `cap` and `prf`.
///
/// Decoding checks form only; ``UCANVerifier`` checks signatures, time and delegation. The token keeps the text it
/// was decoded from: signatures are verified over those bytes, never over a re-encoding.
public struct UCANToken: Sendable, Hashable {
    /// The decoded fields, in one immutable object: a token is copied many times while a chain is checked (graph
    /// nodes, the signature cache, the result), and copying one reference costs one retain where copying the fields
    /// cost one per string, array and object.
    private let storage: Storage

    final class Storage: Sendable {
        let encoded: String
        let header: JSONObject
        /// The payload object: stored by the strict decode, which builds it anyway; for a token read in its common
        /// shape, which builds none (verification never reads it), built from `encoded` on first access, once.
        private let payloadObject = AtomicLazyReference<PayloadObject>()
        /// The canonical CID of `encoded`, computed on first access, once: a proof kept decoded by its store is
        /// hashed once, not at every verification through it (`encoded` never changes, so neither does its CID).
        private let canonicalCID = AtomicLazyReference<CIDBox>()
        /// The limits the token was decoded under (the payload is read again under the same; a verifier takes a
        /// token decoded elsewhere only when they are its own: ``UCANProofStore/decodedToken(for:limits:)``).
        let limits: UCANLimits
        let version: String
        let issuer: DIDURL
        let audience: DIDURL
        let notBefore: Int64?
        let expiration: Int64?
        let nonce: String?
        let facts: JSONObject?
        let capabilities: UCANCapabilities
        let proofs: [CID]
        let signature: [UInt8]
        let signingInputLength: Int

        /// - Parameter payload: the payload object, or `nil` when `encoded` is known to hold one that the strict
        ///   decode accepts under `limits` (then built on first access).
        init(
            encoded: String, header: JSONObject, payload: JSONObject?, limits: UCANLimits,
            version: String, issuer: DIDURL, audience: DIDURL, notBefore: Int64?, expiration: Int64?,
            nonce: String?, facts: JSONObject?, capabilities: UCANCapabilities, proofs: [CID], signature: [UInt8],
            signingInputLength: Int
        ) {
            self.encoded = encoded
            self.header = header
            if let payload { _ = payloadObject.storeIfNil(PayloadObject(payload)) }
            self.limits = limits
            self.version = version
            self.issuer = issuer
            self.audience = audience
            self.notBefore = notBefore
            self.expiration = expiration
            self.nonce = nonce
            self.facts = facts
            self.capabilities = capabilities
            self.proofs = proofs
            self.signature = signature
            self.signingInputLength = signingInputLength
        }

        /// The canonical CID of `encoded`, hashed on first access.
        var cid: CID {
            if let stored = canonicalCID.load() { return stored.cid }
            return canonicalCID.storeIfNil(CIDBox(CID.rawSHA256(of: encoded.utf8))).cid
        }

        /// The payload object, read from `encoded` on first access when the decode did not store it.
        var payload: JSONObject {
            if let stored = payloadObject.load() { return stored.object }
            return payloadObject.storeIfNil(
                PayloadObject(UCANToken.payloadObject(of: encoded, limits: UCANToken.readerLimits(limits)))
            )
            .object
        }
    }

    /// A CID behind a reference, as ``Storage`` keeps it.
    final class CIDBox: Sendable {
        let cid: CID

        init(_ cid: CID) {
            self.cid = cid
        }
    }

    /// A payload object behind a reference, as ``Storage`` keeps it.
    final class PayloadObject: Sendable {
        let object: JSONObject

        init(_ object: JSONObject) {
            self.object = object
        }
    }

    init(storage: Storage) {
        self.storage = storage
    }

    /// The token text as received.
    public var encoded: String { storage.encoded }
    /// The header object.
    public var header: JSONObject { storage.header }
    /// The payload object (for a token read in its common shape, built from ``encoded`` on first access, once).
    public var payload: JSONObject { storage.payload }
    /// `ucv`, a semantic version 0.10.x.
    public var version: String { storage.version }
    /// `iss`, a DID (a fragment names the signing key).
    public var issuer: DIDURL { storage.issuer }
    /// `aud`, a DID.
    public var audience: DIDURL { storage.audience }
    /// `nbf`; `nil` when absent (valid from the epoch, §3.2.3).
    public var notBefore: Int64? { storage.notBefore }
    /// `exp`; `nil` when `null` (never expires, §3.2.3).
    public var expiration: Int64? { storage.expiration }
    /// `nnc`.
    public var nonce: String? { storage.nonce }
    /// `fct`.
    public var facts: JSONObject? { storage.facts }
    /// `cap`.
    public var capabilities: UCANCapabilities { storage.capabilities }
    /// `prf`: canonical CIDs of the proofs.
    public var proofs: [CID] { storage.proofs }
    /// The 64-byte Ed25519 signature.
    public var signature: [UInt8] { storage.signature }
    /// The limits the token was decoded under.
    var decodedUnder: UCANLimits { storage.limits }
    /// Bytes of `encoded` before the second `.`: the JWS signing input (RFC 7515 §5.1).
    var signingInputLength: Int { storage.signingInputLength }

    /// Field by field, as a memberwise comparison would.
    public static func == (lhs: UCANToken, rhs: UCANToken) -> Bool {
        let (a, b) = (lhs.storage, rhs.storage)
        return a === b
            || (a.encoded == b.encoded && a.header == b.header && a.payload == b.payload && a.version == b.version
                && a.issuer == b.issuer && a.audience == b.audience && a.notBefore == b.notBefore
                && a.expiration == b.expiration && a.nonce == b.nonce && a.facts == b.facts
                && a.capabilities == b.capabilities && a.proofs == b.proofs && a.signature == b.signature
                && a.signingInputLength == b.signingInputLength)
    }

    /// The text only: equal tokens have equal text.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.encoded)
    }

    /// The JWS signing input, `BASE64URL(header) "." BASE64URL(payload)`, as received.
    public var signingInput: Substring.UTF8View {
        encoded.utf8.prefix(signingInputLength)
    }

    /// The canonical CID of the token (UCAN 0.10 §6.5.1): SHA-256 of ``encoded``, computed once per decoded token.
    public var cid: CID { storage.cid }

    /// The encoded signature part (base64url).
    public var encodedSignature: String {
        String(Substring(encoded.utf8.dropFirst(signingInputLength + 1)))
    }

    /// Lower bound of the time bounds: `nbf`, or the epoch.
    var validFrom: Int64 { notBefore ?? 0 }
}
