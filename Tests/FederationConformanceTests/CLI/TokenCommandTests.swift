import FederationCrypto
import FederationSecurity
import Foundation
import Testing

/// `fedsec token mint` and `fedsec token verify`, run as the built binary, against `KernelToken` in process.
@Suite struct TokenCommandTests {
    /// A 32-byte master secret that no output may contain.
    static let master: [UInt8] = (0..<32).map { UInt8(0xA0 ^ $0) }
    static let who = ["--kernel", "kernel-a", "--principal", "alice", "--capability", "db.query"]

    static func keyRing(_ master: [UInt8] = master, kid: String = "k1") throws -> KernelKeyRing {
        try KernelKeyRing([kid: SecretBytes(master)])
    }

    static func expectation(now: Int64 = Int64(Date().timeIntervalSince1970)) -> KernelToken.Expectation {
        .init(kernel: "kernel-a", principal: "alice", capability: "db.query", now: now)
    }

    /// `token` with the character at `offset` of part `part` (0-based, of the five) replaced by another base64url
    /// character: still well formed, no longer authentic.
    static func flip(_ token: String, part: Int, offset: Int = 3) -> String {
        var parts = token.split(separator: ".", omittingEmptySubsequences: false).map { Array($0) }
        parts[part][offset] = parts[part][offset] == "A" ? "B" : "A"
        return parts.map { String($0) }.joined(separator: ".")
    }

