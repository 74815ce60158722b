import ArgumentParser
import FederationSecurity
import Foundation

/// `fedsec manifest`: sign a capability manifest and verify (import) one (Spec/manifests.md).
struct ManifestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manifest", abstract: "Sign and verify capability manifests (Spec/manifests.md).",
        subcommands: [Sign.self, Verify.self])

    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the detached JWS of a manifest file (signed exactly as stored; kid = the key's did:key).")

        @Option(help: "Private key file (PKCS#8 PEM).") var key: String
        @Option(help: "Manifest file.") var manifest: String

        func run() throws {
            let identity = Ed25519Identity(try KeyFile.readPrivate(key))
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: manifest)))
            print(try ManifestSignature.sign(bytes, identity: identity))
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify and import a manifest as an importer would; prints the imported ids or the error code.")

        @Option(help: "Manifest file (the exact bytes received).") var manifest: String
        @Option(help: "The detached JWS received with it.") var signature: String?
        @Option(help: "The DID that must have signed it (did:key).") var signer: String?
        @Flag(help: "Accept a manifest without a signature.") var allowUnsigned = false
        @Option(help: "Import trust policy: most_restrictive, local_only, remote_deferred.")
        var trustPolicy = "most_restrictive"

        func run() async throws {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: manifest)))
            do {
                let options = ManifestImportOptions(
                    expectedSigner: signer, allowUnsigned: allowUnsigned,
                    trustPolicy: try ImportTrustPolicy(name: trustPolicy))
                var registry = CapabilityRegistry()
                let imported = try await registry.importManifest(
                    bytes, signature: signature, options: options, resolver: DIDKeyResolver(),
                    now: Int64(Date().timeIntervalSince1970))
                print("valid \(imported.first?.signedBy ?? "unsigned")")
                for capability in imported {
                    print("\(capability.descriptor.capabilityID) \(capability.sensitivity)")
                }
            } catch {
                print("invalid \(error.code)")
                throw ExitCode(1)
            }
        }
    }
}
