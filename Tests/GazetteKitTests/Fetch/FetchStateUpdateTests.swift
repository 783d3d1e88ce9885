import Foundation
import Testing

@testable import GazetteKit

/// How one attempt is folded into the stored state.
@Suite struct FetchStateUpdateTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let url = URL(string: "https://example.org/feed.xml")!
    let policy = FetchPolicy(defaultInterval: 1800)

    func update(_ previous: FeedFetchState?, _ attempt: FetchAttempt) -> FeedFetchState {
        FetchStateUpdate.updated(previous, feedKey: "k", attempt: attempt, now: now, interval: 1800, policy: policy)
    }

    func fetched(etag: String? = "\"2\"", body: String = "<rss/>") -> FetchAttempt {
        var attempt = FetchAttempt(outcome: .fetched(FetchedDocument(body: Data(body.utf8), finalURL: url)), status: 200)
        attempt.etag = etag
        attempt.lastModified = "Sun, 29 Nov 2026 03:00:00 GMT"
        return attempt
    }

    @Test func successStoresValidatorsHashAndResetsFailures() {
        let previous = FeedFetchState(feedKey: "k", etag: "\"1\"", lastError: "boom", consecutiveFailures: 3)
        let state = update(previous, fetched())
        #expect(state.etag == "\"2\"")
        #expect(state.lastModified == "Sun, 29 Nov 2026 03:00:00 GMT")
        #expect(state.bodyHash == BodyHash.sha256Hex(Data("<rss/>".utf8)))
        #expect(state.consecutiveFailures == 0)
        #expect(state.lastError == nil)
        #expect(state.lastSuccess == now && state.lastAttempt == now)
        #expect(state.lastStatus == 200)
        #expect(state.nextFetch == now.addingTimeInterval(1800))
    }

    @Test func newResponseWithoutETagClearsTheOldOne() {
        let state = update(FeedFetchState(feedKey: "k", etag: "\"1\""), fetched(etag: nil))
        #expect(state.etag == nil)
    }

    @Test func notModifiedKeepsValidatorsAndHash() {
        let previous = FeedFetchState(feedKey: "k", etag: "\"1\"", lastModified: "x", bodyHash: "abc", consecutiveFailures: 2)
        let state = update(previous, FetchAttempt(outcome: .notModified, status: 304))
        #expect(state.etag == "\"1\"" && state.lastModified == "x" && state.bodyHash == "abc")
        #expect(state.consecutiveFailures == 0)
        #expect(state.lastStatus == 304)
    }

    @Test func failuresCountUpAndBackOff() {
        var state: FeedFetchState? = nil
        var delays: [TimeInterval] = []
        for _ in 0..<4 {
            let next = update(state, FetchAttempt(failure: .httpStatus(500, url: url)))
            delays.append(next.nextFetch!.timeIntervalSince(now))
            state = next
        }
        #expect(delays == [1800, 3600, 7200, 14_400])
        #expect(state?.consecutiveFailures == 4)
        #expect(state?.lastError?.contains("500") == true)
    }

    @Test func failureKeepsValidatorsAndHash() {
        let previous = FeedFetchState(feedKey: "k", etag: "\"1\"", bodyHash: "abc")
        let state = update(previous, FetchAttempt(failure: .network(message: "refused", url: url)))
        #expect(state.etag == "\"1\"" && state.bodyHash == "abc")
        #expect(state.lastStatus == 0)
    }

    @Test func maxAgeLengthensTheWait() {
        var attempt = fetched()
        attempt.maxAge = 7200
        #expect(update(nil, attempt).nextFetch == now.addingTimeInterval(7200))
    }

    @Test func goneStopsPolling() {
        let state = update(FeedFetchState(feedKey: "k"), FetchAttempt(outcome: .gone, status: 410))
        #expect(state.gone && state.nextFetch == nil && state.lastStatus == 410)
        #expect(state.lastError?.contains("410") == true)
        let back = update(state, fetched())
        #expect(!back.gone)
    }

    @Test func permanentRedirectIsRecordedOnlyOnSuccess() {
        var success = fetched()
        success.permanentRedirect = URL(string: "https://new.example/feed.xml")
        #expect(update(nil, success).movedTo == "https://new.example/feed.xml")
        var failure = FetchAttempt(failure: .httpStatus(404, url: url))
        failure.permanentRedirect = URL(string: "https://new.example/feed.xml")
        #expect(update(nil, failure).movedTo == nil)
    }
}
