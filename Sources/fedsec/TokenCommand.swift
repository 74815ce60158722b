import ArgumentParser
import FederationSecurity
import Foundation

/// `fedsec token`: mint and verify native kernel-scoped tokens (Spec/kernel-tokens.md).
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Mint and verify native kernel-scoped capability tokens.",
        discussion: """
            The master secret (at least 32 bytes) is read from --master-file (raw bytes) or from the environment \
            variable FEDSEC_TOKEN_MASTER (hex); never from an argument, and it is never printed.
            """,
        subcommands: [Mint.self, Verify.self])

    /// The longest lifetime `mint` accepts: ten years.
    static let maxTTL: Int64 = 10 * 366 * 86400

    struct Common: ParsableArguments {
        @Option(help: "File holding the raw master secret.") var masterFile: String?
        @Option(help: "Key id of the master secret.") var kid = "k1"
        @Option(help: "The kernel the token is for.") var kernel: String
        @Option(help: "The principal.") var principal: String
        @Option(help: "The capability.") var capability: String

        func keyRing() throws -> KernelKeyRing {
            var bytes: [UInt8]
            if let masterFile {
                bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: masterFile)))
            } else if let hex = ProcessInfo.processInfo.environment["FEDSEC_TOKEN_MASTER"] {
                bytes = try Hex.decode(hex)
            } else {
                throw ValidationError("give --master-file or set FEDSEC_TOKEN_MASTER")
            }
            return try KernelKeyRing([kid: SecretBytes(consuming: &bytes)])
        }
    }

    struct Mint: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a new token.")
        @OptionGroup var common: Common
        @Option(help: "Lifetime in seconds.") var ttl: Int64 = 3600
        @Option(help: "Constraints as a JSON object, e.g. '{\"max_rows\":10}'.") var constraints = "{}"
        @Option(help: "Token id (default: random).") var tokenID: String?

        func validate() throws {
            guard (1...TokenCommand.maxTTL).contains(ttl) else {
                throw ValidationError("--ttl must be 1…\(TokenCommand.maxTTL) seconds")
            }
        }

        func run() throws {
            let now = Int64(Date().timeIntervalSince1970)
            guard let cns = try JSONReader().parse(constraints).objectValue else {
                throw ValidationError("constraints must be an object")
            }
            let claims = KernelTokenClaims(
                tokenID: tokenID ?? Hex.encode(SecureRandom.bytes(count: 16)), principal: common.principal,
                capability: common.capability, constraints: cns, issuedAt: now, expiresAt: now + ttl)
            print(try KernelToken.mint(claims, kernel: common.kernel, kid: common.kid, keys: common.keyRing()))
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify a token; prints valid or the error code, exit 1 if invalid.")
        @OptionGroup var common: Common
        @Option(help: "The token.") var token: String
        @Option(help: "The request, as JSON: {\"rows\":…, \"fields\":[…], \"args\":{…}}.") var request: String?

        func run() throws {
            do {
                let request = try self.request.map { (text) throws in
                    // Not nil for a non-object: that would verify the token without evaluating its constraints.
                    guard let object = try JSONReader().parse(text).objectValue else {
                        throw ValidationError("--request must be a JSON object")
                    }
                    return object
                }
                let claims = try KernelToken.verify(
                    token,
                    expecting: .init(
                        kernel: common.kernel, principal: common.principal, capability: common.capability,
                        request: request, now: Int64(Date().timeIntervalSince1970)),
                    keys: try common.keyRing())
                print("valid \(claims.tokenID)")
            } catch let error as FederationError {
                print("invalid \(error.code)")
                throw ExitCode(1)
            }
        }
    }
}
