import ArgumentParser
import FederationSecurity
import Foundation

/// `fedsec ucan`: inspect, delegate (attenuate), verify and revoke UCAN 0.10 tokens; `--profile openintent` for
/// openintent 0.17 tokens (Spec/ucan.md).
struct UCANCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ucan", abstract: "Inspect, delegate, verify and revoke UCANs (Spec/ucan.md).",
        subcommands: [Inspect.self, Delegate.self, Verify.self, Revoke.self])

    enum Profile: String, ExpressibleByArgument, CaseIterable {
        case ucan, openintent
    }

    static func now(_ given: Int64?) -> Int64 { given ?? Int64(Date().timeIntervalSince1970) }

    /// Times from arguments end in year 9999 and leeways at a year, so that adding them cannot overflow.
    static let latestTime: Int64 = 253_402_300_799
    static let maxLeeway: Int64 = 366 * 86400

    static func checkTime(_ value: Int64?, _ name: String) throws {
        guard (0...latestTime).contains(value ?? 0) else { throw ValidationError("--\(name) must be 0…\(latestTime)") }
    }

    static func json(_ value: JSONValue) -> String { (try? CanonicalJSON.encodeString(value)) ?? "?" }

    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decode a token strictly (no signature check) and print its parts; exit 1 if it does not decode.")
        @Option(help: "The token.") var token: String
        @Option(help: "ucan (0.10) or openintent.") var profile = Profile.ucan

        func run() throws {
            do {
                switch profile {
                case .ucan:
                    let t = try UCANToken(decoding: token)
                    print("cid      \(t.cid)")
                    print("header   \(json(.object(t.header)))")
                    print("payload  \(json(.object(t.payload)))")
                case .openintent:
                    let t = try OpenIntentUCAN(decoding: token, limits: OpenIntentUCAN.defaultLimits)
                    print("chain    \(t.proofs.count + 1) tokens")
                    print("payload  \(json(.object(t.json)))")
                }
            } catch {
                print("invalid \(error.code): \(error.reason)")
                throw ExitCode(1)
            }
        }
    }

    struct Delegate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a new token: a root (no --parent) or an attenuated delegation of --parent.")
        @Option(help: "Private key file of the issuer (for a delegation: the parent's audience).") var key: String
        @Option(help: "Audience DID.") var audience: String
        @Option(help: "ucan: capabilities JSON {resource: {ability: [caveats]}}; openintent: scope JSON.")
        var capabilities: String
        @Option(help: "Expiry (unix seconds); ucan root default: never.") var exp: Int64?
        @Option(help: "Not-before (unix seconds).") var nbf: Int64?
        @Option(help: "Nonce.") var nonce: String?
        @Option(help: "Parent token to attenuate.") var parent: String?
        @Option(help: "openintent: issuer DID of a root (default the key's did:key).") var issuer: String?
        @Option(help: "ucan (0.10) or openintent.") var profile = Profile.ucan

        func validate() throws {
            try checkTime(exp, "exp")
            try checkTime(nbf, "nbf")
        }

        func run() throws {
            let privateKey = try KeyFile.readPrivate(key)
            let value = try JSONReader().parse(capabilities)
            let nonce = self.nonce ?? Base64URL.encode(SecureRandom.bytes(count: 12))
            switch profile {
            case .ucan:
                let caps = try UCANCapabilities(parsing: value)
                if let parent {
                    print(
                        try UCANBuilder.delegate(
                            try UCANToken(decoding: parent), to: audience, capabilities: caps, expiration: exp,
                            notBefore: nbf, nonce: nonce, key: privateKey
                        ).encoded)
                } else {
                    print(
                        try UCANBuilder.build(
                            .init(
                                audience: audience, expiration: exp, notBefore: nbf, nonce: nonce, capabilities: caps),
                            key: privateKey
                        ).encoded)
                }
            case .openintent:
                let scope = try OpenIntentScope(parsing: value)
                let start = nbf ?? now(nil)
                if let parent {
                    print(
                        try OpenIntentUCAN.attenuate(
                            try OpenIntentUCAN(decoding: parent), audience: audience, scope: scope, notBefore: start,
                            nonce: nonce, key: privateKey
                        ).encoded)
                } else {
                    print(
                        try OpenIntentUCAN.mint(
                            issuer: issuer ?? DIDKey(publicKey: privateKey.publicKey).did, audience: audience,
                            scope: scope, notBefore: start, expiresAt: exp ?? start + 3600, nonce: nonce,
                            key: privateKey
                        ).encoded)
                }
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Verify a token and its proof chain; prints valid and the capabilities, or the error code (exit 1).")
        @Option(help: "The token.") var token: String
        @Option(help: "ucan: JSON file of proofs {cid: token} (or a JSON array of tokens).") var proofs: String?
        @Option(help: "File of verified revocation records, a JSON array of record objects.") var revocations: String?
        @Option(help: "JSON file {did:web DID: DID document} for did:web issuers.") var documents: String?
        @Option(help: "The verifier's own DID (the token's audience must match).") var audience: String?
        @Option(help: "Decision time (unix seconds); default now.") var now: Int64?
        @Option(help: "Clock skew allowed, seconds.") var leeway: Int64 = 60
        @Option(help: "ucan (0.10) or openintent.") var profile = Profile.ucan

        func validate() throws {
            try checkTime(now, "now")
            guard (0...maxLeeway).contains(leeway) else { throw ValidationError("--leeway must be 0…\(maxLeeway)") }
        }

        func run() async throws {
            let time = UCANCommand.now(now)
            do {
                let docs = try documents.map { try readObject($0) } ?? JSONObject()
                let resolver = CachingKeyResolver(
                    DIDKeyResolver(
                        webDocuments: { did, _ in docs[did].flatMap { try? CanonicalJSON.encode($0) } },
                        compatibility: profile == .openintent ? .openIntentPort : .strict))
                switch profile {
                case .ucan:
                    let store = InMemoryProofStore()
                    if let proofs {
                        let value = try JSONReader().parse(try [UInt8](Data(contentsOf: URL(fileURLWithPath: proofs))))
                        for t in value.arrayValue ?? [] { if let s = t.stringValue { store.add(s) } }
                        for m in value.objectValue ?? JSONObject() {
                            if let s = m.value.stringValue { store.add(s, as: try CID(parsing: m.key)) }
                        }
                    }
                    let list = UCANRevocationList()
                    if let revocations {
                        let value = try JSONReader().parse(
                            try [UInt8](Data(contentsOf: URL(fileURLWithPath: revocations))))
                        for record in value.arrayValue ?? [] {
                            try await list.add(
                                UCANRevocation(json: try CanonicalJSON.encode(record)), resolver: resolver, now: time)
                        }
                    }
                    let result = try await UCANVerifier(resolver: resolver, proofs: store, revocations: list).verify(
                        token, options: .init(now: time, leeway: leeway, audience: audience))
                    print("valid \(result.token.cid) (\(result.chainTokens) tokens)")
                    for c in result.capabilities {
                        print("  \(c.capability.resource) \(c.capability.ability) from \(c.originators.sorted())")
                    }
                case .openintent:
                    let result = try await OpenIntentUCAN.verify(
                        token, options: .init(now: time, leeway: leeway, audience: audience), resolver: resolver)
                    print(
                        "valid (\(result.chainLength) tokens) scope \(json(.object(result.token.scope.json)))"
                            + " from \(result.rootIssuer)")
                }
            } catch let error as FederationError {
                print("invalid \(error.code): \(error.reason)")
                throw ExitCode(1)
            }
        }

        func readObject(_ path: String) throws -> JSONObject {
            guard
                let object = try JSONReader().parse(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
                    .objectValue
            else { throw ValidationError("\(path) must hold a JSON object") }
            return object
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a signed revocation record for a token.")
        @Option(help: "Private key file of the revoker (an issuer in the token's chain).") var key: String
        @Option(help: "The token to revoke.") var token: String

        func run() throws {
            let cid = CID.rawSHA256(of: token.utf8)
            print(try UCANRevocation.create(revoking: cid, key: try KeyFile.readPrivate(key)).json)
        }
    }
}
