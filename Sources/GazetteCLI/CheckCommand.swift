import ArgumentParser
import Foundation
import GazetteKit

/// `gazette check`: validate `feeds.json` (every problem at once) without fetching anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate feeds.json and report every problem, without fetching.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        _ = common.makeLogger()
        let config = try common.loadConfig()
        if !common.quiet {
            let scraped = config.feeds.filter { $0.html != nil }.count
            print("\(common.config): OK — \(config.sections.count) sections, \(config.feeds.count) sources (\(scraped) HTML pages)")
        }
    }
}
