import ArgumentParser
import FederationConformance
import Foundation

/// `fedsec conformance`: run the vector suites against the library.
struct ConformanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Run conformance vectors against this library or an adapter (Spec/conformance.md).",
        discussion: """
            Exit status: 0 when every selected case passed or was skipped; 1 when any case failed or any vector \
            file or case is broken (each listed on standard error with --format json or junit); 2 when the \
            selection matched no case; 64 on a usage error. With --adapter, 1 also when the adapter does not \
            start or complete its hello.
            """,
        subcommands: [ConformanceMatrixCommand.self])

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

    @Flag(help: "Stop at the first failed or broken case.")
    var failFast = false

    @Option(help: "Run against this adapter command (started with /bin/sh -c) instead of the library in process.")
    var adapter: String?

    @Option(help: "Seconds an adapter may take for one case (default 10; its start and hello may take 30).")
    var timeout: Double = 10

    func validate() throws {
        guard timeout > 0, timeout <= 3600 else { throw ValidationError("--timeout must be in (0, 3600] seconds") }
    }

    func run() async throws {
        // `fedsec conformance matrix FILE… [--output F]`: the paths argument swallows the subcommand's name.
        if paths.first == "matrix" {
            var matrix = ConformanceMatrixCommand()
            matrix.reports = Array(paths.dropFirst())
            matrix.output = output
            try matrix.validate()
            try matrix.run()
            return
        }
        if list {
            try emit(listing(ConformanceRunner()))
            return
        }
        var launched: AdapterImplementation?
        if let adapter {
            do {
                launched = try await AdapterImplementation.launch(
                    command: adapter, options: .init(timeout: .milliseconds(Int64(timeout * 1000))))
            } catch {
                Self.printError("fedsec conformance: the adapter \(adapter) did not start: \(error)")
                throw ExitCode(1)
            }
        }
        let runner = ConformanceRunner(implementation: launched ?? LibraryImplementation())
        let result = await runner.run(
            paths: paths, selection: .init(suite: suite, caseFilter: filter, failFast: failFast))
        if let launched {
            let restarts = await launched.restarts
            if restarts > 0 { Self.printError("fedsec conformance: the adapter was restarted \(restarts) time(s)") }
            await launched.shutdown()
        }
        let report: String
        switch format {
        case .text: report = TextReport.render(result)
        case .json: report = JSONReport.render(result) + "\n"
        case .junit: report = JUnitReport.render(result)
        }
        try emit(report)
        if format != .text || output != nil {
            for line in TextReport.problemLines(result) { Self.printError(line) }
        }
        if result.failed > 0 { throw ExitCode(1) }
        if result.total == 0 {
            Self.printError("fedsec conformance: no case matched \(paths.joined(separator: " ")) with this selection")
            throw ExitCode(2)
        }
    }

    /// `suite  cases  file`, aligned; unreadable files say why.
    func listing(_ runner: ConformanceRunner) -> String {
        let entries = runner.list(paths: paths).filter { suite.map($0.suite.hasPrefix) ?? true }
        let width = (entries.map(\.suite.count).max() ?? 0) + 2
        let lines = entries.map { e in
            let name = e.suite.padding(toLength: width, withPad: " ", startingAt: 0)
            let count = (e.cases < 0 ? "-" : String(e.cases)).padding(toLength: 7, withPad: " ", startingAt: 0)
            return name + count + e.file + (e.error.map { "  (unreadable: \($0))" } ?? "")
        }
        let total = entries.reduce(0) { $0 + max(0, $1.cases) }
        return (lines + ["\(entries.count) suites, \(total) cases"]).joined(separator: "\n") + "\n"
    }

    func emit(_ text: String) throws {
        if let output {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
