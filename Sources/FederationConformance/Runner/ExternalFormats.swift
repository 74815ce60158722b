import FederationSecurity

/// Wycheproof files, read natively: `EddsaVerify` groups (Ed25519 verify with the group's raw `publicKey.pk`) and
/// `MacTest` groups (HMAC-SHA256; truncated tags are compared as a prefix of the full MAC).
///
/// `valid` must verify and `invalid` must not; `acceptable` cases are skipped (neither answer is wrong). Ed25519
/// groups run once per backend. A full-length (256-bit) MAC test also becomes an `hmac-sha256.verify` case.
enum Wycheproof {
    static func suites(_ root: JSONObject, name: String) throws(FederationError) -> [VectorFile] {
        guard let groups = root["testGroups"]?.arrayValue else { throw bad("testGroups must be an array") }
        var cases: [VectorCase] = []
        var operation = ""
        for group in groups {
            guard let tests = group["tests"]?.arrayValue, let type = group["type"]?.stringValue else {
                throw bad("a test group needs type and tests")
            }
            for test in tests {
                guard let id = test["tcId"]?.integerValue, let result = test["result"]?.stringValue else {
                    throw bad("a test needs tcId and result")
                }
                let flags =
                    (test["flags"]?.arrayValue ?? []).compactMap(\.stringValue)
                    + (result == "acceptable" ? ["Acceptable"] : [])
                switch type {
                case "EddsaVerify":
                    operation = "ed25519.verify"
                    guard let pk = group["publicKey"]?["pk"]?.stringValue, let msg = test["msg"]?.stringValue,
                        let sig = test["sig"]?.stringValue
                    else { throw bad("tcId \(id): missing pk, msg or sig") }
                    let input = output(["public_key": pk, "message": msg, "signature": sig])
                    cases.append(
                        VectorCase(
                            id: "tcId-\(id)", operation: operation, input: input,
                            expected: .init(valid: result == "valid"), flags: flags))
                case "MacTest":
                    operation = "hmac-sha256.compute"
                    guard let key = test["key"]?.stringValue, let msg = test["msg"]?.stringValue,
                        let tag = test["tag"]?.stringValue, let bits = group["tagSize"]?.integerValue
                    else { throw bad("tcId \(id): missing key, msg, tag or tagSize") }
                    var input = output(["key": key, "message": msg])
                    input.set("truncate_to", .number(.integer(bits / 8)))
                    cases.append(
                        VectorCase(
                            id: "tcId-\(id)", operation: operation, input: input,
                            expected: .init(
                                valid: true, output: output(["mac": tag]), outputMustDiffer: result != "valid"),
                            flags: flags))
                    // Full-length tags also go through verify, which must reject every modified tag. (Truncated
                    // tags are rejected by verify's policy whatever their bytes, so they are checked by compute only.)
                    if bits == 256 {
                        cases.append(
                            VectorCase(
                                id: "tcId-\(id)-verify", operation: "hmac-sha256.verify",
                                input: output(["key": key, "message": msg, "mac": tag]),
                                expected: .init(valid: result == "valid"), flags: flags))
                    }
                default:
                    throw bad("test group type \(type) is not supported")
                }
            }
        }
        let source = "Wycheproof \(root["algorithm"]?.stringValue ?? "")"
        return BackendExpansion.expand(
            VectorFile(suite: "wycheproof.\(name)", source: source, operation: operation, cases: cases))
    }

    static func bad(_ reason: String) -> FederationError {
        FederationError(.conformanceInvalidVectorFile, "Wycheproof: \(reason)")
    }
}

/// RFC 8032 §7.1 vectors in ACVP JSON (`[{name, secretKey, publicKey, message, signature}]`): sign from the seed and
/// compare the public key and signature bytes, then verify — on both backends.
enum ACVPEd25519 {
    static func suites(_ array: [JSONValue], name: String) throws(FederationError) -> [VectorFile] {
        var cases: [VectorCase] = []
        for item in array {
            guard let n = item["name"]?.stringValue, let seed = item["secretKey"]?.stringValue,
                let pk = item["publicKey"]?.stringValue, let msg = item["message"]?.stringValue,
                let sig = item["signature"]?.stringValue
            else {
                throw FederationError(
                    .conformanceInvalidVectorFile, "ACVP: entries need name, secretKey, publicKey, message, signature")
            }
            cases.append(
                VectorCase(
                    id: "test-\(n)-sign", operation: "ed25519.sign", input: output(["seed": seed, "message": msg]),
                    expected: .init(valid: true, output: output(["public_key": pk, "signature": sig]))))
            cases.append(
                VectorCase(
                    id: "test-\(n)-verify", operation: "ed25519.verify",
                    input: output(["public_key": pk, "message": msg, "signature": sig]), expected: .init(valid: true)))
        }
        return BackendExpansion.expand(
            VectorFile(suite: "rfc8032.\(name)", source: "RFC 8032 §7.1", operation: "ed25519.sign", cases: cases))
    }
}
