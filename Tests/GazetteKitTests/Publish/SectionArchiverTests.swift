import Foundation
import Testing

@testable import GazetteKit

/// RFC 5005 archives over simulated months of real runs (fetch → store → retention → publish), with
/// retention far shorter than the archive: a reader following `prev-archive` from the head must get
/// back every entry the section ever published, each once, and a closed month never changes.
@Suite(.serialized) struct SectionArchiverTests {
    static let siteURL = "https://news.example.org/feeds/"
    /// 2026-09-01T00:00:00Z.
    static let start = Date(timeIntervalSince1970: 1_788_220_800)

    /// A feeds.json with one section fed by a local Atom file the simulation rewrites each day.
    struct Simulation {
        let directory: TemporaryDirectory
        var output: URL { directory.url.appendingPathComponent("output") }
        var feedFile: URL { directory.url.appendingPathComponent("feeds/news.xml") }
        var database: URL { directory.url.appendingPathComponent(".gazette/gazette.sqlite") }
        let config: GazetteConfig
        let options: RunOptions

        init(maxEntries: Int = 5, retentionDays: Double = 10, hub: URL? = nil) throws {
            directory = try TemporaryDirectory()
            try FileManager.default.createDirectory(
                at: directory.url.appendingPathComponent("feeds"), withIntermediateDirectories: true)
            let json = """
                {
                  "site": { "title": "Archive Test", "url": "\(SectionArchiverTests.siteURL)", "language": "en"\(hub.map { #", "hubs": [""# + $0.absoluteString + #""]"# } ?? "") },
                  "sections": { "news": { "title": "News", "maxEntries": \(maxEntries), "maxPerSource": \(maxEntries) } },
                  "feeds": [ { "url": "feeds/news.xml", "section": "news", "name": "Daily Wire" } ]
                }
                """
            let file = directory.url.appendingPathComponent("feeds.json")
            try Data(json.utf8).write(to: file)
            config = try GazetteRunner.loadConfig(from: file)
            options = RunOptions(force: true, retention: retentionDays * 86_400, keepPerFeed: 3)
        }

