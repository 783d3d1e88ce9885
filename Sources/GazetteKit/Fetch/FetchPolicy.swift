import Foundation

/// The limits and manners of the fetcher, in one place, so a run (or a test) can tighten them.
///
/// Defaults suit a cron job polling hundreds of feeds: no feed can hold a run longer than
/// `totalTimeout`, no body can take more than `maxBodyBytes` of memory, and no host sees more than
/// `maxPerHost` simultaneous requests from Gazette.
public struct FetchPolicy: Sendable, Hashable {
    /// Seconds without progress (connect, headers, data) before a request fails. URLSession rounds it
    /// down to whole seconds, so values below 1 s are raised to 1 s.
    public var requestTimeout: TimeInterval
    /// Seconds one feed may take in all, redirects and autodiscovery included; enforced by Gazette itself.
    public var totalTimeout: TimeInterval
    /// Largest body accepted, counted on the decoded bytes as they arrive (a gzip bomb is cut here).
    public var maxBodyBytes: Int
    /// Redirect hops followed before giving up.
    public var maxRedirects: Int
    /// Requests in flight at once over a whole `fetchAll`.
    public var maxConcurrent: Int
    /// Requests (and connections) in flight at once to one host.
    public var maxPerHost: Int
    /// Seconds between two fetches of a feed unless the feed or its server asks for longer.
    public var defaultInterval: TimeInterval
    /// Longest wait ever scheduled: caps back-off, `Retry-After`, `max-age` and a feed's own `ttl`.
    public var maxBackoff: TimeInterval
    /// Sent with every request; names Gazette, its version and project URL.
    public var userAgent: String
    /// Whether an HTML page answering a feed URL is searched for `<link rel="alternate">` feeds.
    public var autodiscovery: Bool

    public init(
        requestTimeout: TimeInterval = 15, totalTimeout: TimeInterval = 30, maxBodyBytes: Int = 16 << 20,
        maxRedirects: Int = 5, maxConcurrent: Int = 16, maxPerHost: Int = 2,
        defaultInterval: TimeInterval = 30 * 60, maxBackoff: TimeInterval = 24 * 3600,
        userAgent: String = GazetteVersion.userAgent, autodiscovery: Bool = true
    ) {
        self.requestTimeout = requestTimeout
        self.totalTimeout = totalTimeout
        self.maxBodyBytes = maxBodyBytes
        self.maxRedirects = maxRedirects
        self.maxConcurrent = maxConcurrent
        self.maxPerHost = maxPerHost
        self.defaultInterval = defaultInterval
        self.maxBackoff = maxBackoff
        self.userAgent = userAgent
        self.autodiscovery = autodiscovery
    }

    /// The `Accept` header: feed types first, HTML last (for autodiscovery).
    public static let acceptHeader = [
        "application/atom+xml", "application/rss+xml", "application/feed+json",
        "application/rdf+xml;q=0.9", "application/xml;q=0.9", "text/xml;q=0.9",
        "application/json;q=0.8", "text/html;q=0.5", "*/*;q=0.1",
    ].joined(separator: ", ")
}
