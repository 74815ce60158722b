import FederationCrypto
import Testing

/// Wycheproof `ed25519_test.json` (151 tests) on both backends, read directly (the conformance runner reads it too).
@Suite struct WycheproofEd25519Tests {
    struct Case: Sendable, CustomStringConvertible {
        let id: Int
        let key: [UInt8]
        let message: [UInt8]
        let signature: [UInt8]
        let valid: Bool
        var description: String { "tcId \(id)" }
    }

    static let cases: [Case] = {
        let root = try! VectorFiles.json("external/wycheproof/ed25519_test.json") as! [String: Any]
        return (root["testGroups"] as! [[String: Any]]).flatMap { group -> [Case] in
            let key = [UInt8](hex: (group["publicKey"] as! [String: Any])["pk"] as! String)
            return (group["tests"] as! [[String: Any]]).map { test in
                Case(
                    id: test["tcId"] as! Int, key: key, message: [UInt8](hex: test["msg"] as! String),
                    signature: [UInt8](hex: test["sig"] as! String), valid: test["result"] as! String == "valid")
            }
        }
    }()

    @Test func fileHasAll151Tests() {
        #expect(Self.cases.count == 151)
        #expect(Self.cases.filter(\.valid).count == 88)
    }

    @Test(arguments: Ed25519.Backend.allCases)
    func everyVectorGivesItsExpectedVerdict(backend: Ed25519.Backend) {
        for c in Self.cases {
            let verdict =
                (try? Ed25519.PublicKey(rawRepresentation: c.key, backend: backend))?
                .isValidSignature(c.signature, for: c.message) ?? false
            #expect(verdict == c.valid, "\(c) on \(backend)")
        }
    }
}
