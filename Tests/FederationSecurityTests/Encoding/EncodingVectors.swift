import Foundation

/// The subset of the project's vector format that the encoding suites use.
struct EncodingVectorFile: Decodable, Sendable {
    let suite: String
    let source: String
    let operation: String
    let cases: [EncodingVectorCase]

    /// Loads `TestVectors/encoding/<name>`, found from this file's path.
    static func load(_ name: String) throws -> EncodingVectorFile {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let url = root.appendingPathComponent("TestVectors/encoding/\(name)")
        return try JSONDecoder().decode(EncodingVectorFile.self, from: Data(contentsOf: url))
    }
}

struct EncodingVectorCase: Decodable, Sendable {
    struct Input: Decodable, Sendable {
        let text: String?
        let hex: String?
        let value: UInt64?
    }

    struct Output: Decodable, Sendable, Equatable {
        var hex: String?
        var text: String?
        var encoding: String?
        var value: UInt64?
        var length: Int?
    }

    struct Expected: Decodable, Sendable {
        let result: String
        let error: String?
        let output: Output?
    }

    let id: String
    let operation: String?
    let input: Input
    let expected: Expected
}
