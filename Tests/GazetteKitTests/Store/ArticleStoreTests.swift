import Foundation
import GRDB
import Testing

@testable import GazetteKit

@Suite struct ArticleStoreTests {
    private func items(_ count: Int, prefix: String = "story") -> [FeedItem] {
        (0..<count).map { index in
            FeedItem(
                id: "https://news.example.gov.uk/\(prefix)/\(index)", title: "\(prefix.capitalized) number \(index)",
                link: "https://news.example.gov.uk/\(prefix)/\(index)", published: TestDates.days(Double(index) / 24),
                content: "<p>Body of \(prefix) \(index).</p>")
        }
    }

    @Test func createsParentFolderAndUsesWALMode() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        #expect(FileManager.default.fileExists(atPath: temp.path))
        let mode = try temp.store.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let migrations = try temp.store.pool.read { db in try StoreSchema.migrator.appliedIdentifiers(db) }
        #expect(migrations == ["v1", "feedStateRecoveredXML", "publication-history", "v2-candidate-keys"])
    }

    @Test func aVersion1DatabaseGainsTheRecoveredXMLColumnAndKeepsItsStates() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("v1.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try StoreSchema.migrator.migrate(queue, upTo: "v1")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO feed_state (feedKey, consecutiveFailures, gone) VALUES ('k', 2, 0)")
            }
            try queue.close()
        }
        let store = try ArticleStore(path: path)
        var state = try #require(try store.fetchState(for: "k"))
        #expect(state.consecutiveFailures == 2 && state.recoveredXML == nil)
        state.recoveredXML = "line 3:7: mismatched tag"
        try store.saveFetchState(state)
        #expect(try store.fetchState(for: "k")?.recoveredXML == "line 3:7: mismatched tag")
    }

    @Test func aVersion1DatabaseUpgradesInPlaceKeepingItsData() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("old.sqlite").path
        // A database as the previous release left it: only "v1" applied.
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v1")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO feed_info (feedKey, title) VALUES ('https://a.example/feed', 'A')")
        }
        try queue.close()

        let store = try ArticleStore(path: path)
        let (migrations, title, language) = try store.pool.read { db in
            (
                try StoreSchema.migrator.appliedIdentifiers(db),
                try String.fetchOne(db, sql: "SELECT title FROM feed_info"),
                try Row.fetchOne(db, sql: "SELECT language FROM feed_info")?["language"] as String?
            )
        }
        #expect(migrations == ["v1", "feedStateRecoveredXML", "publication-history", "v2-candidate-keys"])
        #expect(title == "A")
        #expect(language == nil)
        #expect(try store.archivedEntries(section: "news", period: ArchivePeriod(year: 2026, month: 9)).isEmpty)
    }

    @Test func remembersArticlesAcrossRuns() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        let first = try temp.ingest("https://news.example.gov.uk/feed", items(5), now: TestDates.days(1))
        #expect(first.new == 5)

        let nextRun = try temp.reopen()
        let second = try temp.ingest("https://news.example.gov.uk/feed", items(7), now: TestDates.days(2), into: nextRun)
        #expect(second.new == 2)
        #expect(second.unchanged == 5)
        #expect(second.newArticleIDs == ["https://news.example.gov.uk/story/5", "https://news.example.gov.uk/story/6"])
        #expect(try nextRun.articleCount() == 7)
        let kept = try #require(try nextRun.article(id: "https://news.example.gov.uk/story/0"))
        #expect(kept.firstSeen == TestDates.days(1))
        #expect(kept.sources.map(\.feedKey) == ["https://news.example.gov.uk/feed"])
        #expect(kept.sources.first?.feedTitle == "Feed https://news.example.gov.uk/feed")
    }

    @Test func unchangedEntriesCauseNoWrite() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        try temp.ingest("feed", items(3), now: TestDates.days(1))
        let changesBefore = try temp.store.pool.write { db in db.totalChangesCount }
        let report = try temp.ingest("feed", items(3), now: TestDates.days(2))
        let changesAfter = try temp.store.pool.write { db in db.totalChangesCount }
        #expect(report.unchanged == 3 && report.new == 0 && report.updated == 0)
        // Only the fetch-state row is written: one change, no article or source row.
        #expect(changesAfter - changesBefore == 1)
        let article = try #require(try temp.store.article(id: "https://news.example.gov.uk/story/1"))
        #expect(article.updated == nil)
    }

    @Test func readsNewestFirstForChosenFeedsWithLimit() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        try temp.ingest("a", items(4, prefix: "alpha"), now: TestDates.days(1))
        try temp.ingest("b", items(4, prefix: "beta"), now: TestDates.days(1))
        let fromA = try temp.store.articles(fromFeeds: ["a"], limit: 3)
        #expect(fromA.map(\.title) == ["Alpha number 3", "Alpha number 2", "Alpha number 1"])
        #expect(fromA.allSatisfy { $0.sources.map(\.feedKey) == ["a"] })
        let both = try temp.store.articles(fromFeeds: ["a", "b", "unknown"], limit: 100)
        #expect(both.count == 8)
        #expect(both.map(\.effectiveUpdated) == both.map(\.effectiveUpdated).sorted(by: >))
        let recent = try temp.store.recentArticles(limit: 2)
        #expect(recent.count == 2)
        let since = try temp.store.recentArticles(limit: 100, since: TestDates.days(2.5 / 24))
        #expect(since.map(\.title).sorted() == ["Alpha number 3", "Beta number 3"])
    }

    @Test func readOnlyOpenOfMissingFileSaysRunFirst() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("none.sqlite").path
        #expect(throws: StoreError.missing(path: path)) { try ArticleStore(path: path, readOnly: true) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func readOnlyStoreReadsWhatARunWrote() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        try temp.ingest("feed", items(2), now: TestDates.days(1))
        let reader = try temp.reopen(readOnly: true)
        #expect(try reader.articleCount() == 2)
        #expect(throws: StoreError.self) { try temp.ingest("feed", items(3), now: TestDates.days(2), into: reader) }
    }

    @Test func readOnlyStoreOpensAfterTheRunClosedTheFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("state.sqlite").path
        do {
            let run = try ArticleStore(path: path)
            _ = try run.ingest(
                feedKey: "f", feedTitle: nil, parsed: ParsedFeed(format: .rss20, items: items(2)),
                fetchState: FeedFetchState(feedKey: "f"), now: TestDates.base)
        }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))  // the run closed cleanly
        let reader = try ArticleStore(path: path, readOnly: true)
        #expect(try reader.articleCount() == 2)
    }

    @Test func refusesAFileThatIsNotADatabase() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("feeds.json").path
        try Data("{\"feeds\": []}\n".utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try ArticleStore(path: path)
            Issue.record("opening a JSON file as the state database must fail")
        } catch {
            guard case .cannotOpen(let failedPath, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(failedPath == path)
            #expect(error.description.contains("move it away"))
        }
    }

    @Test func refusesADatabaseFromANewerGazette() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        try temp.store.pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
        }
        #expect(throws: StoreError.newerSchema(path: temp.path, unknownMigrations: ["v99-future"])) {
            try temp.reopen()
        }
    }

    @Test func twoStoresOnOneFileSeeEachOthersWrites() async throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        let other = try temp.reopen()
        let first = temp.store
        try await withThrowingTaskGroup(of: Void.self) { group in
            for feed in 0..<4 {
                let store = feed.isMultiple(of: 2) ? first : other
                let batch = items(50, prefix: "feed\(feed)")
                group.addTask {
                    for chunk in stride(from: 0, to: 50, by: 10) {
                        try temp.ingest("feed-\(feed)", Array(batch[chunk..<chunk + 10]), now: TestDates.days(1), into: store)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try first.articleCount() == 200)
        #expect(try other.articleCount() == 200)
        let integrity = try await first.pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }
}
