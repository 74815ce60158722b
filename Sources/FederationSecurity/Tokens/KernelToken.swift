/// The native kernel-scoped capability token (`Spec/kernel-tokens.md`).
///
/// Wire form: `v1.<kid>.<B64URL(kernel id)>.<B64URL(claims JSON)>.<B64URL(tag)>`, where the tag is HMAC-SHA256 of
/// every byte before the last `.` under the per-kernel key of ``KernelKeyRing``. Claims are RFC 8785 JSON when
/// minted; verification reads the bytes as received.
public enum KernelToken {
    /// The longest token accepted, checked first.
    public static let maxLength = 8 * 1024
    /// The longest kernel id, in bytes of UTF-8.
    public static let maxKernelIDBytes = 256

    /// Mints a token for `kernel` with master key `kid`.
    /// - Throws: `token.unknown_key_id`, `token.malformed` (bad kernel id), `token.unknown_constraint`.
    public static func mint(
        _ claims: KernelTokenClaims, kernel: String, kid: String, keys: KernelKeyRing
    ) throws(FederationError) -> String {
        guard (1...maxKernelIDBytes).contains(kernel.utf8.count) else {
            throw FederationError(.tokenMalformed, "kernel id must be 1-\(maxKernelIDBytes) bytes")
        }
        try TokenConstraints.validate(claims.constraints)
        return try mint(claimsJSON: try CanonicalJSON.encode(claims.json), kernel: kernel, kid: kid, keys: keys)
    }

    /// Mints a token over claims bytes exactly as given, without reading them: for differential tests and fuzzing,
    /// which need authentic tokens whose claims are anything at all.
    /// - Throws: `token.unknown_key_id`.
    @_spi(Differential)
    public static func mint(
        claimsJSON: some Collection<UInt8>, kernel: String, kid: String, keys: KernelKeyRing
    ) throws(FederationError) -> String {
        guard let key = try keys.key(kid: kid, kernel: kernel) else {
            throw FederationError(.tokenUnknownKeyID, "no key \(kid)")
        }
        let signed = "v1.\(kid).\(Base64URL.encode(Array(kernel.utf8))).\(Base64URL.encode(claimsJSON))"
        return signed + "." + Base64URL.encode(key.authenticationCode(for: Array(signed.utf8)))
    }

    /// What a verifier checks a token against.
    public struct Expectation: Sendable {
        public var kernel: String
        public var principal: String
        public var capability: String
        /// The request the constraints are evaluated against; `nil` validates the constraints only.
        public var request: JSONObject?
        public var now: Int64
        /// Seconds of clock skew allowed on `exp`, `nbf` and `iat`.
        public var leeway: Int64

        public init(
            kernel: String, principal: String, capability: String, request: JSONObject? = nil, now: Int64,
            leeway: Int64 = 60
        ) {
            self.kernel = kernel
            self.principal = principal
            self.capability = capability
            self.request = request
            self.now = now
            self.leeway = leeway
        }
    }
}
