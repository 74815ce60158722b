import ArgumentParser

@main
struct FedSec: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fedsec",
        abstract: "FederationSecurity: conformance runs, keys, tokens, requests and benchmarks.",
        subcommands: [BenchCommand.self, KeyCommand.self, EnvelopeCommand.self]
    )
}
