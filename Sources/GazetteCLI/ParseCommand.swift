import ArgumentParser
import Foundation
import GazetteKit

/// `gazette parse FILE`: shows what Gazette reads from one feed document (a summary, or the contract JSON).
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse one feed file and print what Gazette reads from it.")

    @Argument(help: "The feed document (RSS, RDF, Atom or JSON Feed).")
    var file: String

    @Option(name: .customLong("base-url"), help: "The URL the document came from (default: file:// + its path).")
    var baseURL: String?

    @Option(help: "The charset an HTTP Content-Type header would have given.")
    var charset: String?

    @Flag(help: "Print the JSON described in docs/parse-json.md instead of a summary.")
    var json = false

    func run() throws {
        let fileURL = URL(fileURLWithPath: file)
        let data: Data
        do {
            data = try Data(contentsOf: fileURL)
        } catch {
            FileHandle.standardError.write(Data("gazette parse: \(file): cannot read the file (\(error.localizedDescription))\n".utf8))
            throw ExitCode(2)
        }
        let base = baseURL.flatMap { URL(string: $0) } ?? fileURL.standardizedFileURL
        let feed: ParsedFeed
        do {
            feed = try FeedParser().parse(data, url: base, httpCharset: charset)
        } catch {
            FileHandle.standardError.write(Data("gazette parse: \(file): \(Self.reason(error))\n".utf8))
            throw ExitCode(1)
        }
        print(json ? feed.contractJSON() : feed.summary())
    }

    private static func reason(_ error: FeedParseError) -> String {
        switch error {
        case .notAFeed(_, let reason): "not a feed: \(reason)"
        case .empty: "the file is empty"
        }
    }
}
