import ArgumentParser
import Foundation
import GazetteKit

/// `gazette list`: every source with its health, so a person sees at a glance what is broken.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the sources with their health: last success, last error, items, next fetch.")

    @OptionGroup var common: CommonOptions

    @Option(help: "The state database (default: .gazette/gazette.sqlite next to feeds.json).")
    var database: String?

    func run() throws {
        _ = common.makeLogger()
        let config = try common.loadConfig()
        let path = database.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? config.defaults.database.path
        var states: [String: FeedFetchState] = [:]
        if FileManager.default.fileExists(atPath: path) {
            do {
                let store = try ArticleStore(path: path, readOnly: true)
                states = Dictionary(try store.allFetchStates().map { ($0.feedKey, $0) }) { a, _ in a }
            } catch {
                Console.error(error.description)
                throw ExitCode(4)
            }
        }
        for line in SourceHealth.lines(config: config, states: states, now: Date()) where !common.quiet || line.isProblem {
            print(line.text)
        }
    }
}
