import Foundation

/// One feed to fetch: where it is, what Gazette remembers about it, and its own request headers.
public struct FetchRequest: Sendable, Hashable {
    /// The feed's key (its URL as written in `feeds.json`); carried into the result and its state.
    public var feedKey: String
    /// An `http(s)` URL or a `file://` URL.
    public var url: URL
    /// What the last runs learned (validators, body hash, failures, permanent redirect); `nil` for a new feed.
    public var state: FeedFetchState?
    /// Extra request headers (API token, Basic auth). Dropped when a redirect leaves the original host.
    public var headers: [String: String]
    /// Seconds between fetches for this feed; `nil` uses the policy's default interval.
    public var interval: TimeInterval?

    public init(
        feedKey: String, url: URL, state: FeedFetchState? = nil, headers: [String: String] = [:],
        interval: TimeInterval? = nil
    ) {
        self.feedKey = feedKey
        self.url = url
        self.state = state
        self.headers = headers
        self.interval = interval
    }

    /// A request for a configured source with its stored state.
    public init(feed: FeedConfig, state: FeedFetchState?) {
        self.init(feedKey: feed.key, url: feed.url, state: state, headers: feed.headers, interval: feed.interval)
    }

    /// Where the request actually goes: the recorded permanent-redirect target, else `url`.
    public var effectiveURL: URL {
        if let moved = state?.movedTo, let target = URL(string: moved), target.scheme != nil { return target }
        return url
    }
}
