/// A weaver-kernel 0.12 capability token (`HMACTokenProvider`), byte-compatible with weaver-kernel.
///
/// Wire form: a JSON object with exactly `token_id`, `capability_id`, `principal_id`, `issued_at`, `expires_at`
/// (Python `isoformat()`), `constraints` (object), `audit_id` and `signature` (lowercase hex HMAC-SHA256). The MAC
/// input is CPython's `json.dumps(fields without signature, sort_keys=True, separators=(",", ":"))`.
///
/// - Warning: nothing in the token names the kernel it is for: any kernel holding the same secret accepts it. Use
///   the native kernel token where that matters (`Spec/kernel-tokens.md`).
public struct WeaverToken: Sendable {
    /// Members of the token other than the signature, in the order weaver-kernel's `to_dict` writes them.
    static let fieldNames = [
        "token_id", "capability_id", "principal_id", "issued_at", "expires_at", "constraints", "audit_id",
    ]

    public let tokenID: String
    public let capabilityID: String
    public let principalID: String
    public let constraints: JSONObject
    public let auditID: String
    let issuedAt: PythonISOTimestamp
    let expiresAt: PythonISOTimestamp
    /// The received fields, for the MAC input.
    let fields: JSONObject
    /// The lowercase-hex signature as received; `nil` for an unsigned token being minted.
    public let signature: String?

    /// Decodes a token strictly. A token without `signature` decodes only when `requireSignature` is false (minting).
    /// - Throws: `token.malformed` (and `json.*` for text that is not JSON).
    public init(json bytes: some Collection<UInt8>, requireSignature: Bool = true) throws(FederationError) {
        let value = try JSONReader(limits: .init(maxBytes: 64 * 1024, maxDepth: 16)).parse(bytes)
        guard let object = value.objectValue else { throw Self.malformed("a weaver token is a JSON object") }
        let allowed = Set(Self.fieldNames + ["signature"])
        guard object.keys.allSatisfy({ allowed.contains($0) }) else {
            throw Self.malformed("unknown member (weaver-kernel would ignore it, unMACed)")
        }
        func string(_ key: String) throws(FederationError) -> String {
            guard let s = object[key]?.stringValue else { throw Self.malformed("\(key) must be a string") }
            return s
        }
        tokenID = try string("token_id")
        capabilityID = try string("capability_id")
        principalID = try string("principal_id")
        auditID = try string("audit_id")
        guard let constraints = object["constraints"]?.objectValue else {
            throw Self.malformed("constraints must be an object")
        }
        self.constraints = constraints
        guard let issued = PythonISOTimestamp(try string("issued_at")),
            let expires = PythonISOTimestamp(try string("expires_at"))
        else { throw Self.malformed("timestamps must be in Python isoformat() form with an offset") }
        issuedAt = issued
        expiresAt = expires
        if let signature = object["signature"] {
            guard let hex = signature.stringValue, hex.utf8.count == 64,
                hex.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
            else { throw Self.malformed("signature must be 64 lowercase hex digits") }
            self.signature = hex
        } else {
            guard !requireSignature else { throw Self.malformed("signature is missing") }
            signature = nil
        }
        var fields = object
        fields.remove("signature")
        self.fields = fields
    }

    /// The exact bytes weaver-kernel MACs.
    public var signableBytes: [UInt8] {
        // Every value came from the strict reader, so the writer cannot meet a non-finite number.
        (try? PythonJSONWriter(options: .compactSorted).encode(.object(fields))) ?? []
    }

    /// The lowercase-hex signature weaver-kernel would attach, under `secret` (its secret string's UTF-8 bytes).
    public func mint(secret: SecretBytes) -> String {
        Hex.encode(HMACSHA256.authenticationCode(for: signableBytes, using: secret))
    }

    static func malformed(_ reason: String) -> FederationError {
        FederationError(.tokenMalformed, reason)
    }
}
