import FederationSecurity
import Foundation

/// Inputs and expected values read from the vector files, so the CLI is held to the same independent values as the
/// library (each file names where its values came from).
enum CLIVectors {
    struct Missing: Error { var what: String }

    /// The cases of `TestVectors/<file>`.
    static func cases(_ file: String) throws -> [JSONValue] {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: VectorFileTests.root + "/" + file)))
        return try JSONReader().parse(bytes)["cases"]?.arrayValue ?? []
    }

    /// The `input` and `expected.output` of case `id` in `TestVectors/<file>`.
    static func find(_ file: String, _ id: String) throws -> (input: JSONValue, output: JSONValue?) {
        guard let found = try cases(file).first(where: { $0["id"]?.stringValue == id }), let input = found["input"]
        else {
            throw Missing(what: "case \(id) in \(file)")
        }
        return (input, found["expected"]?["output"])
    }

    /// A string member of case `id`'s input.
    static func input(_ file: String, _ id: String, _ member: String) throws -> String {
        guard let value = try find(file, id).input[member]?.stringValue else {
            throw Missing(what: "input.\(member) of \(file) \(id)")
        }
        return value
    }
}
