import FederationCrypto
import FederationSecurity
import Foundation
import Testing

/// `fedsec key generate` and `fedsec key did`, run as the built binary.
@Suite struct KeyCommandTests {
    /// The seed 00 01 … 1f and its did:key, from TestVectors/identity/envelope-jws.json (joserfc's key id).
    static let seed: [UInt8] = Array(0...31)
    static let seedDID = "did:key:z6MkehRgf7yJbgaGfYsdoAsKdBPE3dj2CYhowQdcjqSJgvVd"

    /// The key the library reads from a file `fedsec key generate --format` wrote.
    static func libraryKey(_ path: String, _ format: String) throws -> Ed25519.PrivateKey {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        switch format {
        case "pkcs8": return try Ed25519.PrivateKey(pkcs8PEM: String(decoding: bytes, as: UTF8.self))
        case "jwk": return try Ed25519.PrivateKey(jwk: JSONReader().parse(bytes))
        default: return try Ed25519.PrivateKey(seed: SecretBytes(bytes))
        }
    }

    @Test(arguments: ["pkcs8", "jwk", "raw"])
    func generateWritesAPrivateFileAndPrintsItsDID(_ format: String) throws {
        let folder = try TemporaryFolder()
        let path = folder.path("key.\(format)")
        let generated = try FedSecProcess.run(["key", "generate", "--out", path, "--format", format])
        #expect(generated.status == 0, "\(generated.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let key = try Self.libraryKey(path, format)
        #expect(generated.lines == [DIDKey(publicKey: key.publicKey).did])
        #expect(generated.stdout.hasPrefix("did:key:z6Mk"))
        let seed = key.seed.withUnsafeBytes { Array($0) }
        #expect(!generated.reveals(seed))

        let shown = try FedSecProcess.run(["key", "did", "--key", path])
        #expect(shown.status == 0)
        let did = DIDKey(publicKey: key.publicKey)
        #expect(shown.lines == ["did:key   \(did.did)", "key id    \(did.keyID)"])
        #expect(!shown.reveals(seed))
    }

    @Test func twoGeneratedKeysDiffer() throws {
        let folder = try TemporaryFolder()
        let first = try FedSecProcess.run(["key", "generate", "--out", folder.path("a")])
        let second = try FedSecProcess.run(["key", "generate", "--out", folder.path("b")])
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout != second.stdout)
    }

    /// A second run on the same path used to replace the first private key without a word.
    @Test func generateNeverOverwritesOrFollowsALink() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("key.pem")
        let first = try FedSecProcess.run(["key", "generate", "--out", path])
        #expect(first.status == 0)
        let again = try FedSecProcess.run(["key", "generate", "--out", path])
        #expect(again.status == 64 && again.stderr.contains("it exists; not overwriting") && again.stdout.isEmpty)
        #expect(first.lines == [DIDKey(publicKey: try Self.libraryKey(path, "pkcs8").publicKey).did])
        let target = folder.path("elsewhere")
        try FileManager.default.createSymbolicLink(atPath: folder.path("link.pem"), withDestinationPath: target)
        let link = try FedSecProcess.run(["key", "generate", "--out", folder.path("link.pem")])
        #expect(link.status == 64 && !FileManager.default.fileExists(atPath: target))
    }

    @Test func didOfAKnownSeedAndItsDIDWeb() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("seed", Self.seed).path
        let shown = try FedSecProcess.run(["key", "did", "--key", path, "--url", "https://example.com:8443/kernel"])
        #expect(shown.status == 0, "\(shown.stderr)")
        // did:web method spec §3.1: ':' of the port percent-encoded, '/' becomes ':', document at <url>/did.json.
        #expect(
            shown.lines == [
                "did:key   \(Self.seedDID)", "key id    \(Self.seedDID)#\(Self.seedDID.dropFirst(8))",
                "did:web   did:web:example.com%3A8443:kernel", "document  https://example.com:8443/kernel/did.json",
            ])
        #expect(!shown.reveals(Self.seed))
    }

    @Test func didOfAPublicKeyFile() throws {
        let folder = try TemporaryFolder()
        let key = try Ed25519.PrivateKey(seed: SecretBytes(Self.seed))
        let spki = folder.text("public.pem", key.publicKey.spkiPEM)
        let shown = try FedSecProcess.run(["key", "did", "--key", spki])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.lines.first == "did:key   \(Self.seedDID)")
    }

    @Test func badArguments() throws {
        let folder = try TemporaryFolder()
        let noOut = try FedSecProcess.run(["key", "generate"])
        #expect(noOut.status == 64 && noOut.stderr.contains("--out"))
        let badFormat = try FedSecProcess.run(["key", "generate", "--out", folder.path("k"), "--format", "pem"])
        #expect(badFormat.status == 64 && badFormat.stderr.contains("pem"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("k")))
        let missing = try FedSecProcess.run(["key", "did", "--key", folder.path("absent")])
        #expect(missing.status != 0 && missing.stderr.contains("absent"))
        let garbage = try FedSecProcess.run(["key", "did", "--key", folder.text("garbage", "not a key")])
        #expect(garbage.status != 0 && !garbage.stderr.isEmpty)
        let unwritable = try FedSecProcess.run(["key", "generate", "--out", folder.path("no/such/dir/k")])
        #expect(unwritable.status != 0 && unwritable.stderr.contains("cannot create"))
    }
}
