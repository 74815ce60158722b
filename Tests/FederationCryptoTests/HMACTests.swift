import FederationCrypto
import Testing

/// Wycheproof `hmac_sha256_test.json` (174 tests) through the one-shot API and the reusable keyed context.
@Suite struct HMACTests {
    struct Case: Sendable {
        let id: Int
        let key: [UInt8]
        let message: [UInt8]
        let tag: [UInt8]
        let valid: Bool
    }

    static let cases: [Case] = {
        let root = try! VectorFiles.json("external/wycheproof/hmac_sha256_test.json") as! [String: Any]
        return (root["testGroups"] as! [[String: Any]]).flatMap { group in
            (group["tests"] as! [[String: Any]]).map { t in
                Case(
                    id: t["tcId"] as! Int, key: [UInt8](hex: t["key"] as! String),
                    message: [UInt8](hex: t["msg"] as! String), tag: [UInt8](hex: t["tag"] as! String),
                    valid: t["result"] as! String == "valid")
            }
        }
    }()

    @Test func wycheproofThroughBothPaths() throws {
        #expect(Self.cases.count == 174)
        for c in Self.cases {
            let secret = SecretBytes(c.key)
            let oneShot = HMACSHA256.authenticationCode(for: c.message, using: secret)
            let keyed = try HMACSHA256.Key(secret)
            let reused = keyed.authenticationCode(for: c.message)
            #expect(oneShot == reused, "tcId \(c.id)")
            // Wycheproof truncated tags (tagSize 128) compare against the prefix.
            #expect(ConstantTime.equals(oneShot.prefix(c.tag.count), c.tag) == c.valid, "tcId \(c.id)")
            if c.tag.count == 32 {
                #expect(HMACSHA256.isValidAuthenticationCode(c.tag, for: c.message, using: secret) == c.valid)
                #expect(keyed.isValidAuthenticationCode(c.tag, for: c.message) == c.valid)
            } else {
                #expect(!keyed.isValidAuthenticationCode(c.tag, for: c.message), "truncated tags never verify")
            }
        }
    }

    /// The keyed path (OpenSSL SHA-256 from a precomputed key schedule) against libsodium's one-shot HMAC, for keys
    /// and messages of every length around SHA-256's 64-byte block (a key over 64 bytes is hashed first; messages
    /// that end at, before and after a block boundary pad differently).
    @Test func keyedPathEqualsLibsodiumAroundTheBlockSize() throws {
        var generator = SystemRandomNumberGenerator()
        for keyLength in [1, 2, 31, 32, 55, 56, 63, 64, 65, 100, 128, 129, 200] {
            let keyBytes = (0..<keyLength).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let secret = SecretBytes(keyBytes)
            let keyed = try HMACSHA256.Key(secret)
            for messageLength in [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 482, 1000] {
                let message = (0..<messageLength).map { _ in UInt8.random(in: 0...255, using: &generator) }
                let expected = HMACSHA256.authenticationCode(for: message, using: secret)
                #expect(keyed.authenticationCode(for: message) == expected, "key \(keyLength), message \(messageLength)")
                #expect(keyed.isValidAuthenticationCode(expected, for: message))
                var wrong = expected
                wrong[messageLength % 32] ^= 1
                #expect(!keyed.isValidAuthenticationCode(wrong, for: message))
            }
        }
    }

    /// One keyed context used by many tasks at once gives the right tag every time (RFC 4231 case 2).
    @Test func reusableKeyIsCorrectUnderConcurrency() async throws {
        let key = try HMACSHA256.Key(SecretBytes(Array("Jefe".utf8)))
        let expected = [UInt8](hex: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let message = Array("what do ya want for nothing?".utf8)
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<64 {
                group.addTask { (0..<200).allSatisfy { _ in key.authenticationCode(for: message) == expected } }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count == 64 && results.allSatisfy { $0 })
    }
}
