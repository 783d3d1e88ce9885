import Foundation
import Testing

@testable import GazetteKit

/// Which feeds are due, and how long a feed waits after a success or a failure.
@Suite struct FetchScheduleTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func newFeedIsDue() {
        #expect(FetchSchedule.isDue(nil, now: now))
        #expect(FetchSchedule.isDue(FeedFetchState(feedKey: "k"), now: now))
    }

    @Test func feedIsDueOnlyOnceItsNextFetchHasCome() {
        let state = FeedFetchState(feedKey: "k", nextFetch: now.addingTimeInterval(60))
        #expect(!FetchSchedule.isDue(state, now: now))
        #expect(FetchSchedule.isDue(state, now: now.addingTimeInterval(60)))
        #expect(FetchSchedule.isDue(state, now: now, force: true))
    }

    @Test func goneFeedIsNeverDueUnlessForced() {
        let state = FeedFetchState(feedKey: "k", nextFetch: nil, gone: true)
        #expect(!FetchSchedule.isDue(state, now: now.addingTimeInterval(10 * 365 * 86_400)))
        #expect(FetchSchedule.isDue(state, now: now, force: true))
    }

    @Test func dueFiltersRequests() {
        let due = FetchRequest(feedKey: "a", url: URL(string: "http://a.example/")!)
        let later = FetchRequest(
            feedKey: "b", url: URL(string: "http://b.example/")!,
            state: FeedFetchState(feedKey: "b", nextFetch: now.addingTimeInterval(3600)))
        #expect(FetchSchedule.due([due, later], now: now).map(\.feedKey) == ["a"])
        #expect(FetchSchedule.due([due, later], now: now, force: true).map(\.feedKey) == ["a", "b"])
    }

    @Test(arguments: [
        (1, 1800.0), (2, 3600.0), (3, 7200.0), (4, 14_400.0), (5, 28_800.0), (6, 57_600.0), (7, 86_400.0),
        (8, 86_400.0), (60, 86_400.0), (10_000, 86_400.0),
    ])
    func backoffDoublesPerFailureUpToTheCap(failures: Int, expected: TimeInterval) {
        #expect(FetchSchedule.backoff(failures: failures, interval: 1800, cap: 86_400) == expected)
    }

    @Test func backoffNeverShortensALongInterval() {
        #expect(FetchSchedule.backoff(failures: 3, interval: 2 * 86_400, cap: 86_400) == 2 * 86_400)
    }

    @Test(
        arguments: [
            (nil, nil, 1800.0),  // the interval
            (3600.0, nil, 3600.0),  // max-age longer
            (60.0, nil, 1800.0),  // max-age shorter: the interval wins
            (nil, 7200.0, 7200.0),  // ttl longer
            (3600.0, 7200.0, 7200.0),  // the longest wins
            (nil, 30 * 86_400.0, 86_400.0),  // capped
        ] as [(TimeInterval?, TimeInterval?, TimeInterval)])
    func successWaitsTheLongestOfIntervalMaxAgeAndDeclared(maxAge: TimeInterval?, declared: TimeInterval?, expected: TimeInterval) {
        #expect(FetchSchedule.successDelay(interval: 1800, maxAge: maxAge, declared: declared, cap: 86_400) == expected)
    }

    @Test func retryAfterLongerThanBackoffWinsButIsCapped() {
        #expect(FetchSchedule.failureDelay(failures: 1, interval: 600, retryAfter: 7200, cap: 86_400) == 7200)
        #expect(FetchSchedule.failureDelay(failures: 1, interval: 600, retryAfter: 60, cap: 86_400) == 600)
        #expect(FetchSchedule.failureDelay(failures: 1, interval: 600, retryAfter: 10 * 86_400, cap: 86_400) == 86_400)
    }

    @Test func declaredRefreshIntervalPushesNextFetchLater() {
        let state = FeedFetchState(feedKey: "k", lastAttempt: now, nextFetch: now.addingTimeInterval(1800))
        let adjusted = FetchSchedule.applyingRefreshInterval(7200, to: state)
        #expect(adjusted.nextFetch == now.addingTimeInterval(7200))
        let shorter = FetchSchedule.applyingRefreshInterval(60, to: state)
        #expect(shorter.nextFetch == now.addingTimeInterval(1800))
        let capped = FetchSchedule.applyingRefreshInterval(90 * 86_400, to: state)
        #expect(capped.nextFetch == now.addingTimeInterval(86_400))
    }

    @Test func declaredRefreshIntervalLeavesFailedStatesAlone() {
        let failed = FeedFetchState(
            feedKey: "k", lastError: "404", lastAttempt: now, consecutiveFailures: 1, nextFetch: now.addingTimeInterval(600))
        #expect(FetchSchedule.applyingRefreshInterval(7200, to: failed) == failed)
        #expect(FetchSchedule.applyingRefreshInterval(nil, to: failed) == failed)
    }
}
