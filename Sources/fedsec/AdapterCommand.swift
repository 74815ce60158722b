import ArgumentParser
import FederationConformance

/// `fedsec adapter`: serve the adapter protocol for this library on standard input and output.
struct AdapterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adapter",
        abstract: "Serve the conformance adapter protocol for this library (Spec/conformance.md).",
        discussion: """
            Reads one JSON request per line on standard input and writes one JSON answer per line on standard \
            output, until end of input. `fedsec conformance --adapter "fedsec adapter"` runs every vector through \
            this path. Exit status 1 when a request line exceeds 16 MiB or an answer cannot be written.
            """)

    func run() async throws {
        guard await AdapterServer().serve() else { throw ExitCode(1) }
    }
}
