import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Tells WebSub hubs (W3C WebSub §7, `site.hubs`) that a feed changed, so subscribers get new stories
/// at once instead of at their next poll.
///
/// Each ping is one `POST` of `hub.mode=publish&hub.url=<topic>` (form-encoded), the de facto publish
/// request hubs accept. A hub that does not answer 2xx within `timeout` is reported, never thrown:
/// a hub can never fail a run. The caller keeps failed pings (`ArticleStore` `hub_ping`) and retries
/// them on later runs after `retryDelay(afterFailures:)`.
public struct WebSubNotifier: Sendable {
    /// Seconds to wait for a hub's answer.
    public var timeout: TimeInterval
    /// At most this many pings in flight at once.
    public var concurrency: Int
    public var userAgent: String

    public init(timeout: TimeInterval = 10, concurrency: Int = 4, userAgent: String = GazetteVersion.userAgent) {
        self.timeout = timeout
        self.concurrency = concurrency
        self.userAgent = userAgent
    }

    /// One notification: tell `hub` that `topic` (a feed's self URL) changed.
    public struct Ping: Sendable, Hashable {
        public var hub: String
        public var topic: String
        /// Failed attempts so far.
        public var attempts: Int

        public init(hub: String, topic: String, attempts: Int = 0) {
            self.hub = hub
            self.topic = topic
            self.attempts = attempts
        }
    }

    /// What became of one ping.
    public struct Outcome: Sendable, Hashable {
        public var ping: Ping
        /// Why the hub did not accept it; nil when it did (2xx).
        public var failure: String?
    }

    /// Failed pings are dropped after this many attempts.
    public static let maxAttempts = 8

    /// How long to wait before retrying after `failures` failed attempts: 5 minutes, doubling, at most a day.
    public static func retryDelay(afterFailures failures: Int) -> TimeInterval {
        min(300 * pow(2, Double(max(0, failures - 1))), 86_400)
    }

    /// Sends every ping (at most `concurrency` at once) and returns each one's outcome, in input order.
    public func send(_ pings: [Ping]) async -> [Outcome] {
        guard !pings.isEmpty else { return [] }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieAcceptPolicy = .never
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        var failures: [Int: String?] = [:]
        await withTaskGroup(of: (Int, String?).self) { group in
            var next = 0
            func addNext() {
                guard next < pings.count else { return }
                let index = next
                next += 1
                group.addTask { (index, await self.ping(pings[index], session: session)) }
            }
            for _ in 0..<max(1, concurrency) { addNext() }
            for await (index, failure) in group {
                failures[index] = .some(failure)
                addNext()
            }
        }
        return pings.indices.map { Outcome(ping: pings[$0], failure: failures[$0] ?? "not sent") }
    }

    /// The form body of a publish ping.
    static func body(topic: String) -> Data {
        Data(("hub.mode=publish&hub.url=" + formEncode(topic)).utf8)
    }

    /// `application/x-www-form-urlencoded` encoding of one value.
    static func formEncode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._*")
        return (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value).replacingOccurrences(of: "%20", with: "+")
    }

    private func ping(_ ping: Ping, session: URLSession) async -> String? {
        guard let url = URL(string: ping.hub), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return "not an http(s) URL"
        }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        request.httpBody = WebSubNotifier.body(topic: ping.topic)
        do {
            let (_, response) = try await session.data(for: request)
            guard let http = response as? HTTPURLResponse else { return "no HTTP response" }
            return (200..<300).contains(http.statusCode) ? nil : "HTTP \(http.statusCode)"
        } catch let error as URLError where error.code == .timedOut {
            return "no answer within \(Int(timeout)) seconds"
        } catch {
            return error.localizedDescription
        }
    }
}
