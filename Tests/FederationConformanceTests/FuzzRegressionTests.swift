import FederationFuzzing
import Foundation
import Testing

/// Replays every committed fuzz input — crash reproducers in `Fuzz/Regressions/<target>/` and seeds in
/// `Fuzz/Corpus/<target>/` — through the same bodies the libFuzzer executables call. A body traps on a broken
/// invariant, so a regression stops the test run.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let fuzzRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    static func files(in folder: String, of target: String) -> [URL] {
        let directory = fuzzRoot.appendingPathComponent(folder).appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { directory.appendingPathComponent($0) }
    }

    @Test(arguments: FuzzTarget.all.map(\.name))
    func replay(_ name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        let regressions = Self.files(in: "Regressions", of: name)
        let corpus = Self.files(in: "Corpus", of: name)
        #expect(!regressions.isEmpty, "Fuzz/Regressions/\(name) has no input")
        for file in regressions + corpus {
            target.body(Array(try Data(contentsOf: file)))
        }
    }

    /// Every folder under Fuzz/Regressions and Fuzz/Corpus belongs to a registered target, so no input is skipped.
    @Test func everyFolderHasATarget() throws {
        for folder in ["Regressions", "Corpus"] {
            let path = Self.fuzzRoot.appendingPathComponent(folder).path
            for name in try FileManager.default.contentsOfDirectory(atPath: path) where !name.hasPrefix(".") {
                #expect(FuzzTarget.named(name) != nil, "Fuzz/\(folder)/\(name) has no FuzzTarget")
            }
        }
    }

    /// Every registered target has a libFuzzer executable in the fuzz package.
    @Test(arguments: FuzzTarget.all.map(\.name))
    func executableExists(_ name: String) {
        let main = Self.fuzzRoot.appendingPathComponent("Sources/\(name)/main.swift").path
        #expect(FileManager.default.fileExists(atPath: main), "Fuzz/Sources/\(name)/main.swift is missing")
    }
}
