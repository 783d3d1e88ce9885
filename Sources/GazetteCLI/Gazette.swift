import ArgumentParser
import GazetteKit

/// The `gazette` command tree; every subcommand is a thin shell over GazetteKit.
@main
struct Gazette: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "Aggregate many feeds into clean, deduplicated, per-section Atom feeds.",
        version: GazetteVersion.version,
        subcommands: []
    )
}
