import Foundation
import Testing

@testable import GazetteKit

/// `gazette check` and the help texts, as a new user reads them.
@Suite(.serialized) struct CheckAndHelpEndToEndTests {
    static func config(feeds: String, sections: String = "\"news\": { \"title\": \"News\" }") -> String {
        """
        {
          "site": { "title": "T", "url": "https://t.example/" },
          "sections": { \(sections) },
          "feeds": [
            \(feeds)
          ]
        }
        """
    }

    @Test func webAddressesWithoutASchemeAreCaughtByCheckWithTheFullAddress() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let typed = [
            ("example.org/rss.xml", "https://example.org/rss.xml"),
            ("feeds.bbci.co.uk/news/rss.xml", "https://feeds.bbci.co.uk/news/rss.xml"),
            ("127.0.0.1:8701/feed.xml", "http://127.0.0.1:8701/feed.xml"),
            ("https//example.com/rss", "https://example.com/rss"),
            ("localhost:8080/feed", "http://localhost:8080/feed"),
        ]
        let feeds = typed.map { "{ \"url\": \"\($0.0)\", \"section\": \"news\" }" }.joined(separator: ",\n    ")
        let config = directory.url.appendingPathComponent("feeds.json")
        try Data(Self.config(feeds: feeds).utf8).write(to: config)
        let check = try GazetteBinary.run(["check", "--config", config.path])
        #expect(check.status == 2)
        for (index, (text, fixed)) in typed.enumerated() {
            let line = check.stderr.split(separator: "\n").first { $0.contains("feeds[\(index)].url") }
            #expect(line?.contains("\"\(text)\" is not a file") == true, "\(check.stderr)")
            #expect(line?.contains("did you mean \"\(fixed)\"?") == true, "\(check.stderr)")
        }
    }

    @Test func aPathThatExistsStaysAPathWhateverItLooksLike() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = directory.url.appendingPathComponent("example.org")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Fixtures.data("Run/care-bulletin.xml").write(to: folder.appendingPathComponent("rss.xml"))
        let config = directory.url.appendingPathComponent("feeds.json")
        try Data(Self.config(feeds: "{ \"url\": \"example.org/rss.xml\", \"section\": \"news\" }").utf8).write(to: config)
        let check = try GazetteBinary.run(["check", "--config", config.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("OK — 1 section, 1 source"), "\(check.stdout)")
        #expect(!check.stdout.contains("HTML page"), "\(check.stdout)")
    }

    @Test func anInvalidXPathIsReportedInTheSamePassWithItsLineAndColumn() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let feeds = """
            { "url": "https://a.example/feed.xml", "section": "newz" },
                { "url": "https://b.example/news/", "section": "news",
                  "html": { "item": "//article", "link": ".//h2/a/@@href" } }
            """
        let config = directory.url.appendingPathComponent("feeds.json")
        try Data(Self.config(feeds: feeds).utf8).write(to: config)
        let check = try GazetteBinary.run(["check", "--config", config.path])
        #expect(check.status == 2)
        let lines = check.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix("has 2 problems:") == true, "\(check.stderr)")
        #expect(
            lines.contains { $0.hasSuffix("feeds.json:5:55: error: feeds[0].section: unknown section \"newz\"; did you mean \"news\"?") },
            "\(check.stderr)")
        let xpath = try #require(lines.first { $0.contains("@@href") }, "\(check.stderr)")
        #expect(xpath.contains("feeds.json:7:46: error: feeds[1].html.link: invalid XPath expression \".//h2/a/@@href\""), "\(xpath)")
        #expect(xpath.components(separatedBy: "feeds[1]").count == 2, "the key path once: \(xpath)")
    }

    @Test func pluralsReadRight() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let config = directory.url.appendingPathComponent("feeds.json")
        let feeds = """
            { "url": "https://a.example/news/", "section": "news", "html": { "item": "//article", "title": ".//h2" } },
                { "url": "https://b.example/feed.xml", "section": "news" }
            """
        try Data(Self.config(feeds: feeds).utf8).write(to: config)
        let check = try GazetteBinary.run(["check", "--config", config.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("OK — 1 section, 2 sources (1 HTML page)"), "\(check.stdout)")
    }

    /// Help text with its line wrapping undone.
    static func help(_ arguments: [String]) throws -> String {
        try GazetteBinary.run(arguments).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func helpTextsMatchTheTool() throws {
        let bench = try GazetteBinary.run(["bench", "--help"])
        let benchText = try Self.help(["bench", "--help"])
        for name in ["config", "fetch", "html", "parse", "publish", "store"] {
            #expect(bench.stdout.contains("  \(name) "), "\(name): \(bench.stdout)")
        }
        #expect(benchText.contains("config, fetch, html, parse, publish or store"), "\(benchText)")
        for command in ["check", "list", "add", "remove", "publish", "run"] {
            let help = try Self.help([command, "--help"])
            #expect(!help.contains("cron mail"), "\(command): \(help)")
            #expect(!help.contains("shared/"), "\(command): \(help)")
        }
        let run = try Self.help(["run", "--help"])
        #expect(run.contains("list per section the entries that would be added and removed"), "\(run)")
        let parse = try Self.help(["parse", "--help"])
        #expect(parse.contains("docs/parse-json.md") && !parse.contains("shared/"), "\(parse)")
    }
}
