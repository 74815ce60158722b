import FederationCrypto
import FederationSecurity
import Foundation
import Testing

/// `fedsec envelope sign` and `fedsec envelope verify`, run as the built binary.
@Suite struct EnvelopeCommandTests {
    static let file = "identity/envelope-jws.json"

    @Test func signGivesTheVectorsJWSAndItVerifies() throws {
        let folder = try TemporaryFolder()
        let seed = try Hex.decode(CLIVectors.input(Self.file, "sign-text", "seed"))
        let payload = try Hex.decode(CLIVectors.input(Self.file, "sign-text", "payload"))
        let key = folder.file("seed", seed).path
        let payloadFile = folder.file("payload", payload).path
        let signed = try FedSecProcess.run(["envelope", "sign", "--key", key, "--payload", payloadFile])
        #expect(signed.status == 0, "\(signed.stderr)")
        // joserfc's JWS for this seed and payload (the vector's expected value).
        let expected = try CLIVectors.find(Self.file, "sign-text").output?["jws"]?.stringValue
        #expect(signed.lines == [expected ?? "?"])
        #expect(!signed.reveals(seed))

        let jws = signed.lines.first ?? ""
        let verified = try FedSecProcess.run(["envelope", "verify", "--jws", jws, "--payload", payloadFile])
        let keyID = try CLIVectors.input(Self.file, "sign-text", "key_id")
        #expect(verified.status == 0 && verified.lines == ["valid \(keyID)"], "\(verified.allOutput)")
    }

    @Test func aGeneratedKeysEnvelopeVerifiesInTheLibraryAndTamperingIsCaught() async throws {
        let folder = try TemporaryFolder()
        let keyFile = folder.path("key.pem")
        let generated = try FedSecProcess.run(["key", "generate", "--out", keyFile])
        #expect(generated.status == 0)
        let payload = Array(#"{"amount":10,"to":"bob"}"#.utf8)
        let payloadFile = folder.file("payload", payload).path
        let signed = try FedSecProcess.run(["envelope", "sign", "--key", keyFile, "--payload", payloadFile])
        let jws = signed.stdout.trimmingCharacters(in: .newlines)
        let verified = try await DetachedJWS.verify(jws, payload: payload, resolver: DIDKeyResolver(), now: 0)
        #expect(verified.keyID.hasPrefix(generated.stdout.trimmingCharacters(in: .newlines) + "#"))

        let tampered = folder.file("tampered", Array(#"{"amount":99,"to":"bob"}"#.utf8)).path
        let bad = try FedSecProcess.run(["envelope", "verify", "--jws", jws, "--payload", tampered])
        #expect(bad.status == 1 && bad.lines == ["invalid crypto.signature_invalid"], "\(bad.allOutput)")
        await #expect(throws: FederationError(.cryptoSignatureInvalid)) {
            try await DetachedJWS.verify(
                jws, payload: Array(#"{"amount":99,"to":"bob"}"#.utf8), resolver: DIDKeyResolver(), now: 0)
        }
        let garbled = try FedSecProcess.run(["envelope", "verify", "--jws", "not-a-jws", "--payload", payloadFile])
        #expect(garbled.status == 1 && garbled.lines == ["invalid envelope.malformed"], "\(garbled.allOutput)")
    }

    @Test func badArguments() throws {
        let folder = try TemporaryFolder()
        let noKey = try FedSecProcess.run(["envelope", "sign", "--payload", folder.text("p", "x")])
        #expect(noKey.status == 64 && noKey.stderr.contains("--key"))
        let missing = try FedSecProcess.run(["envelope", "verify", "--jws", "a..b", "--payload", folder.path("absent")])
        #expect(missing.status == 1 && missing.stderr.contains("absent") && missing.stdout.isEmpty)
        let notAKey = try FedSecProcess.run(
            ["envelope", "sign", "--key", folder.text("k", "hello"), "--payload", folder.text("p", "x")])
        #expect(notAKey.status != 0 && !notAKey.stderr.isEmpty && notAKey.stdout.isEmpty)
    }
}
