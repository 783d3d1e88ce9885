import ArgumentParser
import Foundation
import GazetteKit

/// `gazette add URL --section ID`: look at a source, show what it holds, and add it to `feeds.json`.
struct AddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Fetch a URL (finding the feed of a web page), show what it holds, and add it to feeds.json.")

    @Argument(help: "The feed or web page URL (or a file path relative to feeds.json).")
    var url: String

    @Option(name: .customLong("section"), help: "The section it feeds (repeat for several).")
    var sections: [String]

    @Option(help: "The display name of the source.")
    var name: String?

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard !sections.isEmpty else { throw ValidationError("give at least one --section") }
    }

    func run() async throws {
        _ = common.makeLogger()
        let config = try common.loadConfig()
        let location: URL
        switch SourceInspector.resolve(url, baseDirectory: config.baseDirectory) {
        case .success(let resolved): location = resolved
        case .failure(let problem):
            Console.error(problem.description)
            throw ExitCode(2)
        }
        switch await SourceInspector().inspect(location) {
        case .failed(let reason):
            Console.error("cannot add \(url): \(reason)")
            throw ExitCode(1)
        case .page(let page, let suggestion):
            guard let suggestion else {
                Console.error(
                    "cannot add \(url): \(page.absoluteString) is a web page with no feed links and no obvious list of "
                        + "articles; write an \"html\" rule for it in feeds.json (see README)")
                throw ExitCode(1)
            }
            print("\(page.absoluteString) has no feed, but it lists \(suggestion.itemCount) articles, e.g.:")
            for item in suggestion.sample.prefix(3) { print("  - \(item.title ?? item.link ?? item.id)") }
            print("A starting rule — check it, then add this entry to \"feeds\" in \(common.config):")
            let sectionJSON = sections.count == 1 ? "\"\(sections[0])\"" : "[" + sections.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
            print("{ \"url\": \"\(url)\", \"section\": \(sectionJSON), \"html\": \(suggestion.description) }")
            throw ExitCode(1)
        case .feed(let feedURL, let parsed, let discoveredFrom, let alternatives):
            if let page = discoveredFrom {
                print("\(page.absoluteString) is a web page; it links to \(alternatives.count) feed(s), using \(feedURL.absoluteString)")
            }
            let newest = parsed.items.max { ($0.published ?? .distantPast) < ($1.published ?? .distantPast) }
            print("Found: \(parsed.title ?? "(untitled)") — \(parsed.format.rawValue), \(parsed.items.count) items")
            if let newest { print("Newest: \(newest.title ?? newest.link ?? newest.id)") }
            let key = discoveredFrom == nil ? url : feedURL.absoluteString
            do {
                _ = try FeedsFileEditor(file: common.configURL).add(url: key, sections: sections, name: name ?? parsed.title)
            } catch {
                Console.error(error.description)
                throw ExitCode(2)
            }
            print("Added \(key) to \(common.config) in section \(sections.joined(separator: ", ")).")
        }
    }
}
