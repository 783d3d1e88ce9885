import Foundation

/// A story as Gazette remembers and publishes it: one or more feeds' copies merged into one.
///
/// Built by deduplication, kept by the store, read by the publisher. `id` never changes once
/// assigned (it is the entry id of the first copy seen), so readers never see a story twice.
public struct Article: Sendable, Hashable, Codable {
    /// Stable for the article's whole life: the id of the first copy seen.
    public var id: String
    /// Plain text.
    public var title: String
    /// The original article's link, absolute.
    public var link: String?
    /// The earliest published date of any copy; `nil` when no copy had one.
    public var published: Date?
    /// The latest updated date of any copy, or the time Gazette saw the content change.
    public var updated: Date?
    /// When Gazette first saw any copy; fixed forever. Used when the feed gave no date.
    public var firstSeen: Date
    public var authors: [Person]
    /// Sanitized HTML with absolute URLs.
    public var summary: String?
    /// Sanitized HTML with absolute URLs: the richest content of any copy.
    public var content: String?
    public var categories: [String]
    public var enclosures: [Enclosure]
    public var image: String?
    /// Every feed that carried this story; the first is the one it was first seen in.
    public var sources: [ArticleSource]

    public init(
        id: String, title: String, link: String? = nil, published: Date? = nil,
        updated: Date? = nil, firstSeen: Date, authors: [Person] = [], summary: String? = nil,
        content: String? = nil, categories: [String] = [], enclosures: [Enclosure] = [],
        image: String? = nil, sources: [ArticleSource] = []
    ) {
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.updated = updated
        self.firstSeen = firstSeen
        self.authors = authors
        self.summary = summary
        self.content = content
        self.categories = categories
        self.enclosures = enclosures
        self.image = image
        self.sources = sources
    }

    /// The date to sort and publish by: updated, else published, else first seen.
    public var effectiveUpdated: Date { updated ?? published ?? firstSeen }
    /// The date to show as published (never "now"), and never later than `effectiveUpdated`:
    /// - the sources' publication date (`published`);
    /// - else the earliest date known of any kind: a source's other date (RSS 1.0 `dc:date`, Atom
    ///   `updated`) or the first-seen time, whichever is earlier — a story cannot have been
    ///   published after Gazette saw it, and an `updated` that Gazette recorded itself (a change
    ///   it saw) is always later than the first-seen time.
    ///
    /// Computed from stored fields, so articles stored before this rule are published right
    /// without being fetched again.
    public var effectivePublished: Date {
        min(published ?? min(updated ?? firstSeen, firstSeen), effectiveUpdated)
    }
}
