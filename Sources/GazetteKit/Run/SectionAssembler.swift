import Foundation

/// Chooses each section's candidate articles from the store: those carried by the section's own
/// sources, plus those any source routes to it by category or keyword, each time under the feeds'
/// current `include`/`exclude`/`categories` filters (editing a filter changes what is published at once).
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
        var subjectCache: [String: KeywordFilter.Subject] = [:]
        func subject(_ article: Article) -> KeywordFilter.Subject {
            if let cached = subjectCache[article.id] { return cached }
            let summary = (article.summary ?? article.content).map { sanitizer.plainText(fromHTML: $0) }
            let made = KeywordFilter.Subject(title: article.title, summary: summary, categories: article.categories)
            subjectCache[article.id] = made
            return made
        }
        let routed = config.sections.contains { $0.route != nil }
        let recent = routed ? try store.recentArticles(limit: Self.routingWindow) : []
        let capByFeed = Dictionary(config.feeds.compactMap { feed in feed.maxEntries.map { (feed.key, $0) } }) { a, _ in a }
        let feedByKey = Dictionary(config.feeds.map { ($0.key, $0) }) { a, _ in a }
        let filtered = config.feeds.contains { $0.filter != nil }

        /// A feed's current include/exclude/categories apply to what it already brought, like routes:
        /// an article stays when one of its copies came from a feed (of `section`, when given) whose filter keeps it.
        func passesFilters(_ article: Article, section: String?) -> Bool {
            guard filtered else { return true }
            let feeds = article.sources.compactMap { feedByKey[$0.feedKey] }
                .filter { feed in section.map { feed.sections.contains($0) } ?? true }
            guard !feeds.isEmpty else { return section == nil }
            if feeds.contains(where: { $0.filter == nil }) { return true }
            let text = subject(article)
            return feeds.contains { $0.filter?.matches(text) ?? true }
        }

        return try config.sections.map { (section) throws(StoreError) -> SectionInput in
            let keys = config.feeds.filter { $0.sections.contains(section.id) }.map(\.key)
            let window = max(section.maxEntries * 5, 250)
            var articles = try store.articles(fromFeeds: keys, limit: window).filter { passesFilters($0, section: section.id) }
            if let route = section.route {
                var seen = Set(articles.map(\.id))
                for article in recent where !seen.contains(article.id) && route.matches(subject(article)) {
                    guard passesFilters(article, section: nil) else { continue }
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
