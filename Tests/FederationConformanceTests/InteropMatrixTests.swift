import FederationConformance
import FederationSecurity
import Foundation
import Testing

/// The Markdown matrix built from JSON reports.
@Suite struct InteropMatrixTests {
    static func report(_ implementation: String, _ suites: [(String, Int, Int, Int)]) -> String {
        let s = suites.map { #"{"name":"\#($0.0)","file":"f","passed":\#($0.1),"failed":\#($0.2),"skipped":\#($0.3)}"# }
        return
            #"{"implementation":"\#(implementation)","version":"1.0","suites":[\#(s.joined(separator: ","))],"passed":0,"failed":0,"skipped":0}"#
    }

    @Test func cellsRowsAndTotals() throws {
        let a = try InteropMatrix.column(fromReport: Self.report("lib", [("b.suite", 3, 0, 0), ("a.suite", 2, 1, 0)]))
        let b = try InteropMatrix.column(fromReport: Self.report("peer|x", [("b.suite", 0, 0, 3)]))
        let lines = InteropMatrix.markdown([a, b]).split(separator: "\n").map(String.init)
        #expect(
            lines == [
                #"| suite | lib 1.0 | peer\|x 1.0 |"#, "|---|---|---|",
                "| `a.suite` | ❌ 2 / 1 / 0 | · |", "| `b.suite` | ✅ 3 / 0 / 0 | ➖ 0 / 0 / 3 |",
                "| **total** | **❌ 5 / 1 / 0** | **➖ 0 / 0 / 3** |",
            ])
    }

    /// A real run's JSON report reads back with its counts.
    @Test func readsTheRunnersOwnReport() async throws {
        let run = await ConformanceRunner().run(paths: [VectorFileTests.root + "/encoding/hex.json"])
        let column = try InteropMatrix.column(fromReport: JSONReport.render(run))
        #expect(column.implementation == run.implementation && column.version == run.version)
        #expect(column.suites["encoding.hex"] == .init(passed: run.passed, failed: 0, skipped: 0))
    }

    @Test(arguments: [#"{"suites":[]}"#, #"{"implementation":"x","suites":[{"name":"s"}]}"#, "[]", "{"])
    func notAReport(_ text: String) {
        #expect(throws: FederationError.self) { _ = try InteropMatrix.column(fromReport: text) }
    }
}
