import Foundation

/// Folds one fetch attempt into the feed's stored state: validators, health, back-off and next fetch.
enum FetchStateUpdate {
    /// The state to store after `attempt`, starting from `previous` (or a fresh state for a new feed).
    static func updated(
        _ previous: FeedFetchState?, feedKey: String, attempt: FetchAttempt, now: Date, interval: TimeInterval,
        policy: FetchPolicy
    ) -> FeedFetchState {
        func succeed(_ state: inout FeedFetchState) {
            state.gone = false
            state.consecutiveFailures = 0
            state.lastError = nil
            state.lastSuccess = now
            let delay = FetchSchedule.successDelay(interval: interval, maxAge: attempt.maxAge, cap: policy.maxBackoff)
            state.nextFetch = now.addingTimeInterval(delay)
            if let moved = attempt.permanentRedirect { state.movedTo = moved.absoluteString }
        }
        var state = previous ?? FeedFetchState(feedKey: feedKey)
        state.feedKey = feedKey
        state.lastAttempt = now
        state.lastStatus = attempt.status
        switch attempt.outcome {
        case .fetched(let document):
            state.etag = attempt.etag
            state.lastModified = attempt.lastModified
            state.bodyHash = document.bodyHash
            succeed(&state)
        case .unchanged:
            state.etag = attempt.etag
            state.lastModified = attempt.lastModified
            succeed(&state)
        case .notModified:
            // A 304 may refresh the validators (RFC 9110 §15.4.5); otherwise the stored ones stand.
            if let etag = attempt.etag { state.etag = etag }
            if let lastModified = attempt.lastModified { state.lastModified = lastModified }
            succeed(&state)
        case .failed(let failure):
            state.consecutiveFailures += 1
            state.lastError = failure.description
            let delay = FetchSchedule.failureDelay(
                failures: state.consecutiveFailures, interval: interval, retryAfter: attempt.retryAfter,
                cap: policy.maxBackoff)
            state.nextFetch = now.addingTimeInterval(delay)
        case .gone:
            state.gone = true
            state.lastError =
                "the server answered 410 Gone: the feed was removed, so Gazette stops polling it "
                + "(remove it from feeds.json, or run with --force to check again)"
            state.nextFetch = nil
        }
        return state
    }
}
