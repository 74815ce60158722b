import ArgumentParser
import FederationConformance
import Foundation

/// `fedsec conformance matrix`: the Markdown interop matrix from several JSON reports.
struct ConformanceMatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Write the interop matrix (suite × implementation) from JSON reports of several runs.",
        discussion: """
            Each FILE is the output of `fedsec conformance --format json` for one implementation; columns keep the \
            order of the files. Cells are passed / failed / skipped (failed includes errors).
            """)

    @Argument(help: "JSON reports, one per implementation.")
    var reports: [String] = []

    @Option(help: "Write the table to this file instead of stdout.")
    var output: String?

    func validate() throws {
        guard !reports.isEmpty else { throw ValidationError("name at least one JSON report") }
    }

    func run() throws {
        var columns: [InteropMatrix.Column] = []
        for path in reports {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            do {
                columns.append(try InteropMatrix.column(fromReport: text))
            } catch {
                ConformanceCommand.printError("fedsec conformance matrix: \(path): \(error)")
                throw ExitCode(1)
            }
        }
        let table = InteropMatrix.markdown(columns)
        if let output {
            try table.write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            FileHandle.standardOutput.write(Data(table.utf8))
        }
    }
}
