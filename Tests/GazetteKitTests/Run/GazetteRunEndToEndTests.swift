import Foundation
import Testing

@testable import GazetteKit

/// Drives the real `gazette` binary against feeds served by a loopback HTTP server, and reads the
/// published Atom back with Gazette's own parser.
@Suite(.serialized) struct GazetteRunEndToEndTests {
    /// A temporary folder holding a feeds.json whose sources live on `server`.
    struct Workspace {
        let directory: TemporaryDirectory
        let server: LoopbackHTTPServer
        var config: URL { directory.url.appendingPathComponent("feeds.json") }
        var output: URL { directory.url.appendingPathComponent("output") }
        var database: URL { directory.url.appendingPathComponent(".gazette/gazette.sqlite") }

        func run(_ arguments: [String]) throws -> GazetteBinary.Result {
            try GazetteBinary.run(["run", "--config", config.path] + arguments, in: directory.url)
        }

        func published(_ section: String) throws -> ParsedFeed {
            let url = output.appendingPathComponent("\(section).xml")
            return try FeedParser().parse(Data(contentsOf: url), url: url)
        }

        func close() {
            server.stop()
            directory.remove()
        }
    }

    /// Serves three good feeds (two carrying the same story), a 304-capable feed, a broken feed and an
    /// HTML listing page, and writes a feeds.json with sections for them.
    static func makeWorkspace() throws -> Workspace {
        let server = try LoopbackHTTPServer()
        let county = try Fixtures.data("Run/county-news.xml")
        let wire = try Fixtures.data("Run/digest-wire.atom")
        let care = try Fixtures.data("Run/care-bulletin.xml")
        let listing = try Fixtures.data("Run/listing.html")
        server.route("/county.xml", .ok(county, type: "application/rss+xml"))
        server.route("/wire.atom", .ok(wire, type: "application/atom+xml"))
        server.route("/care.xml") { request in
            request.header("If-None-Match") == "\"care-v1\""
                ? .status(304) : .ok(care, type: "application/rss+xml", headers: ["ETag": "\"care-v1\""])
        }
        server.route("/broken.xml", .ok("this is not a feed at all, just words", type: "application/xml"))
        server.route("/childrens-services/", .ok(listing, type: "text/html; charset=utf-8"))
        let directory = try TemporaryDirectory()
        let json = """
            {
              "site": { "title": "Test Digest", "url": "https://digest.example.org/feeds/", "author": "Test desk" },
              "sections": {
                "council": { "title": "Council", "description": "Council news" },
                "care": { "title": "Health & Social Care" },
                "childrens-services": {
                  "title": "Children's Services",
                  "route": { "categories": ["Children's services"], "include": ["safeguarding"] }
                }
              },
              "feeds": [
                { "url": "\(server.url("/county.xml").absoluteString)", "section": "council", "name": "Northshire County Council" },
                { "url": "\(server.url("/wire.atom").absoluteString)", "section": ["council"], "name": "Local Democracy Wire" },
                { "url": "\(server.url("/care.xml").absoluteString)", "section": "care" },
                { "url": "\(server.url("/broken.xml").absoluteString)", "section": "care", "name": "Broken Feed" },
                { "url": "\(server.url("/childrens-services/").absoluteString)", "section": "childrens-services", "name": "Trade Weekly",
                  "html": { "item": "//article", "title": ".//h2", "link": ".//h2/a/@href",
                            "summary": ".//p[@class='standfirst']", "author": ".//p[@class='byline']",
                            "date": ".//p[@class='byline']", "dateFormat": "dd MMM yyyy" } }
              ]
            }
            """
        try Data(json.utf8).write(to: directory.url.appendingPathComponent("feeds.json"))
        return Workspace(directory: directory, server: server)
    }

