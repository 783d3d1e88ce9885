/// The syndication format a document turned out to be, detected from its content.
///
/// Raw values are the strings of the `gazette parse --json` contract.
public enum FeedFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case rss090 = "rss0.90"
    case rss091 = "rss0.91"
    case rss092 = "rss0.92"
    case rss093 = "rss0.93"
    case rss094 = "rss0.94"
    case rss10 = "rss1.0"
    case rss20 = "rss2.0"
    /// RSS of an unknown version.
    case rss
    case atom03 = "atom0.3"
    case atom10 = "atom1.0"
    /// Atom of an unknown version.
    case atom
    case json10 = "json1.0"
    case json11 = "json1.1"
    /// Microsoft's Channel Definition Format (`<CHANNEL>`), which feedparser also reads.
    case cdf
    /// An HTML listing page scraped with XPath rules (not a feed format proper).
    case html
}
