import FederationSecurity
import Testing

/// Runs every case of `TestVectors/encoding/*.json` against the library.
@Suite("Encoding vectors")
struct EncodingVectorTests {
    typealias Output = EncodingVectorCase.Output

    @Test(arguments: [
        "base64.json", "base64url.json", "base32.json", "base58btc.json", "hex.json", "multibase.json",
        "varint.json",
    ])
    func vectorFile(_ name: String) throws {
        let file = try EncodingVectorFile.load(name)
        #expect(!file.cases.isEmpty)
        #expect(file.cases.contains { $0.expected.result == "invalid" }, "\(name) has no negative case")
        for vector in file.cases {
            let operation = vector.operation ?? file.operation
            let result = Result { () throws(FederationError) in try Self.run(operation, vector.input) }
            switch (result, vector.expected.result) {
            case (.success(let output), "valid"):
                if let expected = vector.expected.output {
                    #expect(output == expected, "\(name) \(vector.id)")
                }
            case (.failure(let error), "invalid"):
                #expect(error.code.rawValue == vector.expected.error, "\(name) \(vector.id)")
            case (.success(let output), _):
                Issue.record("\(name) \(vector.id): accepted, output \(output)")
            case (.failure(let error), _):
                Issue.record("\(name) \(vector.id): rejected with \(error)")
            }
        }
    }

    static func run(_ operation: String, _ input: EncodingVectorCase.Input) throws(FederationError) -> Output {
        let text = input.text ?? ""
        let bytes = try Hex.decode(input.hex ?? "")
        switch operation {
        case "base64.decode": return Output(hex: Hex.encode(try Base64.decode(text)))
        case "base64url.decode": return Output(hex: Hex.encode(try Base64URL.decode(text)))
        case "base32.decode": return Output(hex: Hex.encode(try Base32.decode(text)))
        case "base58btc.decode": return Output(hex: Hex.encode(try Base58BTC.decode(text)))
        case "hex.decode": return Output(hex: Hex.encode(try Hex.decode(text)))
        case "base64.encode": return Output(text: Base64.encode(bytes))
        case "base64url.encode": return Output(text: Base64URL.encode(bytes))
        case "base32.encode": return Output(text: Base32.encode(bytes))
        case "base58btc.encode": return Output(text: Base58BTC.encode(bytes))
        case "hex.encode": return Output(text: Hex.encode(bytes))
        case "multibase.decode":
            let (encoding, data) = try Multibase.decode(text)
            return Output(hex: Hex.encode(data), encoding: encoding.rawValue)
        case "varint.decode":
            let (value, count) = try UVarint.decode(bytes)
            return Output(value: value, length: count)
        case "varint.encode":
            return Output(hex: Hex.encode(UVarint.encode(input.value ?? 0)))
        default:
            throw FederationError(ErrorCode("test.unknown_operation"), operation)
        }
    }
}
