import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Gazette's HTTP client: fetches feeds politely (conditional GET, one User-Agent, bounded concurrency)
/// and defensively (time and size limits), and turns every outcome into a value.
///
/// Create one per run and share it: it holds the policy, and every fetch gets its own short-lived
/// URLSession (see `FetchSession` for why). `fetch` never throws and never takes longer than
/// `policy.totalTimeout` (plus scheduling slack): one feed's fault never stops the others.
///
/// ```swift
/// let fetcher = Fetcher(policy: FetchPolicy(totalTimeout: 20))
/// let results = await fetcher.fetchAll(requests) { result in print(result.feedKey, result.outcome) }
/// ```
public final class Fetcher: Sendable {
    /// The limits this fetcher applies.
    public let policy: FetchPolicy

    /// A fetcher applying `policy` to every fetch.
    public init(policy: FetchPolicy = FetchPolicy()) {
        self.policy = policy
    }

    /// Fetches one feed and returns its outcome and updated state; never throws, never exceeds the
    /// total time limit. Uses the recorded permanent-redirect target when there is one.
    public func fetch(_ request: FetchRequest) async -> FetchResult {
        let now = Date()
        let clock = ContinuousClock()
        let start = clock.now
        let url = request.effectiveURL
        let attempt: FetchAttempt
        switch url.scheme?.lowercased() {
        case "file":
            attempt = fetchFile(url, state: request.state)
        case "http", "https":
            let deadline = policy.totalTimeout
            attempt =
                await Self.withDeadline(seconds: deadline) {
                    let session = FetchSession(policy: self.policy)
                    defer { session.close() }
                    return await self.fetchHTTP(request, url: url, started: now, session: session)
                }
                ?? FetchAttempt(failure: .timeout(seconds: deadline, url: url))
        default:
            attempt = FetchAttempt(failure: .unsupportedScheme(url: url))
        }
        let elapsed = clock.now - start
        let state = FetchStateUpdate.updated(
            request.state, feedKey: request.feedKey, attempt: attempt, now: now,
            interval: request.interval ?? policy.defaultInterval, policy: policy)
        return FetchResult(
            feedKey: request.feedKey, requestedURL: url, outcome: attempt.outcome, state: state,
            permanentRedirect: attempt.permanentRedirect, discovered: attempt.discovered,
            elapsed: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// A local file as a fetch: its bytes, or a clear failure; an identical body is `.unchanged`.
    private func fetchFile(_ url: URL, state: FeedFetchState?) -> FetchAttempt {
        switch LocalFeedFile.read(url, cap: policy.maxBodyBytes) {
        case .failure(let failure):
            return FetchAttempt(failure: failure)
        case .success(let body):
            if body.isEmpty { return FetchAttempt(failure: .emptyBody(status: 200, url: url)) }
            let document = FetchedDocument(body: body, finalURL: url, status: 200)
            var attempt = FetchAttempt(outcome: .fetched(document), status: 200)
            attempt.markUnchanged(ifHashEquals: state?.bodyHash)
            return attempt
        }
    }

    /// Runs `operation`, or gives up after `seconds` by cancelling it; `nil` means the time ran out.
    static func withDeadline<T: Sendable>(
        seconds: TimeInterval, _ operation: @escaping @Sendable () async -> T
    ) async -> T? {
        await withTaskGroup(of: DeadlineRace<T>.self) { group in
            group.addTask { .finished(await operation()) }
            group.addTask {
                try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1e9))
                return .expired
            }
            let first = await group.next() ?? .expired
            group.cancelAll()
            if case .finished(let value) = first { return value }
            return nil
        }
    }
}

/// Which side of `Fetcher.withDeadline` finished first.
private enum DeadlineRace<T: Sendable>: Sendable {
    case finished(T)
    case expired
}
