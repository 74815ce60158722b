import FederationConformance
import Foundation
import Testing

/// Every vector file under TestVectors, through the runner, in process: a failing or broken vector fails `swift test`.
@Suite struct VectorFileTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TestVectors").path

    /// The files the runner reads under TestVectors (the same walk as `fedsec conformance TestVectors`).
    static let files: [String] = ConformanceRunner.vectorFiles(under: [root]).map {
        String($0.dropFirst(root.count + 1))
    }

    @Test func thereAreVectorFiles() {
        #expect(Self.files.count >= 20)
    }

    @Test(arguments: files)
    func vectorFilePasses(_ relative: String) async {
        let result = await ConformanceRunner().run(paths: [Self.root + "/" + relative])
        #expect(!result.suites.isEmpty)
        for suite in result.suites {
            #expect(suite.fileError == nil, "\(suite.fileError ?? "")")
            for c in suite.cases {
                switch c.outcome {
                case .failed(let why), .error(let why): Issue.record("\(suite.name) \(c.id): \(why)")
                case .passed, .skipped: break
                }
            }
            #expect(suite.passed > 0 || suite.skipped > 0)
        }
    }
}
