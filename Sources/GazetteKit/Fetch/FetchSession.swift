import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One URLSession for one feed fetch (its redirect hops and autodiscovery included), then thrown away.
///
/// Why not one session for the whole run: on Linux a session runs all its transfers on one serial work
/// queue, and a server streaming as fast as the link allows (an endless body on a fast link) keeps that
/// queue busy so long that `cancel()`, `resume()` and even creating a task wait on it, measured here at
/// up to 17 s on loopback. With a session per fetch, an abandoned stream can only stall its own session:
/// the other feeds keep starting and finishing on theirs. The cost is no connection reuse between
/// feeds, so requests say `Connection: close` and the server sees each connection end with its response.
final class FetchSession: Sendable {
    let policy: FetchPolicy
    private let session: URLSession
    private let delegate: FetchSessionDelegate
    private let delegateDispatch = DispatchQueue(label: "gazette.fetch.delegate")
    private let delegateQueue: OperationQueue

    init(policy: FetchPolicy) {
        self.policy = policy
        let configuration = URLSessionConfiguration.ephemeral
        // No cache layer may hide a 304 or serve a stale body: validators are sent by hand.
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCredentialStorage = nil
        configuration.httpMaximumConnectionsPerHost = max(1, policy.maxPerHost)
        configuration.timeoutIntervalForRequest = Self.requestTimeout(policy)
        configuration.timeoutIntervalForResource = max(1, policy.totalTimeout)  // ignored on Linux; see Fetcher
        configuration.httpAdditionalHeaders = [
            "User-Agent": policy.userAgent,
            "Accept": FetchPolicy.acceptHeader,
            "Accept-Encoding": "gzip, deflate",
            "Connection": "close",
        ]
        // Its own serial dispatch queue: by default every OperationQueue shares the global pool, only as
        // wide as the CPU count, and an abandoned stream's flood of (dropped) chunks occupied it so fully
        // that the other feeds' callbacks waited for seconds (measured: 6 s in `bench fetch --hostile`).
        let queue = OperationQueue()
        queue.name = "gazette.fetch.delegate"
        queue.maxConcurrentOperationCount = 1  // body chunks must arrive in order
        queue.underlyingQueue = delegateDispatch  // unowned by OperationQueue: kept alive by `self`
        delegateQueue = queue
        delegate = FetchSessionDelegate()
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
    }

    /// Lets the session go once its tasks have ended (an abandoned one ends when its cancel lands).
    func close() {
        session.finishTasksAndInvalidate()  // asynchronous: never blocks the caller
    }

    /// URLSession on Linux truncates the request timeout to whole seconds (0.5 s would mean "now").
    static func requestTimeout(_ policy: FetchPolicy) -> TimeInterval {
        max(1, policy.requestTimeout.rounded(.up))
    }

    /// One request/response exchange; returns as soon as it ends, passes the size cap, or the calling
    /// task is cancelled (URLSession's own cancel may land much later; its data is dropped meanwhile).
    func exchange(_ url: URL, headers: [String: String]) async -> HTTPTransfer.Completion {
        var built = URLRequest(
            url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: Self.requestTimeout(policy))
        built.httpMethod = "GET"
        for (name, value) in headers { built.setValue(value, forHTTPHeaderField: name) }
        let request = built
        let transfer = HTTPTransfer(cap: policy.maxBodyBytes)
        let completion = await withTaskCancellationHandler {
            await transfer.wait {
                // Creating and resuming a task can block on the session's work queue: never on this thread.
                transfer.control.async { [session, delegate] in
                    let task = session.dataTask(with: request)
                    delegate.register(transfer, for: task)
                    if transfer.attach(task) {
                        task.resume()
                    } else {
                        delegate.unregister(task.taskIdentifier)
                        task.cancel()
                    }
                }
            }
        } onCancel: {
            transfer.finish(.cancelled)
        }
        switch completion {
        case .response, .failed:
            if let identifier = transfer.taskIdentifier { delegate.unregister(identifier) }
        case .tooLarge, .cancelled:
            // Still registered, so the delegate can report when URLSession's cancel lands.
            Self.drainWhileStuck(transfer, queue: delegateQueue)
        }
        return completion
    }

    /// Watches an abandoned transfer while URLSession has not ended it (its cancel can wait seconds
    /// behind a data flood) and keeps dropping the chunks queued for the delegate: they would only be
    /// discarded, but each holds its bytes until its turn comes. Gives up after two minutes. One session
    /// serves one fetch, so nothing else waits in this delegate queue.
    private static func drainWhileStuck(_ transfer: HTTPTransfer, queue: OperationQueue) {
        let watcher = DispatchQueue(label: "gazette.fetch.drain")
        let giveUp = Date().addingTimeInterval(120)
        @Sendable func check() {
            guard !transfer.isSessionDone, Date() < giveUp else { return }
            queue.cancelAllOperations()
            watcher.asyncAfter(deadline: .now() + 0.1, execute: check)
        }
        watcher.asyncAfter(deadline: .now() + 0.1, execute: check)
    }
}
