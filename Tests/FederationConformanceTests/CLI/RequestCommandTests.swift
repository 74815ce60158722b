import FederationSecurity
import Foundation
import Testing

/// `fedsec request sign`, `verify` and `replay-memory`, run as the built binary on HTTP/1.1 text.
@Suite struct RequestCommandTests {
    /// RFC 9421 B.1.5 test-shared-secret (base64 in the RFC).
    static let shared =
        (try? Base64.decode(
            "uzvJfB4u3N0Jy4T7NZ75MDVcr8zSTInedJtkgcu46YW4XByzNJjxBdtjUkdJPBtbmHhIDi6pcl8jsasjlTMtDQ==")) ?? []
    /// RFC 9421 B.1.4 test-key-ed25519.
    static let edPrivate = """
        -----BEGIN PRIVATE KEY-----
        MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF
        -----END PRIVATE KEY-----

        """
    static let edPublic = """
        -----BEGIN PUBLIC KEY-----
        MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=
        -----END PUBLIC KEY-----

        """
    /// RFC 9421 B.2 test-request, without its Content-Digest.
    static let request = Array(
        ("POST /foo?param=Value&Pet=dog HTTP/1.1\r\nHost: example.com\r\nDate: Tue, 20 Apr 2021 02:07:55 GMT\r\n"
            + "Content-Type: application/json\r\nContent-Length: 18\r\n\r\n{\"hello\": \"world\"}").utf8)
    static let created = "1618884473"

    static func field(_ name: String, in run: FedSecProcess.Outcome) -> String? {
        run.stdout.split(separator: "\r\n").first { $0.hasPrefix(name + ": ") }.map {
            String($0.dropFirst(name.count + 2))
        }
    }

