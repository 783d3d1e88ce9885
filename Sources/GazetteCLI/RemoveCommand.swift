import ArgumentParser
import Foundation
import GazetteKit

/// `gazette remove URL`: take a source out of `feeds.json`, leaving the rest of the file as it was.
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a source from feeds.json (its stored articles expire in time).")

    @Argument(help: "The source's URL as listed in feeds.json (or the same feed written differently: http/https, a trailing /).")
    var url: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        _ = common.makeLogger()
        // Which entry goes, to say so: the URL as typed may differ from the one in the file.
        let before = try? GazetteConfig.load(from: common.configURL)
        let removed = before.flatMap { config -> (index: Int, feed: FeedConfig)? in
            if let index = config.feeds.firstIndex(where: { $0.key == url }) { return (index, config.feeds[index]) }
            guard case .success(let location) = SourceInspector.resolve(url, baseDirectory: config.baseDirectory) else { return nil }
            return config.listedFeed(sameAs: location)
        }
        do {
            _ = try FeedsFileEditor(file: common.configURL).remove(url: url)
        } catch {
            Console.error(error.description)
            throw ExitCode(2)
        }
        guard !common.quiet else { return }
        if let (index, feed) = removed {
            let name = feed.name.map { "\"\($0)\" " } ?? ""
            print(
                "Removed feeds[\(index)] \(name)<\(feed.key)> (\(feed.sections.count == 1 ? "section" : "sections") "
                    + "\(feed.sections.joined(separator: ", "))) from \(common.config).")
        } else {
            print("Removed \(url) from \(common.config).")
        }
    }
}