    @Test func firstRunPublishesDeduplicatedSectionsAndReportsTheBrokenFeed() throws {
        let workspace = try Self.makeWorkspace()
        defer { workspace.close() }
        // The feed listed first answers last: processing still follows feeds.json's order.
        workspace.server.route(
            "/county.xml",
            .init(
                status: 200, headers: ["Content-Type": "application/rss+xml"],
                body: .bytes(try Fixtures.data("Run/county-news.xml")), delay: 0.4))
        let result = try workspace.run([])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let summary = try #require(result.stdout.split(separator: "\n").last.map(String.init))
        #expect(summary.hasPrefix("5 of 5 feeds due: 4 fetched, 0 not modified, 1 failed"), "\(summary)")
        #expect(summary.contains("3 sections rewritten"), "\(summary)")
        #expect(result.stderr.contains("/broken.xml") && result.stderr.contains("not a feed"), "\(result.stderr)")

        // The same story from the council and the wire is one entry; the other council's look-alike stays apart.
        let council = try workspace.published("council")
        let titles = council.items.compactMap(\.title)
        #expect(titles.filter { $0 == "Council budget approved after long debate" }.count == 1, "\(titles)")
        #expect(titles.contains("Council budget approved"))
        #expect(titles.contains("New family hub opens in Eastbridge"))
        let merged = try #require(council.items.first { $0.title == "Council budget approved after long debate" })
        #expect(merged.content?.contains("Also reported by") == true, "\(merged.content ?? "nil")")
        // Both copies arrive in one run: the story keeps the id of the copy from the feed listed first.
        #expect(merged.id == "https://www.northshire.example.gov.uk/news/budget-2025")

        // The HTML listing's items arrive with absolute links, dates and authors, and the story also
        // carried by the council's RSS is not published twice; routing adds the council's children's item.
        let children = try workspace.published("childrens-services")
        let gap = try #require(children.items.first { $0.title == "Closing up the support gap" })
        #expect(gap.link == workspace.server.url("/childrens-services/closing-up-the-support-gap").absoluteString)
        #expect(gap.authors.first?.name == "Jo Casebourne")
        #expect(gap.published.map(FeedDate.rfc3339) == "2025-05-06T00:00:00Z")
        #expect(children.items.filter { $0.title == "New family hub opens in Eastbridge" }.count == 1)
        #expect(children.items.contains { $0.title == "Calderdale adds to senior leadership team" })

        for file in ["index.html", "sources.opml", "council.json", "care.xml"] {
            #expect(FileManager.default.fileExists(atPath: workspace.output.appendingPathComponent(file).path), "\(file)")
        }
    }

