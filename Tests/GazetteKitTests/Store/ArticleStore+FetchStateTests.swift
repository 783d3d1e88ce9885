import Foundation
import Testing

@testable import GazetteKit

@Suite struct ArticleStoreFetchStateTests {
    private let full = FeedFetchState(
        feedKey: "https://www.camden.gov.uk/news.rss", etag: "W/\"5e1-18d\"",
        lastModified: "Mon, 10 Mar 2025 09:00:00 GMT", bodyHash: String(repeating: "ab", count: 32),
        lastStatus: 200, lastError: nil, lastAttempt: Date(timeIntervalSinceReferenceDate: 763_290_000.123456),
        lastSuccess: Date(timeIntervalSinceReferenceDate: 763_290_000.123456), consecutiveFailures: 0,
        nextFetch: Date(timeIntervalSinceReferenceDate: 763_293_600.987654), movedTo: "https://www.camden.gov.uk/feed",
        gone: false, itemCount: 25, title: "Camden news", siteLink: "https://www.camden.gov.uk/", lastMatchCount: 12)

    @Test func everyFieldRoundTripsExactlyAcrossRuns() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        try temp.store.saveFetchState(full)
        let reopened = try temp.reopen()
        #expect(try reopened.fetchState(for: full.feedKey) == full)
    }

    @Test func failureStateReplacesTheEarlierOne() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        try temp.store.saveFetchState(full)
        var failed = full
        failed.lastStatus = 503
        failed.lastError = "HTTP 503 Service Unavailable from https://www.camden.gov.uk/news.rss"
        failed.consecutiveFailures = 3
        failed.gone = true
        failed.etag = nil
        try temp.store.saveFetchState(failed)
        #expect(try temp.store.fetchState(for: full.feedKey) == failed)
        #expect(try temp.store.allFetchStates() == [failed])
    }

    @Test func unknownFeedHasNoState() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        #expect(try temp.store.fetchState(for: "https://nowhere.example/feed") == nil)
        #expect(try temp.store.allFetchStates().isEmpty)
    }

    @Test func ingestSavesTheFetchStateWithTheEntries() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        let parsed = ParsedFeed(format: .atom10, title: "Camden", items: [FeedItem(id: "tag:camden,2025:1", title: "Hello")])
        _ = try temp.store.ingest(feedKey: full.feedKey, feedTitle: "Camden Council", parsed: parsed, fetchState: full, now: TestDates.base)
        #expect(try temp.store.allFetchStates().map(\.feedKey) == [full.feedKey])
        #expect(try temp.store.fetchState(for: full.feedKey)?.etag == full.etag)
        #expect(try temp.store.article(id: "tag:camden,2025:1")?.sources.first?.feedTitle == "Camden Council")
    }
}
