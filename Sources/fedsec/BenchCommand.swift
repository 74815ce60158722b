import ArgumentParser
import FederationBench

/// `fedsec bench`: throughput of library operations and their ratio to the raw C call, measured in the same run.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark library operations against the raw libsodium/OpenSSL calls they wrap.",
        discussion: "Build with -c release: `swift run -c release fedsec bench`. Ratios are library ÷ raw throughput.")

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    @Option(help: "Rounds per benchmark; the ratio is the median over rounds of each round's median pair ratio.")
    var rounds = 5

    @Option(help: "Seconds per side of a round (with a baseline, a round alternates batches of both for twice this).")
    var seconds = 0.3

    @Option(help: "Only benchmarks whose name contains this text.")
    var filter: String?

    func validate() throws {
        guard (1...1000).contains(rounds) else { throw ValidationError("--rounds must be 1…1000") }
        guard seconds > 0, seconds <= 60 else { throw ValidationError("--seconds must be in (0, 60]") }
    }

    func run() throws {
        #if DEBUG
            let build = "debug"
        #else
            let build = "release"
        #endif
        let results = BenchmarkRunner.run(rounds: rounds, secondsPerMeasurement: seconds, filter: filter)
        if json {
            print(BenchmarkRunner.json(results, build: build))
        } else {
            if build == "debug" { print("warning: debug build; figures are meaningless. Use -c release.") }
            print(BenchmarkRunner.text(results))
        }
    }
}
