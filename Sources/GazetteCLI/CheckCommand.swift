import ArgumentParser
import Foundation
import GazetteKit

/// `gazette check`: validate `feeds.json` (every problem at once) without fetching anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate feeds.json and report every problem, without fetching.",
        discussion: "Also warns about section files in the output folder that no section of feeds.json writes any more.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        _ = common.makeLogger()
        let config = try common.loadConfig()
        let output = config.defaults.output
        let retired = RetiredSectionFiles.find(in: output, sectionIDs: config.sections.map(\.id))
        if let warning = RetiredSectionFiles.warning(retired, in: output) { Console.problem(warning) }
        if !common.quiet {
            let scraped = config.feeds.filter { $0.html != nil }.count
            let sections = RunSummary.count(config.sections.count, "section", "sections")
            let sources = RunSummary.count(config.feeds.count, "source", "sources")
            let pages = scraped == 0 ? "" : " (\(RunSummary.count(scraped, "HTML page", "HTML pages")))"
            print("\(common.config): OK — \(sections), \(sources)\(pages)")
        }
    }
}
