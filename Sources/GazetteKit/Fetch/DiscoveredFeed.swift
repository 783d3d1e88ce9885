import Foundation

/// A feed an HTML page advertises with `<link rel="alternate" type="…" href="…">`.
public struct DiscoveredFeed: Sendable, Hashable, Codable {
    /// Absolute feed URL (resolved against `<base href>` and the page URL).
    public var url: URL
    /// The advertised media type, lower-cased (`application/atom+xml`, `application/rss+xml`, …).
    public var type: String
    /// The link's `title`, when it has one ("Comments feed", "Podcast", …).
    public var title: String?

    public init(url: URL, type: String, title: String? = nil) {
        self.url = url
        self.type = type
        self.title = title
    }
}