    @Test func aMintedTokenVerifiesInTheLibrary() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("master", Self.master).path
        let before = Int64(Date().timeIntervalSince1970)
        let minted = try FedSecProcess.run(
            [
                "token", "mint", "--master-file", file, "--ttl", "600", "--token-id", "t-1",
                "--constraints", #"{"max_rows":10}"#,
            ] + Self.who)
        #expect(minted.status == 0, "\(minted.stderr)")
        #expect(!minted.reveals(Self.master))
        let token = minted.stdout.trimmingCharacters(in: .newlines)
        #expect(
            token.hasPrefix("v1.k1.\(Base64URL.encode(Array("kernel-a".utf8))).")
                && token.split(separator: ".").count == 5)

        let claims = try KernelToken.verify(token, expecting: Self.expectation(), keys: Self.keyRing())
        #expect(claims.tokenID == "t-1" && claims.principal == "alice" && claims.capability == "db.query")
        #expect(claims.expiresAt - claims.issuedAt == 600 && claims.issuedAt >= before)
        #expect(claims.constraints["max_rows"]?.integerValue == 10)
        // Another master does not verify it.
        #expect(throws: FederationError(.tokenBadMAC)) {
            try KernelToken.verify(
                token, expecting: Self.expectation(), keys: Self.keyRing(Array(repeating: 7, count: 32)))
        }
    }

    @Test func aLibraryTokenVerifiesInTheCLIAndAOneByteChangeIsBadMAC() throws {
        let now = Int64(Date().timeIntervalSince1970)
        let claims = KernelTokenClaims(
            tokenID: "lib-1", principal: "alice", capability: "db.query", issuedAt: now, expiresAt: now + 300)
        let token = try KernelToken.mint(claims, kernel: "kernel-a", kid: "k1", keys: Self.keyRing())
        let env = ["FEDSEC_TOKEN_MASTER": Hex.encode(Self.master)]

        let valid = try FedSecProcess.run(["token", "verify", "--token", token] + Self.who, environment: env)
        #expect(valid.status == 0 && valid.lines == ["valid lib-1"], "\(valid.allOutput)")
        for part in [3, 4] {
            let changed = Self.flip(token, part: part)
            #expect(changed != token && changed.utf8.count == token.utf8.count)
            let invalid = try FedSecProcess.run(["token", "verify", "--token", changed] + Self.who, environment: env)
            #expect(invalid.status == 1 && invalid.lines == ["invalid token.bad_mac"], "\(invalid.allOutput)")
            #expect(!invalid.reveals(Self.master))
        }
        #expect(!valid.reveals(Self.master))
    }

    @Test func verifyReportsTheLibrarysCodes() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("master", Self.master).path
        let minted = try FedSecProcess.run(
            ["token", "mint", "--master-file", file, "--constraints", #"{"max_rows":10}"#] + Self.who)
        let token = minted.stdout.trimmingCharacters(in: .newlines)
        let now = Int64(Date().timeIntervalSince1970)
        let rowsOver = try JSONReader().parse(#"{"rows":11}"#).objectValue
        let cases: [([String], ErrorCode, KernelToken.Expectation, String)] = [
            (
                ["--kernel", "kernel-a", "--principal", "bob", "--capability", "db.query"], .tokenPrincipalMismatch,
                .init(kernel: "kernel-a", principal: "bob", capability: "db.query", now: now), "k1"
            ),
            (
                ["--kernel", "kernel-a", "--principal", "alice", "--capability", "db.write"], .tokenCapabilityMismatch,
                .init(kernel: "kernel-a", principal: "alice", capability: "db.write", now: now), "k1"
            ),
            (
                ["--kernel", "kernel-b", "--principal", "alice", "--capability", "db.query"], .tokenWrongKernel,
                .init(kernel: "kernel-b", principal: "alice", capability: "db.query", now: now), "k1"
            ),
            (
                Self.who + ["--request", #"{"rows":11}"#], .tokenConstraintViolation,
                .init(kernel: "kernel-a", principal: "alice", capability: "db.query", request: rowsOver, now: now), "k1"
            ),
            (Self.who + ["--kid", "k2"], .tokenUnknownKeyID, Self.expectation(now: now), "k2"),
        ]
        for (arguments, code, expectation, kid) in cases {
            let run = try FedSecProcess.run(["token", "verify", "--master-file", file, "--token", token] + arguments)
            #expect(run.status == 1 && run.lines == ["invalid \(code.rawValue)"], "\(arguments): \(run.allOutput)")
            // The library gives the same verdict.
            #expect(throws: FederationError(code)) {
                try KernelToken.verify(token, expecting: expectation, keys: Self.keyRing(kid: kid))
            }
        }
        // A request that is not an object was dropped, and the token verified without its constraints evaluated.
        let notAnObject = try FedSecProcess.run(
            ["token", "verify", "--master-file", file, "--token", token, "--request", #"[{"rows":11}]"#] + Self.who)
        #expect(notAnObject.status == 64 && notAnObject.stderr.contains("--request must be a JSON object"))
        #expect(!notAnObject.stdout.contains("valid"))
        let within = try FedSecProcess.run(
            ["token", "verify", "--master-file", file, "--token", token, "--request", #"{"rows":10}"#] + Self.who)
        #expect(within.status == 0 && within.stdout.hasPrefix("valid "))
        // Expired by two minutes, beyond the 60 s leeway: minted by the library, since the CLI mints only live tokens.
        let expired = try KernelToken.mint(
            KernelTokenClaims(
                tokenID: "old", principal: "alice", capability: "db.query", issuedAt: now - 600, expiresAt: now - 120),
            kernel: "kernel-a", kid: "k1", keys: Self.keyRing())
        let late = try FedSecProcess.run(["token", "verify", "--master-file", file, "--token", expired] + Self.who)
        #expect(late.status == 1 && late.lines == ["invalid token.expired"], "\(late.allOutput)")
    }

    @Test func secretsNeverAppearEvenInErrors() throws {
        let folder = try TemporaryFolder()
        let short = Array(Self.master.prefix(16))
        let shortFile = folder.file("short", short).path
        let runs = [
            try FedSecProcess.run(["token", "mint", "--master-file", shortFile] + Self.who),
            try FedSecProcess.run(
                ["token", "mint"] + Self.who, environment: ["FEDSEC_TOKEN_MASTER": Hex.encode(short)]),
            try FedSecProcess.run(
                ["token", "verify", "--token", "v1.k1.a.b.c"] + Self.who,
                environment: ["FEDSEC_TOKEN_MASTER": Hex.encode(short)]),
            try FedSecProcess.run(
                ["token", "mint", "--constraints", "[1]"] + Self.who,
                environment: ["FEDSEC_TOKEN_MASTER": Hex.encode(Self.master)]),
            try FedSecProcess.run(
                ["token", "mint", "--constraints", #"{"no_such":1}"#] + Self.who,
                environment: ["FEDSEC_TOKEN_MASTER": Hex.encode(Self.master)]),
            try FedSecProcess.run(
                ["token", "mint"] + Self.who, environment: ["FEDSEC_TOKEN_MASTER": Hex.encode(Self.master) + "z"]),
        ]
        for run in runs {
            #expect(run.status != 0, "\(run.allOutput)")
            #expect(!run.reveals(short) && !run.reveals(Self.master), "\(run.allOutput)")
        }
        #expect(runs[3].stderr.contains("constraints must be an object"))
        #expect(runs[4].allOutput.contains("token.unknown_constraint"))
    }

    @Test func badArguments() throws {
        let noMaster = try FedSecProcess.run(["token", "mint"] + Self.who)
        #expect(noMaster.status == 64 && noMaster.stderr.contains("FEDSEC_TOKEN_MASTER"))
        let noKernel = try FedSecProcess.run(
            ["token", "mint", "--principal", "a", "--capability", "c"],
            environment: ["FEDSEC_TOKEN_MASTER": Hex.encode(Self.master)])
        #expect(noKernel.status == 64 && noKernel.stderr.contains("--kernel"))
        let noToken = try FedSecProcess.run(["token", "verify"] + Self.who)
        #expect(noToken.status == 64 && noToken.stderr.contains("--token"))
        let badTTL = try FedSecProcess.run(["token", "mint", "--ttl", "soon"] + Self.who)
        #expect(badTTL.status == 64 && badTTL.stderr.contains("soon"))
        // now + ttl overflowed Int64 and crashed (signal 4) before --ttl was bounded.
        for ttl in ["9223372036854775807", "0", "-120"] {
            let run = try FedSecProcess.run(
                ["token", "mint", "--ttl=\(ttl)"] + Self.who,
                environment: ["FEDSEC_TOKEN_MASTER": Hex.encode(Self.master)])
            #expect(
                run.status == 64 && run.stderr.contains("--ttl must be 1…316224000 seconds"), "\(ttl): \(run.allOutput)"
            )
        }
    }
}
