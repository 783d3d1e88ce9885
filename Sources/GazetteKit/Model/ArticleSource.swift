import Foundation

/// Provenance: one feed's copy of an article, with the id and link that feed used for it.
public struct ArticleSource: Sendable, Hashable, Codable {
    /// The feed's key: its URL exactly as written in `feeds.json`.
    public var feedKey: String
    /// The feed's display name (`name` in feeds.json, else the feed's own title).
    public var feedTitle: String?
    /// The feed's site (alternate) link.
    public var feedLink: String?
    /// The feed's own id (atom:id) or URL.
    public var feedID: String?
    /// The feed's last updated time, when known.
    public var feedUpdated: Date?
    /// The language the feed declares (RSS `language`, Atom `xml:lang`, JSON Feed `language`), when it does.
    public var feedLanguage: String?
    /// The id this feed gave the entry.
    public var entryID: String
    /// The link this feed gave the entry.
    public var link: String?
    /// When Gazette first saw this copy.
    public var firstSeen: Date

    public init(
        feedKey: String, feedTitle: String? = nil, feedLink: String? = nil, feedID: String? = nil,
        feedUpdated: Date? = nil, entryID: String, link: String? = nil, firstSeen: Date, feedLanguage: String? = nil
    ) {
        self.feedLanguage = feedLanguage
        self.feedKey = feedKey
        self.feedTitle = feedTitle
        self.feedLink = feedLink
        self.feedID = feedID
        self.feedUpdated = feedUpdated
        self.entryID = entryID
        self.link = link
        self.firstSeen = firstSeen
    }
}
