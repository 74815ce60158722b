/// The Ed25519 verification methods of a DID document (W3C DID Core §5.2), as far as key resolution needs them.
///
/// Accepted key representations, each only with its own type:
/// - `Multikey` and `Ed25519VerificationKey2020` with `publicKeyMultibase` = `z` + base58btc(0xed01 ‖ key);
/// - `Ed25519VerificationKey2018` with `publicKeyBase58` (the raw 32 bytes);
/// - `JsonWebKey2020` / `JsonWebKey` with an OKP/Ed25519 `publicKeyJwk` (RFC 8037);
/// - `Ed25519VerificationKey2020` with `publicKeyBase64` (standard base64 of the raw key), which openintent 0.17
///   publishes.
/// A method that carries more than one key member is rejected; methods of other types are ignored unless asked for.
///
/// The verification relationships (DID Core §5.3) are read too, and a key is returned only for the relationships asked
/// for: by default ``signingRelationships``, so a key the document lists only for key agreement, or under no
/// relationship at all, verifies nothing.
public struct DIDDocument: Sendable {
    /// The verification relationships of DID Core §5.3.
    public enum VerificationRelationship: String, Sendable, CaseIterable {
        case authentication, assertionMethod, keyAgreement, capabilityInvocation, capabilityDelegation
    }

    /// The relationships ``publicKey(for:purpose:)`` accepts by default: a key the DID subject uses to authenticate
    /// or to make assertions (DID Core §5.3.1, §5.3.2), the two under which a signature by the subject is verified.
    public static let signingRelationships: Set<VerificationRelationship> = [.authentication, .assertionMethod]

    /// Documents larger than this are refused before parsing.
    public static let maxBytes = 64 * 1024
    /// At most this many verification methods are read (listed in `verificationMethod` and embedded in
    /// relationships together), and at most this many entries in each relationship.
    public static let maxVerificationMethods = 32

    /// The document's `id`.
    public let id: String
    /// Verification method ids (absolute DID URLs) with their keys, in document order.
    public let keys: [(id: String, key: Ed25519.PublicKey)]
    private let unsupported: Set<String>
    /// The relationships each method of this document is listed under, by absolute method id.
    private let relationships: [ExactText: Set<VerificationRelationship>]

    /// Parses a document that must describe `did`.
    /// - Throws: `json.*` for malformed JSON, `did.invalid_document`.
    public init(json bytes: some Collection<UInt8>, did: String) throws(FederationError) {
        let reader = JSONReader(limits: .init(maxBytes: Self.maxBytes, maxDepth: 16))
        try self.init(value: try reader.parse(bytes), did: did)
    }

