import Foundation
import GRDB
import Testing

@testable import GazetteKit

/// What a reader of the published files sees for dates, links and credits, through the real
/// `gazette` binary and feeds served on the loopback interface.
@Suite(.serialized) struct PublishedDatesAndProvenanceEndToEndTests {
    /// The published Atom of `section`, as a small element tree.
    static func atom(_ workspace: GazetteRunEndToEndTests.Workspace, _ section: String) throws -> XMLNodeTree {
        try XMLNodeTree.parse(Data(contentsOf: workspace.output.appendingPathComponent("\(section).xml")))
    }

    /// Serves an RSS 1.0 feed dated by `dc:date` only, and two RSS feeds carrying the same story
    /// (the first with a tracking link and no author, the second with an author), plus an item
    /// dated 2099 with IRI links.
    static func makeWorkspace() throws -> GazetteRunEndToEndTests.Workspace {
        let server = try LoopbackHTTPServer()
        server.route("/archive.rdf", .ok(try Fixtures.data("Run/rss1-dcdate-only.rdf"), type: "application/rdf+xml"))
        server.route("/wire.xml", .ok(try Fixtures.data("Run/provenance-wire.xml"), type: "application/rss+xml"))
        server.route("/paper.xml", .ok(try Fixtures.data("Run/provenance-paper.xml"), type: "application/rss+xml"))
        let directory = try TemporaryDirectory()
        let json = """
            {
              "site": { "title": "Harbour Digest", "url": "https://digest.example.org/" },
              "sections": { "archive": { "title": "Archive" }, "harbour": { "title": "Harbour" } },
              "feeds": [
                { "url": "\(server.url("/archive.rdf").absoluteString)", "section": "archive" },
                { "url": "\(server.url("/wire.xml").absoluteString)", "section": "harbour" },
                { "url": "\(server.url("/paper.xml").absoluteString)", "section": "harbour" }
              ]
            }
            """
        try Data(json.utf8).write(to: directory.url.appendingPathComponent("feeds.json"))
        return GazetteRunEndToEndTests.Workspace(directory: directory, server: server)
    }

    @Test func dcDateOnlyItemsArePublishedWithTheirOwnDateAlsoFromAnOlderStore() throws {
        let workspace = try Self.makeWorkspace()
        defer { workspace.close() }
        let run = try workspace.run([])
        #expect(run.status == 0, "\(run.stderr)")

        func entryDates() throws -> [String: (published: String?, updated: String?)] {
            let feed = try Self.atom(workspace, "archive")
            var dates: [String: (String?, String?)] = [:]
            for entry in feed.all("entry") {
                dates[entry.first("title")?.text ?? ""] = (entry.first("published")?.text, entry.first("updated")?.text)
            }
            return dates
        }
        let expected = [
            "Minutes of the March meeting": "2025-03-12T19:30:00Z",
            "Minutes of the February meeting": "2025-02-11T18:30:00Z",
        ]
        for (title, date) in expected {
            let dates = try #require(try entryDates()[title], "\(title)")
            #expect(dates.published == date, "\(title): published \(dates.published ?? "nil")")
            #expect(dates.updated == date, "\(title): updated \(dates.updated ?? "nil")")
        }

        // A store written before `dc:date` counted as a publication date has no `published` at all:
        // the next `publish` (the server is gone: nothing is fetched) still publishes the real date.
        workspace.server.stop()
        let queue = try DatabaseQueue(path: workspace.database.path)
        try queue.write { db in try db.execute(sql: "UPDATE article SET published = NULL") }
        try FileManager.default.removeItem(at: workspace.output)
        let publish = try GazetteBinary.run(["publish", "--config", workspace.config.path], in: workspace.directory.url)
        #expect(publish.status == 0, "\(publish.stderr)")
        for (title, date) in expected {
            let dates = try #require(try entryDates()[title], "\(title)")
            #expect(dates.published == date, "\(title): published \(dates.published ?? "nil") after publish")
            #expect(dates.updated == date, "\(title): updated \(dates.updated ?? "nil") after publish")
        }
    }

