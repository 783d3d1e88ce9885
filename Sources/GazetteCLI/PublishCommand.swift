import ArgumentParser
import Foundation
import GazetteKit

/// `gazette publish`: rewrite the output from the store without fetching anything.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Republish every section from the stored articles, without fetching.")

    @OptionGroup var common: CommonOptions

    @Option(help: "Where to write the published files (default: the configuration's output folder).")
    var output: String?

    @Option(help: "The state database (default: .gazette/gazette.sqlite next to feeds.json).")
    var database: String?

    func run() throws {
        _ = common.makeLogger()
        let config = try common.loadConfig()
        let options = RunOptions(
            output: output.map { URL(fileURLWithPath: $0).standardizedFileURL },
            database: database.map { URL(fileURLWithPath: $0).standardizedFileURL })
        let output = options.outputDirectory(for: config)
        let retired = RetiredSectionFiles.find(in: output, sectionIDs: config.sections.map(\.id))
        if let warning = RetiredSectionFiles.warning(retired, in: output) { Console.problem(warning) }
        do {
            let report = try GazetteRunner(config: config, options: options).publish()
            if !common.quiet {
                let written = RunSummary.count(report.written.count, "file", "files")
                print("\(written) written, \(report.unchanged.count) unchanged; files in \(options.outputDirectory(for: config).path)")
            }
        } catch {
            Console.error(error.description)
            throw ExitCode(error.exitCode)
        }
    }
}
