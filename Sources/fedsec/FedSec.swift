import ArgumentParser

@main
struct FedSec: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fedsec",
        abstract: "FederationSecurity: conformance runs, keys, tokens, requests and benchmarks.",
        subcommands: [
            ConformanceCommand.self, KeyCommand.self, EnvelopeCommand.self, TokenCommand.self, BenchCommand.self,
            AdapterCommand.self,
            ManifestCommand.self, TrustCommand.self,
            RequestCommand.self,
            UCANCommand.self,
        ]
    )
}