    @Test func rfc9421AppendixBSignaturesAreReproduced() throws {
        let folder = try TemporaryFolder()
        let secret = folder.file("shared", Self.shared).path
        let b25 = try FedSecProcess.run(
            [
                "request", "sign", "--alg", "hmac-sha256", "--keyid", "test-shared-secret", "--key-file", secret,
                "--now", Self.created, "--digest", "none", "--no-nonce", "--no-alg", "--label", "sig-b25",
                "--components", #""date" "@authority" "content-type""#,
            ], stdin: Self.request)
        #expect(b25.status == 0, "\(b25.stderr)")
        // RFC 9421 B.2.5.
        #expect(
            Self.field("Signature-Input", in: b25)
                == #"sig-b25=("date" "@authority" "content-type");created=1618884473;keyid="test-shared-secret""#)
        #expect(Self.field("Signature", in: b25) == "sig-b25=:pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=:")
        #expect(!b25.reveals(Self.shared))

        let key = folder.text("ed.pem", Self.edPrivate)
        let b26 = try FedSecProcess.run(
            [
                "request", "sign", "--alg", "ed25519", "--keyid", "test-key-ed25519", "--key-file", key,
                "--now", Self.created, "--digest", "none", "--no-nonce", "--no-alg", "--label", "sig-b26",
                "--components", #""date" "@method" "@path" "@authority" "content-type" "content-length""#,
            ],
            stdin: Self.request)
        // RFC 9421 B.2.6.
        #expect(
            Self.field("Signature", in: b26)
                == "sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:")
        let verify = [
            "request", "verify", "--alg", "ed25519", "--keyid", "test-key-ed25519", "--key-file",
            folder.text("ed.pub", Self.edPublic), "--now", "1618884483",
        ]
        // B.2.6 covers neither `@target-uri` nor the body: refused by default, accepted when coverage is waived.
        let refused = try FedSecProcess.run(verify, stdin: Array(b26.stdout.utf8))
        #expect(refused.status == 1 && refused.lines == ["invalid request.missing_component"], "\(refused.allOutput)")
        let verified = try FedSecProcess.run(
            verify + ["--require", "", "--content-digest-optional"], stdin: Array(b26.stdout.utf8))
        #expect(verified.status == 0 && verified.lines == ["valid sig-b26 test-key-ed25519"], "\(verified.allOutput)")
    }

    @Test func signedRequestVerifiesAndTamperingIsCaught() throws {
        let env = ["FEDSEC_REQUEST_SECRET": Hex.encode(Self.shared)]
        let key = ["--alg", "hmac-sha256", "--keyid", "k1"]
        let signed = try FedSecProcess.run(
            ["request", "sign"] + key + ["--now", Self.created], stdin: Self.request, environment: env)
        #expect(signed.status == 0, "\(signed.stderr)")
        // RFC 9530 §2: the sha-256 Content-Digest of {"hello": "world"}.
        #expect(Self.field("Content-Digest", in: signed) == "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:")
        #expect(Self.field("Signature-Input", in: signed)?.contains(#";keyid="k1";alg="hmac-sha256";nonce=""#) == true)
        #expect(signed.stdout.hasSuffix("\r\n\r\n{\"hello\": \"world\"}"))
        #expect(!signed.reveals(Self.shared))
        let text = signed.stdout
        let verify = ["request", "verify"] + key + ["--now", "1618884480"]
        let cases: [(String, [String], String)] = [
            (text, [], "valid sig1 k1"),
            (text.replacingOccurrences(of: "world", with: "World"), [], "invalid request.digest_mismatch"),
            (
                text.replacingOccurrences(of: "Host: example.com", with: "Host: example.org"), [],
                "invalid request.signature_invalid"
            ),
            (text, ["--now", "1618899999"], "invalid request.stale"),
            (text, ["--keyid", "k2"], "invalid request.unknown_key"),
            (text, ["--require", #""date""#], "invalid request.missing_component"),
            (String(decoding: Self.request, as: UTF8.self), [], "invalid request.missing_signature"),
        ]
        for (input, extra, line) in cases {
            let run = try FedSecProcess.run(verify + extra, stdin: Array(input.utf8), environment: env)
            #expect(
                run.lines == [line] && run.status == (line.hasPrefix("valid") ? 0 : 1),
                "\(extra) \(line): \(run.allOutput)")
            #expect(!run.reveals(Self.shared))
        }
    }

    @Test func agentVaultSignatureMatchesTheVector() throws {
        let file = "request-signing/agentvault.json"
        let secret = try CLIVectors.input(file, "sign", "secret")
        let body = try Hex.decode(CLIVectors.input(file, "sign", "body"))
        let path = try CLIVectors.input(file, "sign", "path")
        let request = Array("POST \(path) HTTP/1.1\nHost: vault.example\n\n".utf8) + body
        let env = ["FEDSEC_REQUEST_SECRET": secret]
        let key = ["--format", "agentvault", "--alg", "hmac-sha256", "--keyid", "v"]
        let signed = try FedSecProcess.run(
            ["request", "sign"] + key + ["--now", "1799999995"], stdin: request, environment: env)
        let expected = try CLIVectors.find(file, "sign").output?["signature"]?.stringValue
        #expect(Self.field("X-AgentVault-Signature", in: signed) == expected)
        #expect(!signed.reveals(try Hex.decode(secret)))
        let fresh = try FedSecProcess.run(
            ["request", "verify"] + key + ["--now", "1800000000"], stdin: Array(signed.stdout.utf8), environment: env)
        #expect(fresh.status == 0 && fresh.lines == ["valid"], "\(fresh.allOutput)")
        let old = try FedSecProcess.run(
            ["request", "verify"] + key + ["--now", "1800009999"], stdin: Array(signed.stdout.utf8), environment: env)
        #expect(old.status == 1 && old.lines == ["invalid request.stale"])
    }

    @Test func badArgumentsAndSecretsInErrors() throws {
        let folder = try TemporaryFolder()
        let secret = folder.file("shared", Self.shared).path
        let base = ["request", "sign", "--alg", "hmac-sha256", "--keyid", "k", "--key-file", secret]
        let cases: [([String], [UInt8], String)] = [
            (base + ["--digest", "sha1"], Self.request, "--digest must be sha-256, sha-512 or none"),
            (base + ["--format", "rfc9422"], Self.request, "--format must be rfc9421 or agentvault"),
            (base + ["--no-nonce", "--nonce", "n"], Self.request, "--nonce and --no-nonce"),
            // created + ttl overflowed Int64 and crashed (signal 4) before --ttl and --now were bounded.
            (base + ["--ttl", "9223372036854775807"], Self.request, "--ttl must be 1…316224000 seconds"),
            (base + ["--now", "9223372036854775807", "--ttl", "10"], Self.request, "--now must be 0…253402300799"),
            (
                ["request", "sign", "--alg", "rsa", "--keyid", "k", "--key-file", secret], Self.request,
                "--alg must be hmac-sha256 or ed25519"
            ),
            (["request", "sign", "--alg", "hmac-sha256", "--keyid", "k"], Self.request, "FEDSEC_REQUEST_SECRET"),
            (base, Array("garbage\n".utf8), "request line must be METHOD TARGET HTTP/1.1"),
            (base, Array("GET / HTTP/1.1\r\n\r\n".utf8), "no Host header"),
            (
                ["request", "verify", "--alg", "hmac-sha256", "--keyid", "k", "--key-file", secret, "--window=-1"],
                Self.request, "--window and --skew"
            ),
        ]
        for (arguments, stdin, message) in cases {
            let run = try FedSecProcess.run(arguments, stdin: stdin)
            #expect(
                run.status == 64 && run.stderr.contains(message) && run.stdout.isEmpty, "\(arguments): \(run.allOutput)"
            )
            #expect(!run.reveals(Self.shared))
        }
        let badHex = try FedSecProcess.run(
            ["request", "sign", "--alg", "hmac-sha256", "--keyid", "k"], stdin: Self.request,
            environment: ["FEDSEC_REQUEST_SECRET": Hex.encode(Self.shared) + "0"])
        #expect(badHex.status != 0 && badHex.stderr.contains("hex.odd_length") && !badHex.reveals(Self.shared))
    }

    @Test func replayMemoryCountsItsEntries() throws {
        let run = try FedSecProcess.run(["request", "replay-memory", "--entries", "1000"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.lines.count == 3 && run.lines.first == "live entries: 1000")
        #expect(run.lines.dropFirst().first?.hasPrefix("table bytes: ") == true)
    }
}
