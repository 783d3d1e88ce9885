import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The session-level URLSession delegate: routes each task's events to its `HTTPTransfer`.
///
/// It must be the session's delegate, not a per-task one: on Linux `willPerformHTTPRedirection` reaches
/// only a session-level delegate, and answering `nil` there hands the 3xx back so Gazette follows
/// redirects itself (hop limit, loop detection, permanent vs temporary).
final class FetchSessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var transfers: [Int: HTTPTransfer] = [:]

    func register(_ transfer: HTTPTransfer, for task: URLSessionTask) {
        lock.withLock { transfers[task.taskIdentifier] = transfer }
    }

    func unregister(_ taskIdentifier: Int) {
        _ = lock.withLock { transfers.removeValue(forKey: taskIdentifier) }
    }

    private func transfer(for task: URLSessionTask) -> HTTPTransfer? {
        lock.withLock { transfers[task.taskIdentifier] }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        // A Content-Length over the cap fails at once; with Content-Encoding it is the compressed size,
        // so only identity bodies are judged here (decoded bytes are counted as they arrive).
        if let http = response as? HTTPURLResponse, let transfer = transfer(for: dataTask) {
            let encoding = http.value(forHTTPHeaderField: "Content-Encoding")?.lowercased() ?? "identity"
            if encoding == "identity", !transfer.check(expectedLength: http.expectedContentLength) {
                completionHandler(.cancel)
                return
            }
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        // After the cap or the deadline the transfer drops every chunk (and has cancelled the task).
        _ = transfer(for: dataTask)?.receive(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let transfer = lock.withLock({ transfers.removeValue(forKey: task.taskIdentifier) }) else { return }
        transfer.markSessionDone()
        if let error {
            var urlError = error as? URLError ?? URLError(.unknown, userInfo: [NSUnderlyingErrorKey: error])
            // libcurl reports a body cut short (fewer bytes than Content-Length, a closed chunked stream)
            // as a bad response or an unknown error ("transfer closed with N bytes remaining to read");
            // once the headers have arrived it is a lost connection, and says so.
            let cutShort =
                urlError.code == .badServerResponse || urlError.code == .cannotParseResponse
                || (urlError.code == .unknown && urlError.localizedDescription.contains("transfer closed"))
            if task.response != nil, cutShort {
                urlError = URLError(.networkConnectionLost, userInfo: urlError.userInfo)
            }
            transfer.finish(.failed(urlError))
        } else if let response = task.response as? HTTPURLResponse {
            transfer.finish(.response(response, Data()))
        } else {
            transfer.finish(.failed(URLError(.badServerResponse)))
        }
    }
}