        /// Day `day`'s feed: two stories a day for the last five days; story `<day-1>-0` is
        /// corrected on `day` when `correct` says so.
        func writeFeed(day: Int, corrections: Set<Int> = []) throws {
            var entries = ""
            for d in max(0, day - 4)...day {
                for k in 0..<2 {
                    let published = SectionArchiverTests.start.addingTimeInterval(Double(d) * 86_400 + Double(6 + 3 * k) * 3_600)
                    var updated = published
                    var title = "Story \(d)-\(k)"
                    if k == 0, corrections.contains(d), d < day {
                        title += " (corrected)"
                        updated = SectionArchiverTests.start.addingTimeInterval(Double(d + 1) * 86_400 + 7 * 3_600)
                    }
                    entries += """
                        <entry><id>https://wire.example.com/story/\(d)-\(k)</id><title>\(title)</title>
                        <link href="https://wire.example.com/story/\(d)-\(k)"/>
                        <published>\(PublishDate.rfc3339(published))</published><updated>\(PublishDate.rfc3339(updated))</updated>
                        <summary>Body of story \(d)-\(k).</summary>\(k == 0 ? "<media:thumbnail url=\"https://wire.example.com/img/\(d).jpg\"/>" : "")</entry>

                        """
                }
            }
            let feed = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="fr-CA"><id>urn:wire</id><title>Daily Wire</title>
                <updated>\(PublishDate.rfc3339(SectionArchiverTests.start.addingTimeInterval(Double(day) * 86_400)))</updated>
                \(entries)</feed>
                """
            try Data(feed.utf8).write(to: feedFile)
        }

        func run(at now: Date) async throws -> RunSummary {
            try await GazetteRunner(config: config, options: options).run(now: now)
        }

        var reader: ArchiveChainReader { ArchiveChainReader(siteURL: SectionArchiverTests.siteURL, outputDirectory: output) }

        func headIDs() throws -> [String] { try reader.read(SectionArchiverTests.siteURL + "news.xml").entries.map(\.id) }
    }

    static func noon(_ day: Int) -> Date { start.addingTimeInterval(Double(day) * 86_400 + 12 * 3_600) }

    @Test func aReaderFollowingPrevArchiveGetsEveryEntryEverPublishedOnceAfterThreeMonths() async throws {
        let simulation = try Simulation()
        defer { simulation.directory.remove() }
        // Story 29-0 (Sep 30) is corrected on Oct 1, after September closed.
        let corrections: Set<Int> = [29, 45]
        var everPublished: Set<String> = []
        var septemberFiles: [String: (bytes: Data, modified: Date)] = [:]
        for day in 0..<92 {
            try simulation.writeFeed(day: day, corrections: corrections)
            _ = try await simulation.run(at: Self.noon(day))
            everPublished.formUnion(try simulation.headIDs())
            if day == 30 {
                for ext in ["xml", "json", "html"] {
                    let url = simulation.output.appendingPathComponent("news/archive/2026-09.\(ext)")
                    let modified = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
                    septemberFiles[ext] = (try Data(contentsOf: url), modified)
                }
            }
        }
        #expect(everPublished.count == 184, "two stories a day for 92 days")
        // Retention kept only a fraction of what was published.
        let store = try ArticleStore(path: simulation.database.path)
        #expect(try store.articleCount() < 40)

        let (entries, documents) = try simulation.reader.reconstruct(from: Self.siteURL + "news.xml")
        #expect(Set(entries.keys) == everPublished)
        // Head, then December (open), November, October, September: the chain ends at the first month.
        #expect(
            documents.map(\.url)
                == [
                    "news.xml", "news/archive/2026-12.xml", "news/archive/2026-11.xml",
                    "news/archive/2026-10.xml", "news/archive/2026-09.xml",
                ].map { Self.siteURL + $0 })
        let archives = documents.dropFirst()
        // Each entry sits in exactly one archive document, and nothing published is missing from them.
        let archivedIDs = archives.flatMap { $0.entries.map(\.id) }
        #expect(archivedIDs.count == Set(archivedIDs).count)
        #expect(Set(archivedIDs) == everPublished)
        // September closed before story 29-0 was corrected: the correction went to the head only (as
        // RFC 5005 §4.1 advises), September keeps what it published. A correction within its month
        // (45-0, October) is what October's archive holds.
        let september = try #require(documents.last)
        #expect(september.entries.first { $0.id.hasSuffix("/29-0") }?.title == "Story 29-0")
        #expect(entries["https://wire.example.com/story/29-0"]?.title == "Story 29-0")
        let october = documents[3]
        #expect(october.entries.first { $0.id.hasSuffix("/45-0") }?.title == "Story 45-0 (corrected)")

        // The source's language and lead images reach the head and the archives.
        let headText = try String(contentsOf: simulation.output.appendingPathComponent("news.xml"), encoding: .utf8)
        let septemberText = try String(contentsOf: simulation.output.appendingPathComponent("news/archive/2026-09.xml"), encoding: .utf8)
        for text in [headText, septemberText] {
            #expect(text.contains("xml:lang=\"en\">"))
            #expect(text.contains("<entry xml:lang=\"fr-CA\">"))
            #expect(text.contains("<media:thumbnail url=\"https://wire.example.com/img/"))
        }

        // RFC 5005 structure: fh:archive only on archives, same feed id, current → head, next/prev inverse.
        let head = try #require(documents.first)
        #expect(!head.isArchive)
        #expect(head.links["prev-archive"] == Self.siteURL + "news/archive/2026-12.xml")
        #expect(head.links["self"] == Self.siteURL + "news.xml")
        for (index, archive) in archives.enumerated() {
            #expect(archive.isArchive)
            #expect(archive.feedID == head.feedID)
            #expect(archive.links["current"] == Self.siteURL + "news.xml")
            #expect(archive.links["self"] == archive.url)
            let newer = index == 0 ? nil : archives[archives.startIndex + index - 1].url
            #expect(archive.links["next-archive"] == newer, "\(archive.url)")
        }

        // September closed on the run of October 1 and never changed again: same bytes, same mtime.
        for ext in ["xml", "json", "html"] {
            let url = simulation.output.appendingPathComponent("news/archive/2026-09.\(ext)")
            let modified = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
            #expect(try Data(contentsOf: url) == septemberFiles[ext]?.bytes, "2026-09.\(ext) changed")
            #expect(modified == septemberFiles[ext]?.modified)
        }
    }

    @Test func jsonFeedNextURLPagesThroughTheSameEntries() async throws {
        let simulation = try Simulation()
        defer { simulation.directory.remove() }
        var everPublished: Set<String> = []
        for day in stride(from: 0, to: 70, by: 3) {
            try simulation.writeFeed(day: day)
            _ = try await simulation.run(at: Self.noon(day))
            everPublished.formUnion(try simulation.headIDs())
        }
        var ids: Set<String> = []
        var pages: [String] = []
        var next: String? = Self.siteURL + "news.json"
        while let url = next, !pages.contains(url) {
            pages.append(url)
            let data = try Data(contentsOf: try simulation.reader.file(for: url))
            let feed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(feed["feed_url"] as? String == Self.siteURL + "news.json")
            #expect(feed["language"] as? String == "en")
            for item in feed["items"] as? [[String: Any]] ?? [] {
                ids.insert(try #require(item["id"] as? String))
            }
            next = feed["next_url"] as? String
        }
        #expect(pages.count == 4, "head, November, October, September: \(pages)")
        #expect(ids == everPublished)
    }

    @Test func aRunWithNoNewItemsRewritesNothing() async throws {
        let simulation = try Simulation()
        defer { simulation.directory.remove() }
        for day in [0, 20, 40] {
            try simulation.writeFeed(day: day)
            _ = try await simulation.run(at: Self.noon(day))
        }
        let before = try Self.snapshot(simulation.output)
        #expect(before.keys.contains("news/archive/2026-09.xml") && before.keys.contains("news/archive/2026-10.json"))
        let summary = try await simulation.run(at: Self.noon(40).addingTimeInterval(3_600))
        #expect(summary.sectionsRewritten.isEmpty)
        #expect(try Self.snapshot(simulation.output) == before)
    }

    @Test func aDeletedClosedArchiveIsRecreatedFromTheLedgerAndOthersAreLeftAlone() async throws {
        let simulation = try Simulation()
        defer { simulation.directory.remove() }
        for day in [0, 5, 35] {
            try simulation.writeFeed(day: day)
            _ = try await simulation.run(at: Self.noon(day))
        }
        let september = simulation.output.appendingPathComponent("news/archive/2026-09.xml")
        let original = try Data(contentsOf: september)
        try FileManager.default.removeItem(at: september)
        _ = try await simulation.run(at: Self.noon(35).addingTimeInterval(60))
        #expect(try Data(contentsOf: september) == original)
    }

    /// Every file below `directory` (relative path → bytes and modification time).
    static func snapshot(_ directory: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let relative = String(url.path.dropFirst(directory.path.count + 1))
            result[relative] = "\(modified) " + String(decoding: try Data(contentsOf: url), as: UTF8.self)
        }
        return result
    }
}
