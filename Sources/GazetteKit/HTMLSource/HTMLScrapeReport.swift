/// The result of scraping one listing page: the feed plus the counts a run needs to notice that a
/// page's layout changed (store `matchCount` in `FeedFetchState.lastMatchCount`).
public struct HTMLScrapeReport: Sendable, Hashable {
    /// `format == .html`; items in page order; diagnostics explain skipped items and empty matches.
    public var feed: ParsedFeed
    /// How many nodes the `item` expression matched (before skipping unusable ones).
    public var matchCount: Int
    /// Matched nodes dropped because they had neither title nor link, or repeated an earlier item.
    public var skippedCount: Int

    /// A report of one scrape: the feed and its match counts.
    public init(feed: ParsedFeed, matchCount: Int, skippedCount: Int) {
        self.feed = feed
        self.matchCount = matchCount
        self.skippedCount = skippedCount
    }
}
