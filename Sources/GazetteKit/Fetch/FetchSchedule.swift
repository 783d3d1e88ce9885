import Foundation

/// When each feed is fetched next: pure functions, so a cron job every few minutes fetches only what is due.
///
/// After a success a feed waits its interval, or longer when the server (`Cache-Control: max-age`) or the
/// feed itself (RSS `ttl`, `sy:updatePeriod`) asks for longer. After a failure it backs off exponentially,
/// or as long as `Retry-After` says when that is longer. Every wait the server or feed chooses is capped at
/// `maxBackoff` (24 h by default) so a bogus header cannot silence a feed for ever.
public enum FetchSchedule {
    /// Whether a feed should be fetched now. New feeds are due; gone (410) feeds are never due unless
    /// forced, so `--force` is how a user checks whether a gone feed came back.
    ///
    /// `longestWait` is the longest any schedule can make this feed wait (its interval or the back-off
    /// cap, whichever is longer). A next fetch further ahead than that was scheduled by a clock that
    /// was ahead of this one (a clock set back, or one that ran a year fast for a while): the feed is
    /// due now instead of silent until the clock catches up.
    public static func isDue(
        _ state: FeedFetchState?, now: Date, force: Bool = false, longestWait: TimeInterval = .infinity
    ) -> Bool {
        if force { return true }
        guard let state else { return true }
        if state.gone { return false }
        guard let next = state.nextFetch else { return true }
        return next <= now || next.timeIntervalSince(now) > longestWait
    }

    /// The requests of `requests` that are due at `now` (all of them when `force`).
    public static func due(_ requests: [FetchRequest], now: Date, force: Bool = false) -> [FetchRequest] {
        requests.filter { isDue($0.state, now: now, force: force) }
    }

    /// Seconds to wait after a success: the interval, or the longer of `max-age` and the feed's declared
    /// refresh interval (each capped at `cap`).
    public static func successDelay(
        interval: TimeInterval, maxAge: TimeInterval? = nil, declared: TimeInterval? = nil, cap: TimeInterval
    ) -> TimeInterval {
        let asked = max(maxAge ?? 0, declared ?? 0)
        return max(interval, min(asked, cap))
    }

    /// Seconds to wait after `failures` consecutive failures: interval × 2^(failures − 1), at most `cap`
    /// (but never less than the interval itself).
    public static func backoff(failures: Int, interval: TimeInterval, cap: TimeInterval) -> TimeInterval {
        guard failures > 1 else { return interval }
        let grown = interval * pow(2, Double(min(failures - 1, 52)))
        return max(interval, min(grown, cap))
    }

    /// Seconds to wait after a failure: the back-off, or the server's `Retry-After` when longer (capped).
    public static func failureDelay(
        failures: Int, interval: TimeInterval, retryAfter: TimeInterval? = nil, cap: TimeInterval
    ) -> TimeInterval {
        max(backoff(failures: failures, interval: interval, cap: cap), min(retryAfter ?? 0, cap))
    }

    /// Pushes `nextFetch` later when the parsed feed declares a longer refresh interval (`ParsedFeed.refreshInterval`).
    ///
    /// The run calls it after parsing a fetched body; the fetcher cannot know the value before parsing.
    /// A failed or gone state is returned unchanged.
    public static func applyingRefreshInterval(
        _ declared: TimeInterval?, to state: FeedFetchState, policy: FetchPolicy = FetchPolicy()
    ) -> FeedFetchState {
        guard let declared, declared > 0, !state.gone, state.lastError == nil, let base = state.lastAttempt else {
            return state
        }
        var state = state
        let proposed = base.addingTimeInterval(min(declared, policy.maxBackoff))
        if state.nextFetch.map({ proposed > $0 }) ?? true { state.nextFetch = proposed }
        return state
    }
}
