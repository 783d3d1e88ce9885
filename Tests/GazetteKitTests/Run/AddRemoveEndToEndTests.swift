import Foundation
import Testing

@testable import GazetteKit

/// `gazette add` and `gazette remove` as a new user meets them, through the real binary.
@Suite(.serialized) struct AddRemoveEndToEndTests {
    static func config(feeds: String = "") -> String {
        """
        {
          "site": { "title": "Test Digest", "url": "https://digest.example.org/feeds/" },
          "sections": {
            "housing": { "title": "Housing" },
            "finance": { "title": "Finance" }
          },
          "feeds": [\(feeds)]
        }
        """
    }

    @Test func theSuggestedEntryPastedIntoFeedsPassesCheckAndScrapesThePage() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        server.route("/childrens-services/", .ok(try Fixtures.data("Run/listing.html"), type: "text/html"))
        let config = directory.url.appendingPathComponent("feeds.json")
        try Data(Self.config().utf8).write(to: config)
        let page = server.url("/childrens-services/").absoluteString

        let suggested = try GazetteBinary.run(["add", page, "--section", "housing", "--name", "Trade Weekly", "--config", config.path])
        #expect(suggested.status == 1, "\(suggested.stderr)")
        #expect(!suggested.stdout.contains("\"html\": \"html\""), "\(suggested.stdout)")
        // The printed entry is everything from the line that opens it; paste it into "feeds" as told.
        let lines = suggested.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0 == "{" }, "\(suggested.stdout)")
        let entry = lines[start...].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        try Data(Self.config(feeds: "\n    " + entry + "\n  ").utf8).write(to: config)

        let check = try GazetteBinary.run(["check", "--config", config.path])
        #expect(check.status == 0, "\(check.stderr)\n\(entry)")
        let run = try GazetteBinary.run(["run", "--config", config.path])
        #expect(run.status == 0, "\(run.stderr)")
        let atom = directory.url.appendingPathComponent("output/housing.xml")
        let published = try FeedParser().parse(Data(contentsOf: atom), url: atom)
        #expect(published.items.contains { $0.title == "Closing up the support gap" }, "\(published.items.map(\.title))")
    }

    @Test func aPageWithSeveralFeedsListsThemAndPickChoosesOne() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        server.route(
            "/news",
            .ok(
                """
                <!DOCTYPE html><html><head><title>Council news</title>
                <link rel="alternate" type="application/rss+xml" title="All news" href="/news/all.xml">
                <link rel="alternate" type="application/atom+xml" title="Wire" href="/news/wire.atom">
                </head><body></body></html>
                """, type: "text/html"))
        server.route("/news/all.xml", .ok(try Fixtures.data("Run/county-news.xml"), type: "application/rss+xml"))
        server.route("/news/wire.atom", .ok(try Fixtures.data("Run/digest-wire.atom"), type: "application/atom+xml"))
        let config = directory.url.appendingPathComponent("feeds.json")
        try Data(Self.config().utf8).write(to: config)

        let first = try GazetteBinary.run(["add", server.url("/news").absoluteString, "--section", "housing", "--config", config.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("links 2 feeds"), "\(first.stdout)")
        #expect(first.stdout.contains("1. All news <\(server.url("/news/all.xml").absoluteString)>"), "\(first.stdout)")
        #expect(first.stdout.contains("2. Wire <\(server.url("/news/wire.atom").absoluteString)>"), "\(first.stdout)")
        #expect(first.stdout.contains("Using 1; run again with --pick N"), "\(first.stdout)")

        let second = try GazetteBinary.run([
            "add", server.url("/news").absoluteString, "--section", "finance", "--pick", "2", "--config", config.path,
        ])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Found: Local Democracy Wire"), "\(second.stdout)")
        let keys = try GazetteConfig.load(from: config).feeds.map(\.key)
        #expect(keys == [server.url("/news/all.xml").absoluteString, server.url("/news/wire.atom").absoluteString])

        let tooFar = try GazetteBinary.run([
            "add", server.url("/news").absoluteString, "--section", "finance", "--pick", "3", "--config", config.path,
        ])
        #expect(tooFar.status == 2)
        #expect(tooFar.stderr.contains("no feed 3 to pick"), "\(tooFar.stderr)")
    }

    @Test func problemsKnownWithoutTheNetworkAreReportedBeforeFetching() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        server.route("/feed.xml", .ok(try Fixtures.data("Run/county-news.xml"), type: "application/rss+xml"))
        let listed = server.url("/feed.xml").absoluteString
        let config = directory.url.appendingPathComponent("feeds.json")
        try Data(Self.config(feeds: "{ \"url\": \"\(listed)\", \"section\": \"finance\", \"name\": \"County\" }").utf8).write(to: config)
        let original = try String(contentsOf: config, encoding: .utf8)

        let section = try GazetteBinary.run([
            "add", server.url("/other.xml").absoluteString, "--section", "housng", "--config", config.path,
        ])
        #expect(section.status == 2)
        #expect(
            section.stderr.contains("\"housng\" is not declared") && section.stderr.contains("did you mean \"housing\""),
            "\(section.stderr)")
        #expect(!section.stderr.contains("feeds["), "\(section.stderr)")

        // The https:// copy of a listed http:// feed: "already listed", without a TLS handshake with a plain-HTTP server.
        let copy = "https://" + listed.dropFirst("http://".count)
        let again = try GazetteBinary.run(["add", copy, "--section", "housing", "--config", config.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already listed as \"\(listed)\" at feeds[0] (County)"), "\(again.stderr)")
        #expect(server.requestCount() == 0)
        #expect(try String(contentsOf: config, encoding: .utf8) == original)
    }

    @Test func aMissingAddressIsNotCalledAURLInFeedsJSON() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let config = directory.url.appendingPathComponent("feeds.json")
        try Data(Self.config().utf8).write(to: config)
        let result = try GazetteBinary.run([
            "add", server.url("/missing.xml").absoluteString, "--section", "housing", "--config", config.path,
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("404 Not Found"), "\(result.stderr)")
        #expect(!result.stderr.contains("feeds.json"), "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: server.url("/missing.xml").absoluteString).count == 2, "URL once: \(result.stderr)")
    }

    @Test func removeSaysWhichEntryItRemoved() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let config = directory.url.appendingPathComponent("feeds.json")
        let feeds = """
            { "url": "http://news.example.org/a.xml", "section": "finance" },
                { "url": "http://news.example.org/b.xml", "section": ["housing", "finance"], "name": "Bee News" }
            """
        try Data(Self.config(feeds: feeds).utf8).write(to: config)
        let result = try GazetteBinary.run(["remove", "https://NEWS.example.org/b.xml/", "--config", config.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains("Removed feeds[1] \"Bee News\" <http://news.example.org/b.xml> (sections housing, finance)"),
            "\(result.stdout)")
        #expect(try GazetteConfig.load(from: config).feeds.map(\.key) == ["http://news.example.org/a.xml"])
    }
}
