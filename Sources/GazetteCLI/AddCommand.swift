import ArgumentParser
import Foundation
import GazetteKit

/// `gazette add URL --section ID`: look at a source, show what it holds, and add it to `feeds.json`.
struct AddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Fetch a URL (finding the feed of a web page), show what it holds, and add it to feeds.json.",
        discussion: """
            A web page that links several feeds: they are listed and the first is taken; --pick N takes \
            the N-th. A page with no feed but an obvious list of articles: a complete feeds.json entry \
            with a starting "html" rule is printed, to check and paste into "feeds".
            """)

    @Argument(help: "The feed or web page URL (or a file path relative to feeds.json).")
    var url: String

    @Option(name: .customLong("section"), help: "The section it feeds (repeat for several).")
    var sections: [String]

    @Option(help: "The display name of the source.")
    var name: String?

    @Option(help: "When the page links several feeds: take the N-th listed (1-based).")
    var pick: Int?

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard !sections.isEmpty else { throw ValidationError("give at least one --section") }
        if let pick, pick < 1 { throw ValidationError("--pick counts from 1") }
    }

    func run() async throws {
        _ = common.makeLogger()
        let config = try common.loadConfig()
        // Everything that can be checked without the network is checked first.
        let sectionProblems = config.undeclaredSectionProblems(sections)
        guard sectionProblems.isEmpty else {
            for problem in sectionProblems { Console.error("cannot add \(url): \(problem)") }
            throw ExitCode(2)
        }
        let location: URL
        switch SourceInspector.resolve(url, baseDirectory: config.baseDirectory) {
        case .success(let resolved): location = resolved
        case .failure(let problem):
            Console.error(problem.description)
            throw ExitCode(2)
        }
        if let listed = config.listedFeed(sameAs: location) {
            Console.error(Self.alreadyListed(url, listed.feed, index: listed.index, file: common.config))
            throw ExitCode(2)
        }
        switch await SourceInspector().inspect(location, pick: pick) {
        case .failed(let reason):
            Console.error("cannot add: \(reason)")
            throw ExitCode(1)
        case .noSuchPick(let page, let pick, let alternatives):
            Console.error(
                "cannot add: \(page.absoluteString) links \(RunSummary.count(alternatives.count, "feed", "feeds")), "
                    + "so there is no feed \(pick) to pick:\n" + Self.numbered(alternatives))
            throw ExitCode(2)
        case .page(let page, let suggestion):
            guard let suggestion else {
                Console.error(
                    "cannot add \(url): \(page.absoluteString) is a web page with no feed links and no obvious list of "
                        + "articles; write an \"html\" rule for it in feeds.json (see README, \"html rules\")")
                throw ExitCode(1)
            }
            print("\(page.absoluteString) has no feed, but it lists \(suggestion.itemCount) articles, e.g.:")
            for item in suggestion.sample.prefix(3) { print("  - \(item.title ?? item.link ?? item.id)") }
            print("A starting rule — check it, then paste this entry into the \"feeds\" list of \(common.config):")
            print(suggestion.feedEntry(url: url, sections: sections, name: name))
            throw ExitCode(1)
        case .feed(let feedURL, let parsed, let discoveredFrom, let alternatives, let chosen):
            if let page = discoveredFrom {
                if alternatives.count == 1 {
                    print("\(page.absoluteString) is a web page; it links one feed, \(feedURL.absoluteString)")
                } else {
                    print("\(page.absoluteString) is a web page; it links \(alternatives.count) feeds:")
                    print(Self.numbered(alternatives, chosen: chosen))
                    print("Using \(chosen + 1); run again with --pick N to take another.")
                }
            }
            let newest = parsed.items.max { ($0.published ?? .distantPast) < ($1.published ?? .distantPast) }
            print(
                "Found: \(parsed.title ?? "(untitled)") — \(parsed.format.rawValue), \(RunSummary.count(parsed.items.count, "item", "items"))"
            )
            if let newest { print("Newest: \(newest.title ?? newest.link ?? newest.id)") }
            let key = discoveredFrom == nil ? url : feedURL.absoluteString
            if discoveredFrom != nil, let listed = config.listedFeed(sameAs: feedURL) {
                Console.error(Self.alreadyListed(key, listed.feed, index: listed.index, file: common.config))
                throw ExitCode(2)
            }
            do {
                _ = try FeedsFileEditor(file: common.configURL).add(url: key, sections: sections, name: name ?? parsed.title)
            } catch {
                Console.error(error.description)
                throw ExitCode(2)
            }
            print(
                "Added \(key) to \(common.config) in \(sections.count == 1 ? "section" : "sections") \(sections.joined(separator: ", ")).")
        }
    }

    /// `  1. Title <url> (application/rss+xml)`, one line per feed, the taken one marked.
    static func numbered(_ feeds: [DiscoveredFeed], chosen: Int? = nil) -> String {
        feeds.enumerated().map { index, feed in
            let mark = index == chosen ? "*" : " "
            let title = feed.title.map { "\($0) " } ?? ""
            return " \(mark)\(index + 1). \(title)<\(feed.url.absoluteString)> (\(feed.type))"
        }.joined(separator: "\n")
    }

    static func alreadyListed(_ url: String, _ feed: FeedConfig, index: Int, file: String) -> String {
        let same = feed.key == url ? "" : " as \"\(feed.key)\""
        let name = feed.name.map { " (\($0))" } ?? ""
        return "\(url) is already listed\(same) at feeds[\(index)]\(name) in \(file); nothing was fetched or changed"
    }
}
