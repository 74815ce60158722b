import Foundation
import Testing

/// `Spec/errors.md` is the one registry of error codes: it must list exactly the codes declared in `Sources/`, and
/// every code a vector expects must be registered.
@Suite struct ErrorRegistryTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func files(under folder: String, ending suffix: String) -> [URL] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.lastPathComponent.hasSuffix(suffix) }
    }

    static func matches(_ pattern: String, in text: String) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return Set(regex.matches(in: text, range: range).map { String(text[Range($0.range(at: 1), in: text)!]) })
    }

    /// Codes declared as `ErrorCode("…")` in the sources.
    static func declaredCodes() throws -> Set<String> {
        try files(under: "Sources", ending: ".swift").reduce(into: Set<String>()) { codes, file in
            codes.formUnion(
                matches(#"ErrorCode\("([a-z0-9_.]+)"\)"#, in: try String(contentsOf: file, encoding: .utf8)))
        }
    }

    /// Codes in the first column of the tables of `Spec/errors.md`.
    static func registeredCodes() throws -> Set<String> {
        let text = try String(contentsOf: root.appendingPathComponent("Spec/errors.md"), encoding: .utf8)
        return matches(#"(?m)^\| `([a-z0-9_.]+)` \|"#, in: text)
    }

    @Test func registryListsExactlyTheDeclaredCodes() throws {
        let declared = try Self.declaredCodes()
        let registered = try Self.registeredCodes()
        #expect(!declared.isEmpty)
        #expect(declared.subtracting(registered).sorted() == [], "declared in Sources but missing from Spec/errors.md")
        #expect(registered.subtracting(declared).sorted() == [], "in Spec/errors.md but declared nowhere")
    }

    @Test func everyCodeAVectorExpectsIsRegistered() throws {
        let registered = try Self.registeredCodes()
        var expected = Set<String>()
        for file in Self.files(under: "TestVectors", ending: ".json") where !file.path.contains("/external/") {
            let text = try String(contentsOf: file, encoding: .utf8)
            expected.formUnion(Self.matches(#""error"\s*:\s*"([a-z0-9_.]+)""#, in: text))
        }
        #expect(!expected.isEmpty)
        #expect(expected.subtracting(registered).sorted() == [], "codes used by vectors but not registered")
    }
}
