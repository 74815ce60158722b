import FederationSecurity

/// Native kernel-token verification beside a raw keyed HMAC-SHA256 (reused `EVP_MAC` context) of the same signed
/// bytes with the same derived key: the whole verify (parse, key lookup, MAC, claims, checks) against the MAC alone.
enum TokenBenchmarks {
    static func all() -> [Comparison] {
        let master = [UInt8](repeating: 7, count: 32)
        let keys = try! KernelKeyRing(["k1": SecretBytes(master)])
        let claims = KernelTokenClaims(
            tokenID: "0960e964962f0d279337bc52451051df", principal: "agent-7", capability: "db.query",
            constraints: try! JSONObject(["max_rows": .number(.integer(10))]), issuedAt: 1_800_000_000,
            expiresAt: 1_800_003_600)
        let token = try! KernelToken.mint(claims, kernel: "kernel-a", kid: "k1", keys: keys)
        let expectation = KernelToken.Expectation(
            kernel: "kernel-a", principal: "agent-7", capability: "db.query", now: 1_800_000_100)
        let signed = Array(token.utf8.prefix(token.utf8.count - 44))
        let derived = try! HKDFSHA256.deriveKey(
            inputKeyMaterial: SecretBytes(master), salt: Array("fedsec/kernel-token/v1".utf8),
            info: Array("kernel:kernel-a".utf8), outputByteCount: 32)
        let raw = EVPMACBox(key: derived.withUnsafeBytes { Array($0) })
        return [
            Comparison(
                "token.native.verify (\(token.utf8.count) B)", baseline: "EVP_MAC reused context, same bytes",
                library: { consume((try? KernelToken.verify(token, expecting: expectation, keys: keys)) != nil) },
                baseline: { consume(raw.mac(signed)) })
        ]
    }
}
