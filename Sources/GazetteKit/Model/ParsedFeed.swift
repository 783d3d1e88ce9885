import Foundation

/// A feed document turned into values: its metadata and items, plus what went wrong on the way.
///
/// The parser's only output. `recovered` and `diagnostics` let a user see that a feed is broken
/// even when Gazette salvaged its items.
public struct ParsedFeed: Sendable, Hashable, Codable {
    public var format: FeedFormat
    public var title: String?
    public var subtitle: String?
    /// The site (alternate) link, absolute.
    public var link: String?
    /// The feed's own (self) link, absolute.
    public var feedURL: String?
    public var id: String?
    /// atom:updated, else RSS lastBuildDate, else pubDate / dc:date.
    public var updated: Date?
    public var language: String?
    public var authors: [Person]
    /// Absolute URL of the feed's logo/icon/image.
    public var image: String?
    public var generator: String?
    /// How often the publisher says to poll (RSS `ttl`, `sy:updatePeriod`/`sy:updateFrequency`), in seconds.
    public var refreshInterval: TimeInterval?
    /// True when the XML was malformed and libxml2's recovery mode had to salvage it.
    public var recovered: Bool
    /// Human-readable problems, e.g. "line 12:5: undefined entity 'nbsp'".
    public var diagnostics: [String]
    /// Items in document order.
    public var items: [FeedItem]

    public init(
        format: FeedFormat, title: String? = nil, subtitle: String? = nil, link: String? = nil,
        feedURL: String? = nil, id: String? = nil, updated: Date? = nil, language: String? = nil,
        authors: [Person] = [], image: String? = nil, generator: String? = nil,
        refreshInterval: TimeInterval? = nil, recovered: Bool = false, diagnostics: [String] = [],
        items: [FeedItem] = []
    ) {
        self.format = format
        self.title = title
        self.subtitle = subtitle
        self.link = link
        self.feedURL = feedURL
        self.id = id
        self.updated = updated
        self.language = language
        self.authors = authors
        self.image = image
        self.generator = generator
        self.refreshInterval = refreshInterval
        self.recovered = recovered
        self.diagnostics = diagnostics
        self.items = items
    }
}