    /// Reads an already-parsed document that must describe `did`.
    public init(value: JSONValue, did: String) throws(FederationError) {
        guard let object = value.objectValue else { throw Self.invalid("a DID document must be an object") }
        guard let id = object["id"]?.stringValue, UTF8Equality.equal(id, did) else {
            throw Self.invalid("document id does not equal the DID being resolved")
        }
        // Absent is no methods; present, it must be an array (anything else would silently read as none).
        guard let methods = object["verificationMethod"].map({ $0.arrayValue }) ?? [] else {
            throw Self.invalid("verificationMethod must be an array")
        }
        guard methods.count <= Self.maxVerificationMethods else {
            throw Self.invalid("more than \(Self.maxVerificationMethods) verification methods")
        }
        var keys: [(id: String, key: Ed25519.PublicKey)] = []
        var unsupported = Set<String>()
        var seen = Set<ExactText>()
        var methodCount = 0
        /// Reads one method (listed, or embedded in a relationship); returns its absolute id.
        func read(_ method: JSONValue) throws(FederationError) -> String {
            methodCount += 1
            guard methodCount <= Self.maxVerificationMethods else {
                throw Self.invalid("more than \(Self.maxVerificationMethods) verification methods")
            }
            guard let m = method.objectValue, let rawID = m["id"]?.stringValue, let rawType = m["type"]?.stringValue
            else {
                throw Self.invalid("verification method without id or type")
            }
            // The type by bytes: the `switch` below compares with `String ==`, which would take "Multi\u{212A}ey"
            // (KELVIN SIGN) for "Multikey"; so only a known type's own constant reaches it, and "" (no case) stands
            // for every other type.
            let type = Self.knownTypes.first { UTF8Equality.equal($0, rawType) } ?? ""
            let methodID = try Self.ownMethodID(rawID, did: did)
            guard seen.insert(ExactText(methodID)).inserted else {
                throw Self.invalid("duplicate verification method \(rawID)")
            }
            if let key = try Self.ed25519Key(m, type: type) {
                keys.append((methodID, key))
            } else {
                unsupported.insert(methodID)
            }
            return methodID
        }
        for method in methods { _ = try read(method) }
        var relationships: [ExactText: Set<VerificationRelationship>] = [:]
        var references: [(id: String, raw: String)] = []
        for relationship in VerificationRelationship.allCases {
            guard let value = object[relationship.rawValue] else { continue }
            guard let entries = value.arrayValue else {
                throw Self.invalid("\(relationship.rawValue) must be an array")
            }
            guard entries.count <= Self.maxVerificationMethods else {
                throw Self.invalid("more than \(Self.maxVerificationMethods) entries in \(relationship.rawValue)")
            }
            for entry in entries {
                let methodID: String
                if let reference = entry.stringValue {
                    // A reference to another DID's method authorizes nothing here (other documents are not fetched).
                    guard let id = try Self.referencedMethodID(reference, did: did) else { continue }
                    methodID = id
                    references.append((id, reference))
                } else if entry.objectValue != nil {
                    methodID = try read(entry)  // embedded: a method of this document used for this relationship only
                } else {
                    throw Self.invalid("a \(relationship.rawValue) entry is neither a reference nor a method")
                }
                relationships[ExactText(methodID), default: []].insert(relationship)
            }
        }
        for reference in references where !seen.contains(ExactText(reference.id)) {
            throw Self.invalid("\(reference.raw) names no verification method of the document")
        }
        self.id = id
        self.keys = keys
        self.unsupported = unsupported
        self.relationships = relationships
    }

    /// The absolute id of a method of this document: `#fragment` or a DID URL of `did` with a fragment.
    private static func ownMethodID(_ raw: String, did: String) throws(FederationError) -> String {
        let (methodID, url) = try methodURL(raw, did: did, what: "verification method id")
        guard url.did == did else { throw invalid("verification method \(raw) does not belong to \(did)") }
        return methodID
    }

    /// The absolute id a relationship's reference names, or `nil` for a method of another DID.
    private static func referencedMethodID(_ raw: String, did: String) throws(FederationError) -> String? {
        let (methodID, url) = try methodURL(raw, did: did, what: "relationship reference")
        return url.did == did ? methodID : nil
    }

    /// `raw` made absolute (`#fragment` is relative to `did`) and parsed: a DID URL with a fragment, as every
    /// verification method id and reference must be (`did.invalid_document` otherwise).
    private static func methodURL(_ raw: String, did: String, what: String) throws(FederationError)
        -> (id: String, url: DIDURL)
    {
        let methodID = raw.hasPrefix("#") ? did + raw : raw
        let url: DIDURL
        do { url = try DIDURL(methodID) } catch {
            throw invalid("\(what) \(raw) is not a DID URL (\(error.code))")
        }
        guard url.fragment != nil else { throw invalid("\(what) \(raw) has no fragment") }
        return (methodID, url)
    }

    /// The relationships the method `methodID` (an absolute DID URL) is listed under.
    public func relationships(of methodID: String) -> Set<VerificationRelationship> {
        relationships[ExactText(methodID)] ?? []
    }

