import Foundation

/// Everything the run needs after fetching one feed: the outcome and the state to store for next time.
public struct FetchResult: Sendable, Hashable {
    /// The feed's key, as in the request.
    public var feedKey: String
    /// The URL that was requested (the permanent-redirect target if one was recorded earlier).
    public var requestedURL: URL
    public var outcome: FetchOutcome
    /// The updated validators, health and schedule; store it whatever the outcome.
    public var state: FeedFetchState
    /// Set when every hop of this fetch's redirect chain was permanent (301/308): report it to the user.
    public var permanentRedirect: URL?
    /// Feeds found in the HTML page the URL answered (empty unless autodiscovery happened).
    public var discovered: [DiscoveredFeed]
    /// Seconds the fetch took, redirects and autodiscovery included.
    public var elapsed: TimeInterval

    public init(
        feedKey: String, requestedURL: URL, outcome: FetchOutcome, state: FeedFetchState,
        permanentRedirect: URL? = nil, discovered: [DiscoveredFeed] = [], elapsed: TimeInterval = 0
    ) {
        self.feedKey = feedKey
        self.requestedURL = requestedURL
        self.outcome = outcome
        self.state = state
        self.permanentRedirect = permanentRedirect
        self.discovered = discovered
        self.elapsed = elapsed
    }
}
