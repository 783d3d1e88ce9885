import Foundation
import Testing

@testable import GazetteKit

/// `gazette add`, `remove`, `list`, `check` and `publish`, run as the real binary.
@Suite(.serialized) struct GazetteCommandsEndToEndTests {
    static let baseConfig = """
        {
          "site": { "title": "Test Digest", "url": "https://digest.example.org/feeds/" },
          "sections": {
            "housing": { "title": "Housing" },
            "finance": { "title": "Finance" }
          },
          "feeds": [
            { "url": "feeds/local.xml", "section": "finance" }
          ]
        }
        """

    @Test func addFindsTheFeedOfAPageShowsItAndEditsFeedsJSON() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        server.route(
            "/news",
            .ok(
                """
                <!DOCTYPE html><html><head><title>Council news</title>
                <link rel="alternate" type="application/rss+xml" title="News" href="/news/feed.xml">
                </head><body><h1>News</h1></body></html>
                """, type: "text/html"))
        server.route("/news/feed.xml", .ok(try Fixtures.data("Run/county-news.xml"), type: "application/rss+xml"))
        let config = directory.url.appendingPathComponent("feeds.json")
        try Data(Self.baseConfig.utf8).write(to: config)

        let added = try GazetteBinary.run(["add", server.url("/news").absoluteString, "--section", "housing", "--config", config.path])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Northshire County Council news"), "\(added.stdout)")
        #expect(added.stdout.contains("2 items"), "\(added.stdout)")
        #expect(added.stdout.contains("Newest: Council budget approved after long debate"), "\(added.stdout)")
        let loaded = try GazetteConfig.load(from: config)
        #expect(loaded.feeds.map(\.key) == ["feeds/local.xml", server.url("/news/feed.xml").absoluteString])
        #expect(loaded.feeds.last?.sections == ["housing"])

        let again = try GazetteBinary.run([
            "add", server.url("/news/feed.xml").absoluteString, "--section", "finance", "--config", config.path,
        ])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already"), "\(again.stderr)")

        let removed = try GazetteBinary.run(["remove", server.url("/news/feed.xml").absoluteString, "--config", config.path])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try String(contentsOf: config, encoding: .utf8) == Self.baseConfig)
    }

    @Test func addOnAPageWithoutFeedOffersAStartingRule() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        server.route("/childrens-services/", .ok(try Fixtures.data("Run/listing.html"), type: "text/html"))
        let config = directory.url.appendingPathComponent("feeds.json")
        try Data(Self.baseConfig.utf8).write(to: config)
        let result = try GazetteBinary.run(
            ["add", server.url("/childrens-services/").absoluteString, "--section", "housing", "--config", config.path])
        #expect(result.status != 0)
        #expect(result.stdout.contains("\"item\""), "\(result.stdout)")
        #expect(result.stdout.contains("Closing up the support gap"), "\(result.stdout)")
        #expect(try String(contentsOf: config, encoding: .utf8) == Self.baseConfig)
    }

    @Test func listShowsHealthAndPublishRewritesFromTheStore() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        server.route("/good.xml", .ok(try Fixtures.data("Run/care-bulletin.xml"), type: "application/rss+xml"))
        server.route("/missing.xml", .status(404))
        server.route("/old.xml", .status(410))
        let config = directory.url.appendingPathComponent("feeds.json")
        let json = """
            {
              "site": { "title": "Test Digest", "url": "https://digest.example.org/feeds/" },
              "defaults": { "interval": "2h" },
              "sections": { "care": { "title": "Care" } },
              "feeds": [
                { "url": "\(server.url("/good.xml").absoluteString)", "section": "care", "name": "Good" },
                { "url": "\(server.url("/missing.xml").absoluteString)", "section": "care", "name": "Missing" },
                { "url": "\(server.url("/old.xml").absoluteString)", "section": "care", "name": "Old" }
              ]
            }
            """
        try Data(json.utf8).write(to: config)
        let run = try GazetteBinary.run(["run", "--config", config.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1 fetched, 0 not modified, 1 failed, 1 gone"), "\(run.stdout)")

        let list = try GazetteBinary.run(["list", "--config", config.path])
        #expect(list.status == 0, "\(list.stderr)")
        let lines = list.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first { $0.hasPrefix("Good") }?.contains(" — 1 item — ") == true, "\(lines)")
        // feeds.json's default interval decides the next fetch (2 h, not the built-in 30 min).
        #expect(
            lines.first { $0.hasPrefix("Good") }?.contains("next fetch in 1h 59m") == true
                || lines.first { $0.hasPrefix("Good") }?.contains("next fetch in 2h") == true, "\(lines)")
        #expect(lines.first { $0.hasPrefix("Missing") }?.contains("404") == true, "\(lines)")
        #expect(lines.first { $0.hasPrefix("Old") }?.contains("GONE") == true, "\(lines)")
        let quiet = try GazetteBinary.run(["list", "--quiet", "--config", config.path])
        #expect(quiet.stdout.split(separator: "\n").count == 2, "\(quiet.stdout)")

        let atom = directory.url.appendingPathComponent("output/care.xml")
        try FileManager.default.removeItem(at: atom)
        let publish = try GazetteBinary.run(["publish", "--config", config.path])
        #expect(publish.status == 0, "\(publish.stderr)")
        let feed = try FeedParser().parse(Data(contentsOf: atom), url: atom)
        #expect(feed.items.map(\.title) == ["Carers' allowance review published"])
    }
}
