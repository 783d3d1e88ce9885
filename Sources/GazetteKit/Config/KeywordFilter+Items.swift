/// Convenience subjects built from the pipeline's own types, so callers need not remember that
/// summaries are HTML and must be matched as plain text.
extension KeywordFilter.Subject {
    /// A parsed item's title, summary (or content when it has no summary) as plain text, and categories.
    public init(item: FeedItem) {
        self.init(title: item.title, html: item.summary ?? item.content, categories: item.categories)
    }

    /// A stored article's title, summary (or content) as plain text, and categories.
    public init(article: Article) {
        self.init(title: article.title, html: article.summary ?? article.content, categories: article.categories)
    }

    private init(title: String?, html: String?, categories: [String]) {
        let summary = html.map { HTMLSanitizer().plainText(fromHTML: $0) }
        self.init(title: title, summary: summary, categories: categories)
    }
}
