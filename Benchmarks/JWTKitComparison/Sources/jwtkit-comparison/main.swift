import FederationSecurity
import Foundation
import JWTKit

/// The same facts as the native token: subject, capability, kernel (audience), token id, issued-at, expiry.
struct CapabilityPayload: JWTPayload {
    var sub: SubjectClaim
    var aud: AudienceClaim
    var jti: IDClaim
    var iat: IssuedAtClaim
    var exp: ExpirationClaim
    var cap: String
    var cns: [String: Int]

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired(currentDate: Date(timeIntervalSince1970: 1_800_000_100))
        try aud.verifyIntendedAudience(includes: "kernel-a")
    }
}

/// The facts of a UCAN 0.10 root token: issuer, audience, expiry, version, capabilities.
struct UCANLikePayload: JWTPayload {
    var iss: IssuerClaim
    var aud: AudienceClaim
    var exp: ExpirationClaim
    var ucv: String
    var cap: [String: [String: [[String: String]]]]

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired(currentDate: Date(timeIntervalSince1970: 100))
    }
}

func opsPerSecond(seconds: Double = 1.0, _ body: () async throws -> Void) async rethrows -> Double {
    let clock = ContinuousClock()
    var count = 0
    let start = clock.now
    let budget = Duration.milliseconds(Int(seconds * 1000))
    while clock.now - start < budget {
        for _ in 0..<100 { try await body() }
        count += 100
    }
    let elapsed = clock.now - start
    return Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

// Everything runs inside a nonisolated function: top-level variables of main.swift are @MainActor in Swift 6, and
// closures touching them would hop to the main actor on every call, timing executor switches instead of verifies.
nonisolated func compare() async throws {
    let master = [UInt8](repeating: 7, count: 32)
    let ring = try KernelKeyRing(["k1": SecretBytes(master)])
    let claims = KernelTokenClaims(
        tokenID: "0960e964962f0d279337bc52451051df", principal: "agent-7", capability: "db.query",
        constraints: try JSONObject(["max_rows": .number(.integer(10))]), issuedAt: 1_800_000_000, expiresAt: 1_800_003_600)
    let native = try KernelToken.mint(claims, kernel: "kernel-a", kid: "k1", keys: ring)
    let expectation = KernelToken.Expectation(kernel: "kernel-a", principal: "agent-7", capability: "db.query", now: 1_800_000_100)

    let keys = JWTKeyCollection()
    await keys.add(hmac: HMACKey(from: master), digestAlgorithm: .sha256)
    let payload = CapabilityPayload(
        sub: "agent-7", aud: "kernel-a", jti: "0960e964962f0d279337bc52451051df",
        iat: .init(value: Date(timeIntervalSince1970: 1_800_000_000)), exp: .init(value: Date(timeIntervalSince1970: 1_800_003_600)),
        cap: "db.query", cns: ["max_rows": 10])
    let jwt = try await keys.sign(payload)

    var results: [(String, Double)] = []
    for _ in 0..<3 {
        let ours = try await opsPerSecond { _ = try KernelToken.verify(native, expecting: expectation, keys: ring) }
        let theirs = try await opsPerSecond { _ = try await keys.verify(jwt, as: CapabilityPayload.self) }
        results.append(("round", ours / theirs))
        print(String(format: "native kernel token verify: %.0f ops/s (%.2f us, %d B) | jwt-kit HS256 verify: %.0f ops/s (%.2f us, %d B) | native / jwt-kit: %.2fx",
                     ours, 1e6 / ours, native.utf8.count, theirs, 1e6 / theirs, jwt.utf8.count, ours / theirs))
    }
}

/// UCAN 0.10 verification (this library: strict decode, did:key issuer through a warm key cache, libsodium Ed25519
/// under the project's policy, time checks) beside jwt-kit EdDSA JWT verification (Codable decode, swift-crypto
/// Ed25519, expiry) of a payload with the same claims and the same key.
nonisolated func compareEdDSA() async throws {
    let seed = [UInt8](repeating: 9, count: 32)
    let key = try Ed25519.PrivateKey(seed: SecretBytes(seed))
    let audience = DIDKey(publicKey: try Ed25519.PrivateKey(seed: SecretBytes([UInt8](repeating: 8, count: 32))).publicKey).did
    let caps = UCANCapabilities([UCANCapability(resource: "mailto:alice@example.com", ability: "msg/send", caveats: [JSONObject()])])
    let ucan = try UCANBuilder.build(.init(audience: audience, expiration: 2_000, capabilities: caps), key: key).encoded
    let verifier = UCANVerifier(resolver: CachingKeyResolver(DIDKeyResolver()))
    let options = UCANVerifier.Options(now: 100)

    let keys = JWTKeyCollection()
    await keys.add(eddsa: try EdDSA.PrivateKey(d: Base64URL.encode(seed), curve: .ed25519))
    let payload = UCANLikePayload(
        iss: .init(value: DIDKey(publicKey: key.publicKey).did), aud: .init(value: [audience]),
        exp: .init(value: Date(timeIntervalSince1970: 2_000)), ucv: "0.10.0",
        cap: ["mailto:alice@example.com": ["msg/send": [[:]]]])
    let jwt = try await keys.sign(payload)
    _ = try await verifier.verify(ucan, options: options)
    _ = try await keys.verify(jwt, as: UCANLikePayload.self)
    for _ in 0..<3 {
        let ours = try await opsPerSecond { _ = try await verifier.verify(ucan, options: options) }
        let theirs = try await opsPerSecond { _ = try await keys.verify(jwt, as: UCANLikePayload.self) }
        print(String(format: "UCAN 0.10 verify: %.0f ops/s (%.2f us, %d B) | jwt-kit EdDSA verify: %.0f ops/s (%.2f us, %d B) | ours / jwt-kit: %.2fx",
                     ours, 1e6 / ours, ucan.utf8.count, theirs, 1e6 / theirs, jwt.utf8.count, ours / theirs))
    }
}

try await compare()
try await compareEdDSA()
