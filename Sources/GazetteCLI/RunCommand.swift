import ArgumentParser
import Foundation
import GazetteKit

/// `gazette run`: the cron job — fetch what is due, store what is new, republish the sections.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Fetch the feeds that are due, merge what is new, and republish the sections.",
        discussion: """
            Exit status: 0 when the run completed (failed feeds are reported but do not fail the run), \
            2 invalid configuration, 3 another run holds the lock, 4 unusable state database, \
            5 unusable output folder.
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: "Where to write the published files (default: the configuration's output folder).")
    var output: String?

    @Option(help: "The state database (default: .gazette/gazette.sqlite next to feeds.json).")
    var database: String?

    @Flag(help: "Fetch every feed, due or not (feeds that answered 410 Gone included).")
    var force = false

    @Flag(
        name: .customLong("dry-run"),
        help: "Fetch and parse, then list per section the entries that would be added and removed; write nothing.")
    var dryRun = false

    func run() async throws {
        let logger = common.makeLogger()
        let config = try common.loadConfig()
        let options = RunOptions(
            output: output.map { URL(fileURLWithPath: $0).standardizedFileURL },
            database: database.map { URL(fileURLWithPath: $0).standardizedFileURL },
            force: force, dryRun: dryRun)
        let showProgress = Console.isInteractive && !common.quiet && !common.verbose
        let runner = GazetteRunner(config: config, options: options, logger: logger)
        let summary: RunSummary
        do {
            summary = try await runner.run(progress: { done, total in
                if showProgress { Console.progress(done, total) }
            })
        } catch {
            if showProgress { Console.clearProgress() }
            Console.error(error.description)
            throw ExitCode(error.exitCode)
        }
        if showProgress { Console.clearProgress() }
        for line in summary.problemLines { Console.problem(line) }
        if !common.quiet {
            for note in summary.notes { Console.note(note) }
            for line in summary.lines { print(line) }
        }
    }
}
