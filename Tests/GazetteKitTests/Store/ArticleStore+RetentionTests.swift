import Foundation
import Testing

@testable import GazetteKit

@Suite struct ArticleStoreRetentionTests {
    private func story(_ index: Int, day: Double) -> FeedItem {
        FeedItem(
            id: "https://www.kent.gov.uk/news/\(index)", title: "Kent story \(index)",
            link: "https://www.kent.gov.uk/news/\(index)", published: TestDates.days(day), content: "<p>Story \(index).</p>")
    }

    @Test func deletesOldArticlesButKeepsTheLastNPerFeed() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        // Ten stories seen on day 0, five more on day 100.
        try temp.ingest("kent", (0..<10).map { story($0, day: Double($0) / 10) }, now: TestDates.days(0))
        try temp.ingest("kent", (10..<15).map { story($0, day: 100) }, now: TestDates.days(100))
        try temp.ingest(
            "quiet",
            [story(99, day: 0)].map {
                var s = $0; s.id = "q"; s.link = "https://quiet.example/q"; return s
            },
            now: TestDates.days(0))
        let report = try temp.store.applyRetention(now: TestDates.days(120), maxAge: 90 * 86_400, keepPerFeed: 7)
        // Kent keeps its 7 newest (the five recent ones and stories 9, 8); quiet keeps its only one.
        #expect(report.expiredArticleIDs.count == 8)
        #expect(report.tombstonesAdded == 8)
        let kept = try temp.store.articles(fromFeeds: ["kent"], limit: 100).map(\.id)
        #expect(kept.count == 7)
        #expect(kept.contains("https://www.kent.gov.uk/news/9") && kept.contains("https://www.kent.gov.uk/news/8"))
        #expect(!kept.contains("https://www.kent.gov.uk/news/7"))
        #expect(try temp.store.article(id: "q") != nil)
        #expect(try temp.store.tombstoneCount() == 8)
    }

    @Test func expiredArticleReappearingInItsFeedIsNotNew() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        let old = story(1, day: 0)
        try temp.ingest("kent", [old], now: TestDates.days(0))
        let expiry = try temp.store.applyRetention(now: TestDates.days(91), maxAge: 90 * 86_400, keepPerFeed: 0)
        #expect(expiry.expiredArticleIDs == ["https://www.kent.gov.uk/news/1"])
        #expect(try temp.store.articleCount() == 0)
        // The feed still lists it (even under an https/www-changed id): it stays expired.
        var same = old
        same.id = "http://kent.gov.uk/news/1"
        let report = try temp.ingest("kent", [same, story(2, day: 91)], now: TestDates.days(92))
        #expect(report.expired == 1)
        #expect(report.newArticleIDs == ["https://www.kent.gov.uk/news/2"])
        #expect(try temp.store.articleCount() == 1)
    }

    @Test func anotherStoryReusingAnExpiredIdIsNotTakenForIt() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        try temp.ingest("kent", [story(1, day: 0)], now: TestDates.days(0))
        _ = try temp.store.applyRetention(now: TestDates.days(91), keepPerFeed: 0)
        var reused = story(2, day: 92)
        reused.id = "https://www.kent.gov.uk/news/1"  // the CMS recycled the id
        let report = try temp.ingest("kent", [reused], now: TestDates.days(92))
        #expect(report.new == 1 && report.expired == 0)
        // The new article must not take the expired article's id.
        #expect(report.newArticleIDs.first != "https://www.kent.gov.uk/news/1")
    }

    @Test func recentArticlesAreNeverExpired() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        try temp.ingest("kent", (0..<5).map { story($0, day: -400) }, now: TestDates.days(0))
        let report = try temp.store.applyRetention(now: TestDates.days(30), maxAge: 90 * 86_400, keepPerFeed: 0)
        #expect(report.expiredArticleIDs.isEmpty)
        #expect(try temp.store.articleCount() == 5)
    }

    @Test func oldTombstonesArePruned() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        try temp.ingest("kent", [story(1, day: 0)], now: TestDates.days(0))
        _ = try temp.store.applyRetention(now: TestDates.days(91), keepPerFeed: 0)
        #expect(try temp.store.tombstoneCount() == 1)
        let later = try temp.store.applyRetention(now: TestDates.days(91 + 731), keepPerFeed: 0)
        #expect(later.tombstonesPruned == 1)
        #expect(try temp.store.tombstoneCount() == 0)
    }
}
