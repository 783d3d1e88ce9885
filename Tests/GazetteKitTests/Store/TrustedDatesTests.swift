import Foundation
import Testing

@testable import GazetteKit

/// Dates more than a day ahead of the fetch (or before 1970) are not believed: the story is
/// dated by the time Gazette first saw it instead.
@Suite struct TrustedDatesTests {
    @Test func dateMoreThanADayAheadOfTheFetchIsNotBelieved() {
        let now = TestDates.days(0)
        #expect(TrustedDates.isTrusted(now + 86_400, fetchedAt: now))
        #expect(!TrustedDates.isTrusted(now + 86_401, fetchedAt: now))
        #expect(TrustedDates.isTrusted(TestDates.days(-3_000), fetchedAt: now))
        #expect(TrustedDates.isTrusted(Date(timeIntervalSince1970: 0), fetchedAt: now))
        #expect(!TrustedDates.isTrusted(Date(timeIntervalSince1970: -1), fetchedAt: now))
    }

    @Test func futureDatedStoryIsStoredUndatedAndSortsByFirstSeen() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        let now = TestDates.days(0)
        let year2035 = try #require(FeedDate.parse("2035-01-01T00:00:00Z"))
        let items = [
            FeedItem(id: "future", title: "Festival 2035", link: "https://x.example/f", published: year2035, updated: year2035),
            FeedItem(id: "today", title: "Today", link: "https://x.example/t", published: now - 3_600),
            FeedItem(id: "tomorrow", title: "Tomorrow morning", link: "https://x.example/m", published: now + 43_200),
        ]
        let report = try temp.ingest("f", items, now: now)
        #expect(report.untrustedDates == 2)
        let future = try #require(try temp.store.article(id: "future"))
        #expect(future.published == nil && future.updated == nil)
        #expect(future.effectiveUpdated == now && future.effectivePublished == now)
        #expect(try temp.store.article(id: "tomorrow")?.published == now + 43_200)  // within a day: believed

        // Fetched again unchanged: nothing is rewritten, the story keeps its first-seen date.
        let again = try temp.ingest("f", items, now: now + 3_600)
        #expect(again.unchanged == 3 && again.updated == 0)
        #expect(try temp.store.article(id: "future")?.effectiveUpdated == now)
    }
}

/// Stores written before the rule are repaired on the next run or publish, without a re-fetch.
@Suite struct ForgetUntrustedDatesTests {
    @Test func storedFutureAndPre1970DatesAreDroppedAndTheArticleRebuilt() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        // Stored by a Gazette that believed every date (simulated by a clock far ahead).
        let year2035 = try #require(FeedDate.parse("2035-01-01T00:00:00Z"))
        let clockAhead = try #require(FeedDate.parse("2040-01-01T00:00:00Z"))
        try temp.ingest(
            "f",
            [
                FeedItem(id: "future", title: "Festival 2035", link: "https://x.example/f", published: year2035),
                FeedItem(id: "fine", title: "Fine", link: "https://x.example/g", published: TestDates.days(-1)),
            ], now: clockAhead)
        #expect(try temp.store.article(id: "future")?.published == year2035)

        let repaired = try temp.store.forgetUntrustedDates(now: TestDates.days(0))
        #expect(repaired == ["future"])
        let future = try #require(try temp.store.article(id: "future"))
        #expect(future.published == nil && future.updated == nil)
        #expect(future.effectiveUpdated == future.firstSeen)
        #expect(try temp.store.article(id: "fine")?.published == TestDates.days(-1))
        #expect(try temp.store.forgetUntrustedDates(now: TestDates.days(0)).isEmpty)
    }
}