    /// The key of a DID URL, if the document lists its method under one of `purpose`'s relationships: the method
    /// its fragment names, or, without a fragment, the only Ed25519 method listed for `purpose`.
    /// - Throws: `did.key_not_found`; `did.key_not_authorized` (the method is listed for none of `purpose`);
    ///   `did.invalid_document` (the method is of an unsupported type).
    public func publicKey(
        for didURL: DIDURL, purpose: Set<VerificationRelationship> = DIDDocument.signingRelationships
    ) throws(FederationError) -> Ed25519.PublicKey {
        guard didURL.did == id else { throw FederationError(.didKeyNotFound, "DID URL names another DID") }
        func authorized(_ methodID: String) -> Bool { !relationships(of: methodID).isDisjoint(with: purpose) }
        guard let fragment = didURL.fragment else {
            let candidates = keys.filter { authorized($0.id) }
            guard candidates.count == 1 else {
                throw FederationError(
                    .didKeyNotFound,
                    "no fragment, and the document lists \(candidates.count) Ed25519 keys for \(Self.names(purpose))")
            }
            return candidates[0].key
        }
        let wanted = "\(id)#\(fragment)"
        if let match = keys.first(where: { UTF8Equality.equal($0.id, wanted) }) {
            guard authorized(wanted) else {
                throw FederationError(.didKeyNotAuthorized, "#\(fragment) is not listed for \(Self.names(purpose))")
            }
            return match.key
        }
        if unsupported.contains(wanted) { throw Self.invalid("#\(fragment) is not an Ed25519 verification method") }
        throw FederationError(.didKeyNotFound, "no verification method #\(fragment)")
    }

    private static func names(_ purpose: Set<VerificationRelationship>) -> String {
        purpose.isEmpty ? "no relationship" : purpose.map(\.rawValue).sorted().joined(separator: " or ")
    }

    /// The verification-method types read for Ed25519 keys.
    static let knownTypes = [
        "Multikey", "Ed25519VerificationKey2020", "Ed25519VerificationKey2018", "JsonWebKey2020", "JsonWebKey",
    ]

    private static func ed25519Key(_ m: JSONObject, type: String) throws(FederationError) -> Ed25519.PublicKey? {
        let members = ["publicKeyMultibase", "publicKeyBase58", "publicKeyJwk", "publicKeyBase64"].filter {
            m[$0] != nil
        }
        guard members.count <= 1 else { throw invalid("verification method with several key members") }
        let raw: [UInt8]
        do throws(FederationError) {
            switch (type, members.first) {
            case ("Multikey", "publicKeyMultibase"), ("Ed25519VerificationKey2020", "publicKeyMultibase"):
                let split = try Multicodec.split(
                    try Multibase.decode(try string(m, "publicKeyMultibase"), expecting: .base58btc))
                guard split.codec == .ed25519Pub else {
                    if type == "Multikey" { return nil }  // another curve: not ours
                    throw invalid("Ed25519VerificationKey2020 key is not ed25519-pub")
                }
                raw = split.payload
            case ("Ed25519VerificationKey2018", "publicKeyBase58"):
                raw = try Base58BTC.decode(try string(m, "publicKeyBase58"))
            case ("Ed25519VerificationKey2020", "publicKeyBase64"):
                raw = try Base64.decode(try string(m, "publicKeyBase64"))
            case ("JsonWebKey2020", "publicKeyJwk"), ("JsonWebKey", "publicKeyJwk"):
                guard let jwk = m["publicKeyJwk"], Ed25519JWK.exactly(jwk["crv"], "Ed25519") else { return nil }
                return try Ed25519.PublicKey(jwk: jwk)
            case ("Multikey", _), ("Ed25519VerificationKey2020", _), ("Ed25519VerificationKey2018", _),
                ("JsonWebKey2020", _), ("JsonWebKey", _):
                throw invalid("\(type) without its key member")
            default:
                return nil
            }
        } catch  where error.code == .didInvalidDocument {
            throw error
        } catch {
            throw invalid("\(type) key does not decode (\(error.code))")
        }
        do {
            return try Ed25519.PublicKey(rawRepresentation: raw)
        } catch {
            throw invalid("\(type) key rejected (\(error.code))")
        }
    }

    private static func string(_ m: JSONObject, _ name: String) throws(FederationError) -> String {
        guard let s = m[name]?.stringValue else { throw invalid("\(name) must be a string") }
        return s
    }

    static func invalid(_ reason: String) -> FederationError {
        FederationError(.didInvalidDocument, reason)
    }
}
