import Foundation

/// One entry of a parsed feed, normalized across RSS, Atom, JSON Feed and scraped HTML pages.
///
/// This is what the parser hands to deduplication and the store: plain-text titles, sanitized
/// HTML with absolute URLs, dates in UTC (or `nil` when unknown, never "now").
public struct FeedItem: Sendable, Hashable, Codable {
    /// guid / atom:id / JSON id verbatim; a stable derived id when the document gives none.
    public var id: String
    /// True when `id` was derived by Gazette because the document gave none (or reused one).
    public var idIsDerived: Bool
    /// Plain text: entities decoded, markup removed, whitespace collapsed.
    public var title: String?
    /// The entry's alternate link, absolute.
    public var link: String?
    /// The original article's link when the feed declares one (`feedburner:origLink`, Atom `link rel="via"`).
    public var originalLink: String?
    public var published: Date?
    public var updated: Date?
    public var authors: [Person]
    /// Sanitized HTML (plain text is HTML-escaped).
    public var summary: String?
    /// Sanitized HTML of the full content (content:encoded, atom:content, content_html).
    public var content: String?
    public var categories: [String]
    public var enclosures: [Enclosure]
    /// URL of the comments page.
    public var comments: String?
    /// URL of the comments feed (`wfw:commentRss`).
    public var commentsFeed: String?
    /// Number of comments (`slash:comments`).
    public var commentCount: Int?
    /// Absolute URL of a representative image (media:thumbnail, itunes:image, JSON `image`).
    public var image: String?
    public var source: EntrySource?

    public init(
        id: String, idIsDerived: Bool = false, title: String? = nil, link: String? = nil,
        originalLink: String? = nil, published: Date? = nil, updated: Date? = nil,
        authors: [Person] = [], summary: String? = nil, content: String? = nil,
        categories: [String] = [], enclosures: [Enclosure] = [], comments: String? = nil,
        commentsFeed: String? = nil, commentCount: Int? = nil, image: String? = nil,
        source: EntrySource? = nil
    ) {
        self.id = id
        self.idIsDerived = idIsDerived
        self.title = title
        self.link = link
        self.originalLink = originalLink
        self.published = published
        self.updated = updated
        self.authors = authors
        self.summary = summary
        self.content = content
        self.categories = categories
        self.enclosures = enclosures
        self.comments = comments
        self.commentsFeed = commentsFeed
        self.commentCount = commentCount
        self.image = image
        self.source = source
    }
}
