import Foundation
import GRDB
import Testing

@testable import GazetteKit

/// The candidate index (`candidate_key`): filled on ingest and by the v2 migration, emptied with
/// its copies, and bounded per key without losing the copy a new item repeats.
@Suite struct CandidateKeyIndexTests {
    static let body =
        "<p>Work to build new flood defences in the Riverside ward will start next month, the borough council has "
        + "confirmed. The scheme includes a 600 metre wall along the river, two new pumping stations and raised "
        + "footpaths. It will protect around 340 homes and businesses that flooded in recent winters. A drop-in "
        + "session for residents will be held at the community hall on Thursday evening.</p>"

    static func item(_ id: String, title: String, text: String = body, day: Double = 0) -> FeedItem {
        FeedItem(id: id, title: title, link: id, published: TestDates.days(day), content: text)
    }

    static func keyCount(_ store: ArticleStore) throws -> Int {
        try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM candidate_key") ?? 0 }
    }

    @Test func anEditedTitleJoinsTheStoredArticle() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        try temp.ingest(
            "https://council.example/feed",
            [Self.item("https://council.example/flood", title: "Riverside flood defences: work starts next month")],
            now: TestDates.base)
        let wire = try temp.ingest(
            "https://wire.example/feed",
            [Self.item("https://wire.example/1", title: "UPDATED: Riverside flood defences – work starts next month")],
            now: TestDates.days(0.2))
        #expect(wire.mergedArticleIDs == ["https://council.example/flood"])
        let digest = try temp.ingest(
            "https://digest.example/feed",
            [Self.item("https://digest.example/1", title: "Riverside flood defences work to start next month")],
            now: TestDates.days(0.3))
        #expect(digest.mergedArticleIDs == ["https://council.example/flood"])
        #expect(try temp.store.articleCount() == 1)
    }

    @Test func keysGoWithTheirArticle() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        try temp.ingest(
            "https://council.example/feed", [Self.item("https://council.example/flood", title: "Flood defences")], now: TestDates.base)
        #expect(try Self.keyCount(temp.store) > 1)  // the title and the body's sketch
        let report = try temp.store.applyRetention(now: TestDates.days(200), keepPerFeed: 0)
        #expect(report.expiredArticleIDs == ["https://council.example/flood"])
        #expect(try Self.keyCount(temp.store) == 0)
    }

    @Test func aChangedCopyIsIndexedByItsNewText() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        let feed = "https://council.example/feed"
        try temp.ingest(feed, [Self.item("https://council.example/a", title: "Bins", text: "<p>Short.</p>")], now: TestDates.base)
        let before = try Self.keyCount(temp.store)
        try temp.ingest(feed, [Self.item("https://council.example/a", title: "Bins", text: Self.body)], now: TestDates.days(0.1))
        #expect(try Self.keyCount(temp.store) == before + CandidateKeys.bodyKeyCount)
        let copy = try temp.ingest(
            "https://wire.example/feed", [Self.item("https://wire.example/a", title: "Bins update")], now: TestDates.days(0.2))
        #expect(copy.mergedArticleIDs == ["https://council.example/a"])
    }

    @Test func findsTheRepeatedStoryAmongMoreLookAlikesThanOneKeyReturns() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        let title = "Council budget approved"
        try temp.ingest("https://council.example/feed", [Self.item("https://council.example/budget", title: title)], now: TestDates.base)
        // Newer stories under the same headline fill the title key's per-key limit.
        for index in 0..<(IngestSession.candidatesPerKey + 4) {
            let text =
                "<p>Councillors in district \(index) approved a budget of \(index + 100) million pounds on Monday "
                + "after a long debate about parking charges, library hours and the cost of adult social care in the area.</p>"
            try temp.ingest(
                "https://other\(index).example/feed", [Self.item("https://other\(index).example/b", title: title, text: text, day: 0.5)],
                now: TestDates.days(0.5))
        }
        #expect(try temp.store.articleCount() == IngestSession.candidatesPerKey + 5)
        let copy = try temp.ingest(
            "https://wire.example/feed", [Self.item("https://wire.example/b", title: "UPDATED: " + title, day: 0.6)],
            now: TestDates.days(0.6))
        #expect(copy.mergedArticleIDs == ["https://council.example/budget"])
    }

    @Test func migrationIndexesEveryStoredCopy() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        try temp.ingest(
            "https://council.example/feed", [Self.item("https://council.example/flood", title: "Flood defences: work starts")],
            now: TestDates.base)
        let indexed = try Self.keyCount(temp.store)
        // Turn the file back into a version-1 database.
        try temp.store.pool.write { db in
            try db.execute(sql: "DROP TABLE candidate_key")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v2-candidate-keys'")
        }
        let upgraded = try temp.reopen()
        #expect(try Self.keyCount(upgraded) == indexed)
        let copy = try temp.ingest(
            "https://wire.example/feed", [Self.item("https://wire.example/1", title: "Breaking: Flood defences – work starts")],
            now: TestDates.days(0.1), into: upgraded)
        #expect(copy.mergedArticleIDs == ["https://council.example/flood"])
    }
}
