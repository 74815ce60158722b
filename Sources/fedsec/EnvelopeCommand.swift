import ArgumentParser
import FederationSecurity
import Foundation

/// `fedsec envelope`: sign and verify native (detached JWS) envelopes.
struct EnvelopeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "envelope", abstract: "Sign and verify detached-JWS envelopes (Spec/envelopes.md).",
        subcommands: [Sign.self, Verify.self])

    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the detached JWS of a payload file.")

        @Option(help: "Private key file.") var key: String
        @Option(help: "Payload file (signed exactly as stored).") var payload: String

        func run() throws {
            let privateKey = try KeyFile.readPrivate(key)
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: payload)))
            print(try DetachedJWS.sign(bytes, with: privateKey, keyID: DIDKey(publicKey: privateKey.publicKey).keyID))
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify a detached JWS over a payload file; the signer must be a did:key. Exit 1 if invalid.")

        @Option(help: "The detached JWS text.") var jws: String
        @Option(help: "Payload file.") var payload: String

        func run() async throws {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: payload)))
            do {
                let now = Int64(Date().timeIntervalSince1970)
                let verified = try await DetachedJWS.verify(jws, payload: bytes, resolver: DIDKeyResolver(), now: now)
                print("valid \(verified.keyID)")
            } catch {
                print("invalid \(error.code)")
                throw ExitCode(1)
            }
        }
    }
}
