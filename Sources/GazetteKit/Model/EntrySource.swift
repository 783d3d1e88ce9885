/// The origin an entry declares for itself (RSS `<source>`, Atom `<source>`), kept so a
/// republished entry can still credit the feed it first appeared in.
public struct EntrySource: Sendable, Hashable, Codable {
    public var id: String?
    public var title: String?
    /// The source's site (alternate) link, absolute.
    public var link: String?
    /// The source feed's own URL, absolute.
    public var feedURL: String?

    public init(id: String? = nil, title: String? = nil, link: String? = nil, feedURL: String? = nil) {
        self.id = id
        self.title = title
        self.link = link
        self.feedURL = feedURL
    }
}
