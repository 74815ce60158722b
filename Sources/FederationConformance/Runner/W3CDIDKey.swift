import FederationSecurity

/// The W3C CCG did:key test vectors, read natively: an object keyed by DID whose entries have a
/// `verificationKeyPair` (`publicKeyBase58`, or `publicKeyJwk`). Each DID must parse to that key, and the key must
/// format to that DID.
enum W3CDIDKey {
    static func recognises(_ object: JSONObject) -> Bool {
        !object.members.isEmpty
            && object.members.allSatisfy { $0.key.hasPrefix("did:key:") && $0.value["verificationKeyPair"] != nil }
    }

    static func suites(_ object: JSONObject, name: String) throws(FederationError) -> [VectorFile] {
        var cases: [VectorCase] = []
        for (n, member) in object.members.enumerated() {
            let pair = member.value["verificationKeyPair"]
            let key: [UInt8]
            do {
                if let base58 = pair?["publicKeyBase58"]?.stringValue {
                    key = try Base58BTC.decode(base58)
                } else if let x = pair?["publicKeyJwk"]?["x"]?.stringValue {
                    key = try Base64URL.decode(x)
                } else {
                    throw FederationError(.conformanceInvalidVectorFile, "entry \(n) has no public key")
                }
            } catch {
                throw FederationError(.conformanceInvalidVectorFile, "W3C did:key entry \(n): \(error)")
            }
            cases.append(
                VectorCase(
                    id: "entry-\(n)-parse", operation: "did.key.parse", input: output(["did": member.key]),
                    expected: .init(valid: true, output: output(["public_key": Hex.encode(key)]))))
            cases.append(
                VectorCase(
                    id: "entry-\(n)-format", operation: "did.key.format",
                    input: output(["public_key": Hex.encode(key)]),
                    expected: .init(valid: true, output: output(["did": member.key]))))
        }
        return [
            VectorFile(
                suite: "w3c.did-key.\(name)", source: "W3C CCG did-method-key", operation: "did.key.parse", cases: cases
            )
        ]
    }
}