    @Test func aFutureDateDoesNotLeadTheSectionNorSetItsUpdated() throws {
        let workspace = try Self.makeWorkspace()
        defer { workspace.close() }
        let before = Date()
        let run = try workspace.run([])
        let after = Date()
        #expect(run.status == 0, "\(run.stderr)")
        let feed = try Self.atom(workspace, "harbour")
        let latest = PublishDate.rfc3339(after.addingTimeInterval(1))
        let earliest = PublishDate.rfc3339(before.addingTimeInterval(-1))
        let festival = try #require(feed.all("entry").first { $0.first("title")?.text == "Festival programme announced for the year" })
        // Dated 2099 by its feed: published and ordered by the time Gazette first saw it.
        for name in ["published", "updated"] {
            let value = try #require(festival.first(name)?.text)
            #expect(value >= earliest && value <= latest, "\(name) \(value) not the first-seen time")
        }
        let sectionUpdated = try #require(feed.first("updated")?.text)
        #expect(sectionUpdated <= latest, "section updated \(sectionUpdated)")
        #expect(
            !String(decoding: try Data(contentsOf: workspace.output.appendingPathComponent("harbour.json")), as: UTF8.self).contains("2099")
        )
    }

    @Test func mergedStoryPublishesTheCanonicalLinkAndCreditsTheCopyNamedAsItsSource() throws {
        let workspace = try Self.makeWorkspace()
        defer { workspace.close() }
        let run = try workspace.run([])
        #expect(run.status == 0, "\(run.stderr)")
        let feed = try Self.atom(workspace, "harbour")
        let story = try #require(feed.all("entry").first { $0.first("title")?.text == "Harbour wall repairs begin next week" })
        let alternate = story.all("link").first { $0.attributes["rel"] == "alternate" }
        #expect(alternate?.attributes["href"] == "https://harbour.example.org/news/wall-repairs?id=7")
        // The wire's copy (seen first) is the `atom:source`; it names no author, so the wire is
        // credited — not the paper's reporter.
        #expect(story.first("source")?.first("title")?.text == "Regional Wire")
        #expect(story.all("author").compactMap { $0.first("name")?.text } == ["Regional Wire"])
        #expect(story.first("source")?.first("id")?.text == workspace.server.url("/wire.xml").absoluteString)

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: workspace.output.appendingPathComponent("harbour.json")))
        let items = try #require((json as? [String: Any])?["items"] as? [[String: Any]])
        let item = try #require(items.first { $0["title"] as? String == "Harbour wall repairs begin next week" })
        #expect(item["url"] as? String == "https://harbour.example.org/news/wall-repairs?id=7")
        #expect((item["authors"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Regional Wire"])
        let also = try #require(((item["_gazette"] as? [String: Any])?["also_reported_by"]) as? [[String: Any]])
        #expect(also.count == 1)
        #expect(also.first?["title"] as? String == "Harbour Gazette")
        #expect(also.first?["home_page_url"] as? String == "https://paper.example.com/")
        #expect(also.first?["url"] as? String == "https://harbour.example.org/news/wall-repairs?id=7")
        #expect(also.first?["feed_url"] as? String == workspace.server.url("/paper.xml").absoluteString)
    }

    @Test func iriLinksArePublishedAsURIsInEveryFile() throws {
        let workspace = try Self.makeWorkspace()
        defer { workspace.close() }
        let run = try workspace.run([])
        #expect(run.status == 0, "\(run.stderr)")
        let link = "https://xn--bcher-kva.example/programm/kampagne-%C3%BCberspringen"
        let enclosure = "https://cdn.example.net/bilder/kampagne-%C3%BCberspringen_6229193.jpg"
        let atom = String(decoding: try Data(contentsOf: workspace.output.appendingPathComponent("harbour.xml")), as: UTF8.self)
        #expect(atom.contains("href=\"\(link)\""))
        #expect(atom.contains("href=\"\(enclosure)\""))
        let json = String(decoding: try Data(contentsOf: workspace.output.appendingPathComponent("harbour.json")), as: UTF8.self)
        #expect(json.contains("\"\(link)\"") && json.contains("\"\(enclosure)\""))
        let index = String(decoding: try Data(contentsOf: workspace.output.appendingPathComponent("index.html")), as: UTF8.self)
        #expect(index.contains("href=\"\(link)\""))
        for text in [atom, json, index] {
            #expect(!text.contains("überspringen") && !text.contains("bücher"))
        }
    }
}
