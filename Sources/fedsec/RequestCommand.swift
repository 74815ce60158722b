import ArgumentParser
import FederationSecurity
import Foundation

/// `fedsec request`: sign and verify an HTTP/1.1 request given on stdin (Spec/request-signing.md).
struct RequestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: "Sign or verify an HTTP request read from stdin.",
        discussion: """
            The request is HTTP/1.1 text on stdin: a request line, header lines, an empty line, the body. Its \
            target URI is --scheme, the Host header and the request target. Keys: --key-file (hmac-sha256: the \
            raw secret; ed25519: a PKCS#8 PEM, JWK or raw seed to sign, an SPKI PEM or JWK to verify), or for \
            hmac-sha256 the environment variable FEDSEC_REQUEST_SECRET (hex). Secrets are never printed.
            """,
        subcommands: [Sign.self, Verify.self, ReplayMemory.self])

    struct KeyOptions: ParsableArguments {
        @Option(help: "hmac-sha256 or ed25519 (the key's algorithm).") var alg: String
        @Option(help: "The keyid.") var keyid: String
        @Option(help: "Key file (see above).") var keyFile: String?

        /// The hmac-sha256 secret, from --key-file or FEDSEC_REQUEST_SECRET.
        func hmacSecret() throws -> SecretBytes {
            guard alg == "hmac-sha256" else { throw ValidationError("this needs --alg hmac-sha256") }
            var bytes: [UInt8]
            if let keyFile {
                bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: keyFile)))
            } else if let hex = ProcessInfo.processInfo.environment["FEDSEC_REQUEST_SECRET"] {
                bytes = try Hex.decode(hex)
            } else {
                throw ValidationError("give --key-file or set FEDSEC_REQUEST_SECRET")
            }
            return SecretBytes(consuming: &bytes)
        }

        func key(signing: Bool) throws -> RequestSigningKey {
            switch alg {
            case "hmac-sha256":
                return try .hmacSHA256(keyID: keyid, secret: hmacSecret())
            case "ed25519":
                guard let keyFile else { throw ValidationError("ed25519 needs --key-file") }
                return signing
                    ? .ed25519(keyID: keyid, privateKey: try KeyFile.readPrivate(keyFile))
                    : .ed25519(keyID: keyid, publicKey: try KeyFile.readPublic(keyFile))
            default:
                throw ValidationError("--alg must be hmac-sha256 or ed25519")
            }
        }
    }

    struct Common: ParsableArguments {
        @Option(help: "Scheme of the target URI.") var scheme = "https"
        @Option(help: "Current time, unix seconds (default: the clock).") var now: Int64?
        @Option(help: "Scheme of the signature: rfc9421 or agentvault.") var format = "rfc9421"
        @Option(help: "AgentVault signature header name.") var header = "X-AgentVault-Signature"

        var time: Int64 { now ?? Int64(Date().timeIntervalSince1970) }

        func validate() throws {
            guard format == "rfc9421" || format == "agentvault" else {
                throw ValidationError("--format must be rfc9421 or agentvault")
            }
            // Year 9999 at the latest, so that adding a lifetime cannot overflow.
            guard (0...253_402_300_799).contains(now ?? 0) else {
                throw ValidationError("--now must be 0…253402300799")
            }
        }
    }

    struct Sign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the request with its signature header fields added.")
        @OptionGroup var key: KeyOptions
        @OptionGroup var common: Common
        @Option(help: "Covered components, serialized and space-separated.")
        var components = "\"@method\" \"@target-uri\" \"@authority\" \"content-type\" \"content-digest\""
        @Option(help: "Signature label.") var label = "sig1"
        @Option(help: "Nonce (default: 16 random bytes, hex).") var nonce: String?
        @Option(help: "Lifetime in seconds: adds expires.") var ttl: Int64?
        @Option(help: "Add Content-Digest: sha-256, sha-512 or none.") var digest = "sha-256"
        @Flag(help: "Write no nonce parameter.") var noNonce = false
        @Flag(help: "Write no alg parameter.") var noAlg = false

        func validate() throws {
            guard digest == "none" || ContentDigest.Algorithm(rawValue: digest) != nil else {
                throw ValidationError("--digest must be sha-256, sha-512 or none")
            }
            guard !(noNonce && nonce != nil) else { throw ValidationError("--nonce and --no-nonce exclude each other") }
            guard (1...TokenCommand.maxTTL).contains(ttl ?? 1) else {
                throw ValidationError("--ttl must be 1…\(TokenCommand.maxTTL) seconds")
            }
        }

        func run() async throws {
            var request = try HTTPRequestText.read(
                FileHandle.standardInput.readDataToEndOfFile(), scheme: common.scheme)
            let now = common.time
            if common.format == "agentvault" {
                guard case .request(let method, let target) = request.message.control else { return }
                let value = AgentVaultSignature.sign(
                    method: method, path: target.path, body: request.message.body, timestamp: now,
                    key: try HMACSHA256.Key(try key.hmacSecret()))
                request.headerLines.append("\(common.header): \(value)")
            } else {
                if let algorithm = ContentDigest.Algorithm(rawValue: digest) {
                    let field = ContentDigest.field(for: request.message.body, algorithm: algorithm)
                    request.add("Content-Digest", field)
                }
                let covered = try components.split(separator: " ").map { try ComponentIdentifier(parsing: String($0)) }
                let signature = try RFC9421Signer.sign(
                    request.message, key: try key.key(signing: true), label: label, components: covered,
                    created: now, expires: ttl.map { now + $0 },
                    nonce: noNonce ? nil : nonce ?? Hex.encode(SecureRandom.bytes(count: 16)), includeAlgorithm: !noAlg)
                request.add("Signature-Input", signature.signatureInput)
                request.add("Signature", signature.signature)
            }
            FileHandle.standardOutput.write(Data(request.serialized()))
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify the request's signature; prints valid or the error code, exit 1 if invalid.")
        @OptionGroup var key: KeyOptions
        @OptionGroup var common: Common
        @Option(help: "Label to verify (default: the first).") var label: String?
        @Option(help: "Window (AgentVault: max age), seconds.") var window: Int64 = 300
        @Option(help: "Allowed clock skew, seconds.") var skew: Int64 = 30
        @Option(
            help: """
                Components that must be covered, serialized and space-separated (default "@method" "@target-uri"; \
                --require '' requires none).
                """)
        var require: String?
        @Flag(help: "Accept a request with a body whose signature does not cover content-digest (not recommended).")
        var contentDigestOptional = false

        func run() async throws {
            let request = try HTTPRequestText.read(
                FileHandle.standardInput.readDataToEndOfFile(), scheme: common.scheme)
            let store = InMemoryReplayStore(capacity: 16)
            guard (0...ReplayWindow.maxSeconds).contains(window), (0...ReplayWindow.maxSeconds).contains(skew) else {
                throw ValidationError("--window and --skew must be 0…\(ReplayWindow.maxSeconds)")
            }
            let replayWindow = ReplayWindow(window: window, skew: skew)
            do {
                if common.format == "agentvault" {
                    guard case .request(let method, let target) = request.message.control,
                        let value = request.message.fields.first(where: { $0.name == common.header.lowercased() })
                    else { throw FederationError(.requestMissingSignature, "no \(common.header) field") }
                    try await AgentVaultSignature.verify(
                        value.value, method: method, path: target.path, body: request.message.body,
                        key: try HMACSHA256.Key(try key.hmacSecret()),
                        window: replayWindow, replayStore: store, now: common.time)
                    print("valid")
                } else {
                    let required =
                        try require?.split(separator: " ").map { try ComponentIdentifier(parsing: String($0)) }
                        ?? RFC9421Verifier.Policy.recommendedComponents
                    let policy = RFC9421Verifier.Policy(
                        window: replayWindow, requiredComponents: required,
                        requiresDigestOfContent: !contentDigestOptional)
                    let verifier = RFC9421Verifier(
                        keys: RequestKeySet([try key.key(signing: false)]), policy: policy, replayStore: store)
                    let verified = try await verifier.verify(request.message, label: label, now: common.time)
                    print("valid \(verified.label) \(verified.keyID)")
                }
            } catch let error as FederationError {
                print("invalid \(error.code)")
                throw ExitCode(1)
            }
        }
    }

    struct ReplayMemory: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "replay-memory",
            abstract: "Fill an in-memory replay store with live entries; print its table bytes and the RSS delta.")
        @Option(help: "Live entries to insert.") var entries = 1 << 20

        func run() throws {
            func residentBytes() throws -> Int {
                let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8).split(separator: " ")
                return Int(statm[1])! * Int(sysconf(Int32(_SC_PAGESIZE)))
            }
            let before = try residentBytes()
            let store = InMemoryReplayStore(capacity: max(entries, 16))
            let now: Int64 = 1_800_000_000
            for n in 0..<entries {
                guard try store.insertIfAbsent(.nonce("n\(n)", keyID: "k"), expiresAt: now + 300, now: now) else {
                    throw ValidationError("entry \(n) reported as a replay")
                }
            }
            let after = try residentBytes()
            print("live entries: \(entries)")
            print("table bytes: \(store.allocatedBytes) (\(store.allocatedBytes / max(entries, 1)) per entry)")
            print("RSS delta: \(after - before) bytes (\((after - before) / max(entries, 1)) per entry)")
        }
    }
}
