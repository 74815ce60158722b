import FederationSecurity
import Foundation
import Testing

/// Runs the identity vector files directly until the conformance runner carries identity operations.
@Suite struct IdentityVectorTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("TestVectors/identity")

    struct Case: Sendable, CustomStringConvertible {
        let file: String
        let id: String
        let operation: String
        let input: [String: String]
        let error: String?
        let output: [String: String]?
        var description: String { "\(file):\(id)" }
    }

    static func load(_ file: String) -> [Case] {
        let data = try! Data(contentsOf: root.appendingPathComponent(file))
        let doc = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        return (doc["cases"] as! [[String: Any]]).map { c in
            let expected = c["expected"] as! [String: Any]
            return Case(
                file: file, id: c["id"] as! String, operation: (c["operation"] ?? doc["operation"]) as! String,
                input: c["input"] as! [String: String], error: expected["error"] as? String,
                output: expected["output"] as? [String: String])
        }
    }

    static func run(_ c: Case) async throws(FederationError) -> [String: String] {
        let i = c.input
        switch c.operation {
        case "did.key.parse":
            return ["public_key": Hex.encode(try DIDKey(parsing: i["did"]!).publicKey.rawRepresentation)]
        case "did.key.format":
            return [
                "did": DIDKey(publicKey: try Ed25519.PublicKey(rawRepresentation: try Hex.decode(i["public_key"]!))).did
            ]
        case "did.web.to_url":
            let mode: DIDWeb.Compatibility = i["compatibility"] == "openintent" ? .openIntentPort : .strict
            return ["url": try DIDWeb.documentURL(for: i["did"]!, compatibility: mode)]
        case "did.web.from_url":
            return ["did": try DIDWeb.did(fromURL: i["url"]!)]
        case "did.document.resolve_key":
            let url = try DIDURL(i["did_url"]!)
            let doc = try DIDDocument(json: Array(i["document"]!.utf8), did: url.did)
            return ["public_key": Hex.encode(try doc.publicKey(for: url).rawRepresentation)]
        case "key.import":
            let data = i["data"]!
            let key: Ed25519.PublicKey
            switch i["format"]! {
            case "raw_seed": key = try Ed25519.PrivateKey(seed: SecretBytes(try Hex.decode(data))).publicKey
            case "pkcs8_pem": key = try Ed25519.PrivateKey(pkcs8PEM: data).publicKey
            case "spki_pem": key = try Ed25519.PublicKey(spkiPEM: data)
            default:
                let jwk = try JSONReader().parse(data)
                key = jwk["d"] != nil ? try Ed25519.PrivateKey(jwk: jwk).publicKey : try Ed25519.PublicKey(jwk: jwk)
            }
            return ["public_key": Hex.encode(key.rawRepresentation)]
        case "key.export":
            let key = try Ed25519.PrivateKey(seed: SecretBytes(try Hex.decode(i["seed"]!)))
            return ["data": i["format"] == "pkcs8_pem" ? key.pkcs8PEM : key.publicKey.spkiPEM]
        case "envelope.jws.sign":
            let key = try Ed25519.PrivateKey(seed: SecretBytes(try Hex.decode(i["seed"]!)))
            return ["jws": try DetachedJWS.sign(try Hex.decode(i["payload"]!), with: key, keyID: i["key_id"]!)]
        case "envelope.jws.verify":
            let verified = try await DetachedJWS.verify(
                i["jws"]!, payload: try Hex.decode(i["payload"]!), resolver: DIDKeyResolver(), now: 0)
            return ["key_id": verified.keyID]
        default:
            throw FederationError(ErrorCode("test.unknown_operation"), c.operation)
        }
    }

    static let cases = [
        "did-key.json", "key-formats.json", "did-web.json", "did-documents.json", "envelope-jws.json",
    ].flatMap(load)

    @Test(arguments: cases)
    func vector(_ c: Case) async {
        do {
            let output = try await Self.run(c)
            #expect(c.error == nil, "expected \(c.error ?? "")")
            if let expected = c.output { #expect(output == expected) }
        } catch {
            #expect(error.code.rawValue == c.error, "\(error)")
        }
    }
}
