import ArgumentParser
import FederationConformance
import Foundation

/// `fedsec conformance`: run the vector suites against the library.
struct ConformanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Run conformance vectors against this library (Spec/conformance.md).",
        discussion: "Exit status: 0 when nothing failed, 1 when any case failed or any vector file is broken.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, junit }

    @Argument(help: "Vector files or folders (default: TestVectors).")
    var paths: [String] = ["TestVectors"]

    @Option(help: "text (default), json (one object on stdout) or junit (XML).")
    var format: Format = .text

    @Option(help: "Write the report to this file instead of stdout.")
    var output: String?

    @Flag(help: "List suites and their case counts; run nothing.")
    var list = false

    @Option(help: "Only suites whose name starts with this.")
    var suite: String?

    @Option(help: "Only cases whose id contains this.")
    var filter: String?

    @Flag(help: "Stop at the first failure.")
    var failFast = false

    func run() async throws {
        let runner = ConformanceRunner()
        if list {
            for entry in await runner.list(paths: paths) where suite.map({ entry.suite.hasPrefix($0) }) ?? true {
                print("\(entry.suite)\t\(entry.cases)\t\(entry.file)")
            }
            return
        }
        let result = await runner.run(
            paths: paths, selection: .init(suite: suite, caseFilter: filter, failFast: failFast))
        let report: String
        switch format {
        case .text: report = TextReport.render(result)
        case .json: report = JSONReport.render(result)
        case .junit: report = JUnitReport.render(result)
        }
        if let output {
            try report.write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            print(report)
        }
        if format != .text {
            for line in TextReport.render(result).split(separator: "\n")
            where line.hasPrefix("FAIL") || line.hasPrefix("ERROR") {
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
        }
        if result.failed > 0 { throw ExitCode(1) }
    }
}