    @Test func laterRunsFetchOnlyWhatIsDueAndHonourValidators() throws {
        let workspace = try Self.makeWorkspace()
        defer { workspace.close() }
        #expect(try workspace.run([]).status == 0)
        let councilFile = workspace.output.appendingPathComponent("council.xml")
        let before = try FileManager.default.attributesOfItem(atPath: councilFile.path)[.modificationDate] as? Date
        let bytesBefore = try Data(contentsOf: councilFile)

        let idle = try workspace.run([])
        #expect(idle.status == 0)
        #expect(idle.stdout.contains("0 of 5 feeds due"), "\(idle.stdout)")
        #expect(workspace.server.requestCount("/county.xml") == 1)

        let forced = try workspace.run(["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("5 of 5 feeds due: 0 fetched, 1 not modified, 3 unchanged, 1 failed"), "\(forced.stdout)")
        #expect(forced.stdout.contains("0 new, 0 updated"), "\(forced.stdout)")
        #expect(forced.stdout.contains("0 sections rewritten"), "\(forced.stdout)")
        #expect(workspace.server.responseCount("/care.xml", status: 304) == 1)
        #expect(workspace.server.requests("/care.xml").last?.header("If-None-Match") == "\"care-v1\"")
        let after = try FileManager.default.attributesOfItem(atPath: councilFile.path)[.modificationDate] as? Date
        #expect(before == after)
        #expect(try Data(contentsOf: councilFile) == bytesBefore)
    }

    @Test func quietRunPrintsOnlyProblems() throws {
        let workspace = try Self.makeWorkspace()
        defer { workspace.close() }
        let result = try workspace.run(["--quiet"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        #expect(result.stderr.contains("Broken Feed"), "\(result.stderr)")
    }

    @Test func overlappingRunExitsAtOnceWithTheLockStatus() throws {
        let workspace = try Self.makeWorkspace()
        defer { workspace.close() }
        let lock = try RunLock.acquire(forDatabaseAt: workspace.database.path)
        let result = try workspace.run([])
        lock.release()
        #expect(result.status == 3)
        #expect(result.stderr.contains("another run is in progress"), "\(result.stderr)")
        #expect(workspace.server.requestCount() == 0)
    }

    @Test func invalidConfigurationIsReportedWholeBeforeAnyFetch() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let json = """
            {
              "site": { "title": "T", "url": "https://example.org/" },
              "sections": { "finance": { "title": "Finance" } },
              "feeds": [
                { "url": "http://127.0.0.1:9/a.xml", "section": "finanse" },
                { "url": "http://127.0.0.1:9/b.xml", "section": "finance", "nmae": "B" }
              ]
            }
            """
        let config = directory.url.appendingPathComponent("feeds.json")
        try Data(json.utf8).write(to: config)
        let result = try GazetteBinary.run(["run", "--config", config.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("feeds[0].section") && result.stderr.contains("finance"), "\(result.stderr)")
        #expect(result.stderr.contains("feeds[1].nmae") && result.stderr.contains("name"), "\(result.stderr)")
        let check = try GazetteBinary.run(["check", "--config", config.path])
        #expect(check.status == 2)
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("output").path))
    }

    @Test func unusableOutputAndDatabaseHaveTheirOwnStatus() throws {
        let workspace = try Self.makeWorkspace()
        defer { workspace.close() }
        let blocker = workspace.directory.url.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let output = try workspace.run(["--output", blocker.appendingPathComponent("out").path])
        #expect(output.status == 5, "\(output.stderr)")
        #expect(output.stderr.contains("not-a-folder"), "\(output.stderr)")

        let junk = workspace.directory.url.appendingPathComponent("junk.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: junk)
        let database = try workspace.run(["--database", junk.path])
        #expect(database.status == 4, "\(database.stderr)")
        #expect(database.stderr.contains("junk.sqlite"), "\(database.stderr)")
    }

    @Test func runKilledMidwayIsFollowedByAGoodRun() throws {
        let workspace = try Self.makeWorkspace()
        defer { workspace.close() }
        // The wire feed trickles so the run is still busy (others already stored) when it is killed.
        let wire = try Fixtures.data("Run/digest-wire.atom")
        workspace.server.route(
            "/wire.atom", .init(status: 200, headers: ["Content-Type": "application/atom+xml"], body: .trickle(wire, delay: 0.05)))
        let process = Process()
        guard let binary = GazetteBinary.url else {
            Issue.record("the gazette binary was not built next to the tests")
            return
        }
        process.executableURL = binary
        process.arguments = ["run", "--config", workspace.config.path, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while workspace.server.requestCount("/wire.atom") == 0 && Date() < deadline { usleep(20_000) }
        usleep(300_000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        workspace.server.route("/wire.atom", .ok(wire, type: "application/atom+xml"))
        let result = try workspace.run([])
        #expect(result.status == 0, "\(result.stderr)")
        let council = try workspace.published("council")
        #expect(council.items.filter { $0.title == "Council budget approved after long debate" }.count == 1)
        #expect(council.items.contains { $0.title == "Council budget approved" })
        let store = try ArticleStore(path: workspace.database.path, readOnly: true)
        #expect(try store.fetchState(for: workspace.server.url("/wire.atom").absoluteString)?.lastSuccess != nil)
    }

    @Test func pageThatStopsMatchingIsReportedAsALayoutChange() throws {
        let workspace = try Self.makeWorkspace()
        defer { workspace.close() }
        #expect(try workspace.run([]).status == 0)
        workspace.server.route(
            "/childrens-services/",
            .ok("<html><body><div class='new-design'><h3>Redesigned</h3></div></body></html>", type: "text/html"))
        let result = try workspace.run(["--force"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("Trade Weekly") && result.stderr.contains("layout may have changed"), "\(result.stderr)")
        let list = try GazetteBinary.run(["list", "--config", workspace.config.path])
        let line = list.stdout.split(separator: "\n").first { $0.hasPrefix("Trade Weekly") }
        #expect(line?.contains("layout may have changed") == true, "\(list.stdout)")
        // What was published from the page before stays published.
        #expect(try workspace.published("childrens-services").items.contains { $0.title == "Closing up the support gap" })
    }

    @Test func dryRunFetchesAndParsesButWritesNothing() throws {
        let workspace = try Self.makeWorkspace()
        defer { workspace.close() }
        let result = try workspace.run(["--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary.hasPrefix("dry run: 5 of 5 feeds due: 4 fetched"), "\(result.stdout)")
        #expect(result.stdout.contains("items parsed; nothing written"), "\(result.stdout)")
        #expect(workspace.server.requestCount("/county.xml") == 1)
        #expect(!FileManager.default.fileExists(atPath: workspace.output.path))
        #expect(!FileManager.default.fileExists(atPath: workspace.database.path))
    }
}
