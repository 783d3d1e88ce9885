import Foundation

/// What Gazette remembers about fetching one feed between runs: validators for conditional GET,
/// health, back-off and schedule. The fetcher reads and updates it; the store persists it.
public struct FeedFetchState: Sendable, Hashable, Codable {
    /// The feed's key: its URL exactly as written in `feeds.json`.
    public var feedKey: String
    /// `ETag` of the last 200 response.
    public var etag: String?
    /// `Last-Modified` of the last 200 response, verbatim.
    public var lastModified: String?
    /// SHA-256 (hex) of the last body parsed, to skip identical 200 bodies.
    public var bodyHash: String?
    /// HTTP status of the last attempt (0 for network errors, 200 for local files).
    public var lastStatus: Int?
    /// Human-readable reason of the last failure; `nil` after a success.
    public var lastError: String?
    public var lastAttempt: Date?
    public var lastSuccess: Date?
    public var consecutiveFailures: Int
    /// Not fetched again before this time unless forced.
    public var nextFetch: Date?
    /// Where a permanent redirect (301/308) pointed; used instead of the configured URL from then on.
    public var movedTo: String?
    /// The server answered 410 Gone: the feed is no longer polled.
    public var gone: Bool
    /// Number of items in the last successful parse.
    public var itemCount: Int?
    /// The feed's own title, from the last successful parse.
    public var title: String?
    /// The feed's site link, from the last successful parse.
    public var siteLink: String?
    /// For HTML sources: how many items the rule matched last time (to notice layout changes).
    public var lastMatchCount: Int?
    /// When the last parse had to recover malformed XML: libxml2's first complaint. Reported once
    /// when it starts, then shown by `gazette list` until the feed is well-formed again.
    public var recoveredXML: String?

    public init(
        feedKey: String, etag: String? = nil, lastModified: String? = nil, bodyHash: String? = nil,
        lastStatus: Int? = nil, lastError: String? = nil, lastAttempt: Date? = nil, lastSuccess: Date? = nil,
        consecutiveFailures: Int = 0, nextFetch: Date? = nil, movedTo: String? = nil, gone: Bool = false,
        itemCount: Int? = nil, title: String? = nil, siteLink: String? = nil, lastMatchCount: Int? = nil,
        recoveredXML: String? = nil
    ) {
        self.feedKey = feedKey
        self.etag = etag
        self.lastModified = lastModified
        self.bodyHash = bodyHash
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.lastAttempt = lastAttempt
        self.lastSuccess = lastSuccess
        self.consecutiveFailures = consecutiveFailures
        self.nextFetch = nextFetch
        self.movedTo = movedTo
        self.gone = gone
        self.itemCount = itemCount
        self.title = title
        self.siteLink = siteLink
        self.lastMatchCount = lastMatchCount
        self.recoveredXML = recoveredXML
    }
}
