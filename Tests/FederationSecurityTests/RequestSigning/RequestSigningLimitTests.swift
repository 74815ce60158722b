import FederationSecurity
import Testing

/// Each limit of `Spec/limits.md` for request signing, at the limit and one past it.
@Suite struct RequestSigningLimitTests {
    func message(signatureInput: String, signature: String = "s=:AAAA:") throws -> SignableMessage {
        try SignableMessage(
            method: "GET", targetURI: "https://example.com/",
            fields: [.init(name: "Signature-Input", value: signatureInput), .init(name: "Signature", value: signature)])
    }

    func code(_ body: () throws -> Void) -> ErrorCode? {
        do {
            try body()
            return nil
        } catch {
            return (error as? FederationError)?.code
        }
    }

    @Test func signatureInputLength() throws {
        let head = "s=();created=1;keyid=\"k\";tag=\""
        let fits = head + String(repeating: "x", count: 8192 - head.utf8.count - 1) + "\""
        #expect(fits.utf8.count == SignatureFields.maxFieldLength)
        // At the limit the field is read (the 8,150-byte tag then fails the parameter length limit instead).
        #expect(code { _ = try SignatureFields(message: try message(signatureInput: fits)) } == .requestMalformedHeader)
        #expect(code { _ = try SignatureFields(message: try message(signatureInput: fits + " ")) } == .requestTooLarge)
    }

    @Test func labelCount() throws {
        let inputs = (0..<8).map { "l\($0)=();created=1;keyid=\"k\"" }
        let signatures = (0..<8).map { "l\($0)=:AAAA:" }
        let eight = try message(
            signatureInput: inputs.joined(separator: ", "), signature: signatures.joined(separator: ", "))
        #expect(try SignatureFields(message: eight).entries.count == 8)
        let nine = try message(
            signatureInput: (inputs + ["l8=();created=1"]).joined(separator: ", "),
            signature: (signatures + ["l8=:AAAA:"]).joined(separator: ", "))
        #expect(code { _ = try SignatureFields(message: nine) } == .requestTooLarge)
    }

    @Test func componentCount() throws {
        func list(_ n: Int) -> String { "(" + (0..<n).map { "\"h\($0)\"" }.joined(separator: " ") + ")" }
        #expect(try SignatureParameters(parsing: list(32)).components.count == 32)
        #expect(code { _ = try SignatureParameters(parsing: list(33)) } == .requestMalformedHeader)
    }

    @Test func parameterLength() throws {
        let ok = String(repeating: "n", count: 256)
        #expect(try SignatureParameters(parsing: "();nonce=\"\(ok)\"").nonce == ok)
        #expect(code { _ = try SignatureParameters(parsing: "();nonce=\"\(ok)n\"") } == .requestMalformedHeader)
    }

    @Test func targetURILength() throws {
        let head = "https://example.com/"
        let fits = head + String(repeating: "a", count: TargetURI.maxLength - head.utf8.count)
        #expect(try TargetURI(fits).path.utf8.count == TargetURI.maxLength - 19)
        #expect(code { _ = try TargetURI(fits + "a") } == .requestInvalidComponent)
    }

    @Test func contentDigestLength() throws {
        let digest = ContentDigest.field(for: [], algorithm: .sha256)
        let padded = digest + ", x=\"" + String(repeating: "1", count: 4096 - digest.utf8.count - 6) + "\""
        #expect(padded.utf8.count == ContentDigest.maxFieldLength)
        try ContentDigest.verify(padded, body: [])
        #expect(code { try ContentDigest.verify(padded + " ", body: []) } == .requestTooLarge)
    }

    @Test func agentVaultHeaderLength() async throws {
        let key = try HMACSHA256.Key(SecretBytes([1]))
        let store = InMemoryReplayStore(capacity: 16)
        // At the limit: the longest Int64 timestamp (19 digits) is read, its MAC verifies, the window then refuses it.
        let timestamp = Int64.max
        let atLimit = AgentVaultSignature.sign(method: "GET", path: "/", body: [], timestamp: timestamp, key: key)
        #expect(atLimit.utf8.count == AgentVaultSignature.maxHeaderLength)
        await #expect(throws: FederationError(.requestFuture)) {
            try await AgentVaultSignature.verify(
                atLimit, method: "GET", path: "/", body: [], key: key, replayStore: store, now: 0)
        }
        // One byte more (a 65th hex digit) is refused before parsing; so is a much longer value.
        for tooLong in [atLimit + "a", atLimit + String(repeating: "a", count: 1 << 20)] {
            #expect(tooLong.utf8.count > AgentVaultSignature.maxHeaderLength)
            await #expect(throws: FederationError(.requestMalformedHeader)) {
                try await AgentVaultSignature.verify(
                    tooLong, method: "GET", path: "/", body: [], key: key, replayStore: store, now: 0)
            }
        }
    }
}

extension RequestSigningLimitTests {
    @Test func hmacSecretLength() throws {
        _ = try RequestSigningKey.hmacSHA256(keyID: "k", secret: SecretBytes([UInt8](repeating: 1, count: 1024)))
        #expect(
            code {
                _ = try RequestSigningKey.hmacSHA256(
                    keyID: "k", secret: SecretBytes([UInt8](repeating: 1, count: 1025)))
            } == .cryptoInvalidLength)
        #expect(
            code { _ = try RequestSigningKey.hmacSHA256(keyID: "k", secret: SecretBytes([])) } == .cryptoInvalidLength)
    }
}
