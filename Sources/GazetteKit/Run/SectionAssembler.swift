import Foundation

/// Chooses each section's candidate articles from the store: those carried by the section's own
/// sources, plus those any source routes to it by category or keyword.
///
/// The publisher then orders them and applies the section's caps. A source's own `maxEntries`
/// caps how many of its articles any one section shows.
struct SectionAssembler: Sendable {
    var config: GazetteConfig
    var store: ArticleStore

    /// How many recent articles of all feeds are considered for keyword routing.
    static let routingWindow = 2_000

    func sectionInputs() throws(StoreError) -> [SectionInput] {
        let sanitizer = HTMLSanitizer()
        let routed = config.sections.contains { $0.route != nil }
        var subjects: [(Article, KeywordFilter.Subject)] = []
        if routed {
            subjects = try store.recentArticles(limit: Self.routingWindow).map { article in
                let summary = (article.summary ?? article.content).map { sanitizer.plainText(fromHTML: $0) }
                return (article, KeywordFilter.Subject(title: article.title, summary: summary, categories: article.categories))
            }
        }
        let capByFeed = Dictionary(config.feeds.compactMap { feed in feed.maxEntries.map { (feed.key, $0) } }) { a, _ in a }
        return try config.sections.map { (section) throws(StoreError) -> SectionInput in
            let keys = config.feeds.filter { $0.sections.contains(section.id) }.map(\.key)
            let window = max(section.maxEntries * 5, 250)
            var articles = try store.articles(fromFeeds: keys, limit: window)
            if let route = section.route {
                var seen = Set(articles.map(\.id))
                for (article, subject) in subjects where !seen.contains(article.id) && route.matches(subject) {
                    articles.append(article)
                    seen.insert(article.id)
                }
            }
            if !capByFeed.isEmpty {
                var counts: [String: Int] = [:]
                articles = articles.filter { article in
                    guard let key = article.sources.first?.feedKey, let cap = capByFeed[key] else { return true }
                    counts[key, default: 0] += 1
                    return counts[key]! <= cap
                }
            }
            return SectionInput(section: section, articles: articles)
        }
    }

    /// Every configured source for the OPML list, with the title and site link learned when fetching.
    func sourceListings() throws(StoreError) -> [SourceListing] {
        let states = Dictionary(try store.allFetchStates().map { ($0.feedKey, $0) }) { a, _ in a }
        return config.feeds.map { feed in
            let state = states[feed.key]
            return SourceListing(feed: feed, fetchedTitle: state?.title, siteURL: state?.siteLink)
        }
    }
}
