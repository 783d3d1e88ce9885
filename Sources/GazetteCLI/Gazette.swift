import ArgumentParser
import GazetteKit

/// The `gazette` command tree; every subcommand is a thin shell over GazetteKit.
@main
struct Gazette: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "Aggregate many feeds into clean, deduplicated, per-section Atom feeds.",
        version: GazetteVersion.version,
        subcommands: [
            RunCommand.self, CheckCommand.self, ListCommand.self, AddCommand.self, RemoveCommand.self,
            PublishCommand.self, ParseCommand.self, Bench.self,
        ]
    )
}

/// `gazette bench …`: reproducible benchmarks of each pipeline stage.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure a pipeline stage: config, fetch, html, parse, publish or store.",
        subcommands: [
            BenchConfigCommand.self, BenchFetchCommand.self, BenchHTMLSourceCommand.self, BenchParseCommand.self, BenchPublishCommand.self,
            BenchStoreCommand.self,
        ]
    )
}
