import Foundation

/// A source as `sources.opml` lists it, so readers can subscribe to Gazette's sources directly.
public struct SourceListing: Sendable, Hashable {
    /// The name shown in readers (`name` in feeds.json, else the feed's own title, else its URL).
    public var title: String
    /// The feed's URL; listed as `xmlUrl` only when it is an `http`/`https` URL (never a local path).
    public var feedURL: String
    /// The feed's site, when known (`htmlUrl`).
    public var siteURL: String?
    /// The ids of the sections this source feeds, in feeds.json order.
    public var sectionIDs: [String]
    /// True for a web page Gazette scrapes with an `html` rule: it is no feed a reader could
    /// subscribe to, so it is listed by its `htmlUrl` only (its stories are in the section's feed).
    public var isScrapedPage: Bool

    public init(title: String, feedURL: String, siteURL: String? = nil, sectionIDs: [String], isScrapedPage: Bool = false) {
        self.title = title
        self.feedURL = feedURL
        self.siteURL = siteURL
        self.sectionIDs = sectionIDs
        self.isScrapedPage = isScrapedPage
    }

    /// A listing for a configured feed, titled by its `name`, else `fetchedTitle` (the feed's own
    /// title from the last fetch), else its URL.
    public init(feed: FeedConfig, fetchedTitle: String? = nil, siteURL: String? = nil) {
        let title = [feed.name, fetchedTitle].compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }
            .first { !$0.isEmpty }
        self.init(
            title: title ?? feed.key, feedURL: feed.url.absoluteString, siteURL: siteURL, sectionIDs: feed.sections,
            isScrapedPage: feed.html != nil)
    }
}
