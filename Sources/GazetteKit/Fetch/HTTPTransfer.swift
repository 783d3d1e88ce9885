import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One HTTP exchange (a single hop) in flight: collects the body up to the size cap and hands the
/// end of the exchange to exactly one waiting Swift task.
///
/// URLSession on Linux keeps delivering data for a while after `cancel()` (the notes measured 0.5–6 s),
/// so the transfer never relies on the cancel landing: past the cap, or once finished, it drops every
/// chunk instead of appending it, and the waiting task is resumed at once.
///
/// `resume()` and `cancel()` of a URLSession task (and creating one) block on the session's work queue,
/// which a fast stream keeps busy for seconds; they are therefore only ever called on the transfer's own
/// serial `control` queue, never on Swift's cooperative threads (two on this machine: blocking them
/// stalls every fetch) nor on the delegate queue (blocking it lets undelivered chunks pile up in memory).
/// A serial queue per transfer (not one shared concurrent queue) matters: serial queues get their own
/// thread when they block, while blocked work on a concurrent queue can starve the small shared pool
/// that URLSession's own queues need to make progress.
final class HTTPTransfer: @unchecked Sendable {
    /// How one exchange ended.
    enum Completion: Sendable {
        /// A complete response (any status) and its decoded body.
        case response(HTTPURLResponse, Data)
        /// The decoded body passed the cap; what arrived was discarded.
        case tooLarge
        /// URLSession reported an error (timeout, connection reset, refused…).
        case failed(URLError)
        /// The waiting Swift task was cancelled (total deadline or the run was cancelled).
        case cancelled
    }

    private let lock = NSLock()
    private let cap: Int
    /// Runs this transfer's blocking URLSession calls, in order (create, resume, cancel).
    let control = DispatchQueue(label: "gazette.fetch.transfer")
    private var task: URLSessionTask?
    private var body = Data()
    private var received = 0
    private var result: Completion?
    private var continuation: CheckedContinuation<Completion, Never>?
    private var sessionDone = false

    init(cap: Int) { self.cap = cap }

    /// Records the URLSession task; `false` when the exchange already ended (the caller must not resume it).
    func attach(_ task: URLSessionTask) -> Bool {
        lock.withLock {
            self.task = task
            return result == nil
        }
    }

    /// URLSession reported the task's end (for an abandoned transfer: its cancel finally landed).
    func markSessionDone() { lock.withLock { sessionDone = true } }

    /// Whether URLSession has ended the task (reported, or its state says so: the report itself can be
    /// among the operations an abandoned transfer's watcher drops).
    var isSessionDone: Bool {
        let (done, task) = lock.withLock { (sessionDone, self.task) }
        return done || task?.state == .completed  // `state` uses the task's own lock, not the work queue
    }

    /// The task's identifier, once attached.
    var taskIdentifier: Int? { lock.withLock { task?.taskIdentifier } }

    /// Cancels the URLSession task off the caller's thread (the call can block for seconds).
    private func cancelTask(_ task: URLSessionTask?) {
        guard let task else { return }
        control.async { task.cancel() }
    }

    /// Runs `start`, then suspends until the exchange ends (or returns at once if it already has).
    func wait(start: () -> Void) async -> Completion {
        await withCheckedContinuation { (continuation: CheckedContinuation<Completion, Never>) in
            let finished: Completion? = lock.withLock {
                if let result { return result }
                self.continuation = continuation
                return nil
            }
            if let finished {
                continuation.resume(returning: finished)
            } else {
                start()
            }
        }
    }

    /// Counts and keeps a chunk; returns `false` when it pushed the body past the cap (the caller cancels).
    func receive(_ data: Data) -> Bool {
        let overflowed: Bool = lock.withLock {
            guard result == nil else { return false }  // finished or over the cap: drop
            received += data.count
            if received > cap { return true }
            body.append(data)
            return false
        }
        if overflowed { finish(.tooLarge) }
        return !overflowed
    }

    /// Fails at once when the announced, unencoded length is already over the cap.
    func check(expectedLength: Int64) -> Bool {
        guard expectedLength > Int64(cap) else { return true }
        finish(.tooLarge)
        return false
    }

    /// Ends the exchange with `completion` (the first call wins); a response gets the body kept so far.
    /// Ending early (over the cap, cancelled) also cancels the URLSession task, asynchronously.
    func finish(_ completion: Completion) {
        let ended: (CheckedContinuation<Completion, Never>?, Completion, URLSessionTask?)? = lock.withLock {
            guard result == nil else { return nil }
            var final = completion
            if case .response(let response, _) = completion { final = .response(response, body) }
            body = Data()
            result = final
            defer { continuation = nil }
            return (continuation, final, task)
        }
        guard let (continuation, final, task) = ended else { return }
        switch final {
        case .tooLarge, .cancelled: cancelTask(task)
        case .response, .failed: break
        }
        continuation?.resume(returning: final)
    }
}
