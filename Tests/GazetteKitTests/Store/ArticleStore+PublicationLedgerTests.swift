import Foundation
import Testing

@testable import GazetteKit

/// The store as the publisher's ledger: what a section published, per archive month, survives
/// retention; a closed month's entries never change; a feed's declared language reaches its articles.
@Suite struct ArticleStorePublicationLedgerTests {
    static let september = ArchivePeriod(year: 2026, month: 9)

    static func entry(_ n: Int, title: String? = nil) -> PublishedEntry {
        let date = TestDates.days(Double(n))
        return PublishedEntry(
            article: Article(
                id: "https://a.example/\(n)", title: title ?? "Story \(n)", link: "https://a.example/\(n)", published: date, firstSeen: date
            ))
    }

    @Test func newEntriesJoinTheOpenMonthAndKeepTheirLatestVersionOnlyWhileItIsOpen() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        let store = temp.store
        #expect(try store.recordHead(section: "news", entries: [], period: Self.september, now: TestDates.base) == nil)

        let state = try #require(
            try store.recordHead(section: "news", entries: [Self.entry(1)], period: Self.september, now: TestDates.base))
        #expect(state == SectionArchiveState(first: Self.september, open: Self.september, finalized: []))
        _ = try store.recordHead(
            section: "news", entries: [Self.entry(1, title: "Story 1, v2")], period: Self.september, now: TestDates.base)
        #expect(try store.archivedEntries(section: "news", period: Self.september).map(\.title) == ["Story 1, v2"])

        // October: story 1 (September's) is left as it was; story 2 joins October.
        let october = Self.september.next
        let later = try #require(
            try store.recordHead(
                section: "news", entries: [Self.entry(1, title: "Story 1, v3"), Self.entry(2)], period: october, now: TestDates.days(30)))
        #expect(later.periods == [Self.september, october])
        #expect(try store.archivedEntries(section: "news", period: Self.september).map(\.title) == ["Story 1, v2"])
        #expect(try store.archivedEntries(section: "news", period: october).map(\.title) == ["Story 2"])

        // A clock that went back never reopens September.
        let back = try #require(
            try store.recordHead(section: "news", entries: [Self.entry(3)], period: Self.september, now: TestDates.days(1)))
        #expect(back.open == october)
        #expect(try store.archivedEntries(section: "news", period: october).count == 2)

        try store.markFinalized(section: "news", period: Self.september)
        let finalized = try #require(try store.recordHead(section: "news", entries: [], period: october, now: TestDates.days(31)))
        #expect(finalized.finalized == [Self.september])
        // Finalized months are never reopened either, even with no entry recorded after them.
        try store.markFinalized(section: "news", period: october)
        let afterClose = try #require(
            try store.recordHead(section: "news", entries: [Self.entry(4)], period: october, now: TestDates.days(32)))
        #expect(afterClose.open == october.next)
        #expect(try store.archivedEntries(section: "news", period: october.next).map(\.title) == ["Story 4"])
        // Sections are independent.
        #expect(try store.archivedEntries(section: "other", period: october).isEmpty)
    }

    @Test func retentionNeverRemovesWhatWasPublished() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        try temp.ingest("https://a.example/feed", [FeedItem(id: "https://a.example/1", title: "Old story")], now: TestDates.base)
        let article = try #require(try temp.store.article(id: "https://a.example/1"))
        _ = try temp.store.recordHead(
            section: "news", entries: [PublishedEntry(article: article)], period: Self.september, now: TestDates.base)
        let report = try temp.store.applyRetention(now: TestDates.days(400), maxAge: 86_400, keepPerFeed: 0)
        #expect(report.expiredArticleIDs == ["https://a.example/1"])
        #expect(try temp.store.archivedEntries(section: "news", period: Self.september).map(\.title) == ["Old story"])
    }

    @Test func aFeedsDeclaredLanguageReachesItsArticlesSources() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        let parsed = ParsedFeed(
            format: .rss20, title: "Le Journal", language: "fr", items: [FeedItem(id: "https://j.example/1", title: "Bonjour")])
        _ = try temp.store.ingest(
            feedKey: "https://j.example/feed", feedTitle: nil, parsed: parsed,
            fetchState: FeedFetchState(feedKey: "https://j.example/feed", lastStatus: 200, lastSuccess: TestDates.base), now: TestDates.base
        )
        let article = try #require(try temp.store.article(id: "https://j.example/1"))
        #expect(article.sources.map(\.feedLanguage) == ["fr"])
        #expect(PublishedEntry(article: article).language == "fr")
    }
}
