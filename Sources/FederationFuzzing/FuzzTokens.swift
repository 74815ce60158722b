@_spi(Differential) import FederationSecurity

/// Fuzz body for ``KernelToken``: the input is XORed into a valid native token.
///
/// Invariants: nothing crashes; a token that differs from the minted one in any byte never verifies, and whatever
/// the change, the error is one of the pre-claims codes (a forged token cannot reach a claim check).
public func fuzzKernelToken(_ data: [UInt8]) {
    let fixture = TokenFixture.shared
    var bytes = Array(fixture.native.utf8)
    for (i, byte) in data.prefix(bytes.count).enumerated() { bytes[i] ^= byte }
    guard let text = String(validating: bytes, as: UTF8.self) else { return }
    let expectation = KernelToken.Expectation(kernel: "kernel-a", principal: "p", capability: "c", now: 150)
    do {
        _ = try KernelToken.verify(text, expecting: expectation, keys: fixture.keys)
        precondition(text == fixture.native, "a changed native token verified")
    } catch {
        let preClaims: Set<ErrorCode> = [.tokenBadMAC, .tokenMalformed, .tokenUnknownKeyID, .tokenTooLarge]
        precondition(text != fixture.native, "the untouched native token failed: \(error.code)")
        precondition(preClaims.contains(error.code), "a changed token reached a claim check: \(error.code)")
    }
    // The claims readers, on the input itself as claims and on the input XORed into valid claims.
    var claims = fixture.nativeClaims
    for (i, byte) in data.prefix(claims.count).enumerated() { claims[i] ^= byte }
    fuzzKernelClaimsReaders(data)
    fuzzKernelClaimsReaders(claims)
}

/// Differential invariant: the common-shape claims reader answers only where the generic one accepts, with the same
/// claims, and a token carrying `claims` — authentic, so it reaches the claims step — gets the same verdict, code
/// and claims from ``KernelToken/verify(_:expecting:keys:revocations:claimsReader:)`` with either reader.
func fuzzKernelClaimsReaders(_ claims: [UInt8]) {
    let fixture = TokenFixture.shared
    let generic = Result { () throws(FederationError) in
        try claims.withUnsafeBufferPointer { buffer throws(FederationError) in
            try KernelTokenClaims(json: buffer, reader: .generic)
        }
    }
    if let fast = KernelTokenClaims.readCommonShape(claims) {
        precondition((try? generic.get()) == fast, "the common-shape reader answered where the generic one did not")
    }
    guard let token = try? KernelToken.mint(claimsJSON: claims, kernel: "kernel-a", kid: "k1", keys: fixture.keys)
    else { return }
    let expectation = KernelToken.Expectation(kernel: "kernel-a", principal: "p", capability: "c", now: 150)
    // `FederationError` equality is equality of codes.
    func verdict(_ reader: KernelTokenClaims.Reader) -> Result<KernelTokenClaims, FederationError> {
        Result { () throws(FederationError) in
            try KernelToken.verify(
                token, expecting: expectation, keys: fixture.keys, revocations: nil, claimsReader: reader)
        }
    }
    precondition(verdict(.commonShapeFirst) == verdict(.generic), "the claims readers give different verdicts")
}

/// Fuzz body for ``WeaverToken``: any input as token JSON, and byte mutations of a valid token.
///
/// Invariants: decoding never crashes; a mutated token verifies only if its MACed bytes are unchanged.
public func fuzzWeaverToken(_ data: [UInt8]) {
    _ = try? WeaverToken(json: data)
    let fixture = TokenFixture.shared
    var bytes = Array(fixture.weaver.utf8)
    for (i, byte) in data.prefix(bytes.count).enumerated() { bytes[i] ^= byte }
    guard let token = try? WeaverToken(json: bytes) else { return }
    let verified =
        (try? token.verify(
            secret: fixture.weaverSecret, expectedPrincipal: token.principalID,
            expectedCapability: token.capabilityID, now: 0)) != nil
    let same = token.signableBytes == fixture.weaverSignable && token.signature == fixture.weaverSignature
    precondition(verified == same, same ? "the untouched weaver token failed" : "a changed weaver token verified")
}

enum TokenFixture {
    struct Values: Sendable {
        let keys: KernelKeyRing
        let native: String
        /// The claims JSON inside ``native``.
        let nativeClaims: [UInt8]
        let weaver: String
        let weaverSecret: SecretBytes
        let weaverSignable: [UInt8]
        let weaverSignature: String?
    }

    static let shared: Values = {
        let keys = try! KernelKeyRing(["k1": SecretBytes([UInt8](repeating: 1, count: 32))])
        let claims = KernelTokenClaims(
            tokenID: "t", principal: "p", capability: "c",
            constraints: try! JSONObject(["max_rows": .number(.integer(5))]),
            issuedAt: 100, expiresAt: 200)
        let native = try! KernelToken.mint(claims, kernel: "kernel-a", kid: "k1", keys: keys)
        let nativeClaims = try! Base64URL.decode(native.split(separator: ".")[3])
        let secret = SecretBytes(Array("fuzz-secret".utf8))
        let unsigned =
            #"{"token_id":"t1","capability_id":"c","principal_id":"p","issued_at":"2026-01-01T00:00:00+00:00","expires_at":"2026-01-01T01:00:00+00:00","constraints":{"max_rows":5},"audit_id":""}"#
        let draft = try! WeaverToken(json: Array(unsigned.utf8), requireSignature: false)
        let signature = draft.mint(secret: secret)
        let weaver = String(unsigned.dropLast()) + #","signature":"\#(signature)"}"#
        let token = try! WeaverToken(json: Array(weaver.utf8))
        return Values(
            keys: keys, native: native, nativeClaims: nativeClaims, weaver: weaver, weaverSecret: secret,
            weaverSignable: token.signableBytes, weaverSignature: token.signature)
    }()
}
