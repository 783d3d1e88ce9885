import Foundation

/// An article made ready for publishing: every value cleaned, validated and defaulted once, so the
/// Atom, JSON Feed and index writers agree and none of them sees raw store data.
struct PublishedEntry: Sendable, Hashable, Codable {
    /// An author with a name (Atom requires one), an e-mail only if it looks like one, a web URI only.
    struct Author: Sendable, Hashable, Codable {
        var name: String
        var email: String?
        var uri: String?
    }

    /// The feed an entry came from, as `atom:source` describes it.
    ///
    /// No `updated`: the store keeps each feed's *latest* `updated` (many feeds change it on every
    /// fetch), so publishing it would rewrite every section on every run and defeat 304s. It can come
    /// back once the store keeps the feed's `updated` as of each copy.
    struct Source: Sendable, Hashable, Codable {
        var id: String?
        var title: String?
        var link: String?
        var feedURL: String?
    }

    /// Another feed that carried the same story ("Also reported by").
    struct Mention: Sendable, Hashable, Codable {
        var title: String
        /// That feed's link to the story (without click tracking), else its home page.
        var url: String?
        /// That feed's home page (its alternate link).
        var homePage: String?
        /// That feed's own URL, when it is a web URL.
        var feedURL: String?
    }

    var id: String
    var title: String
    var link: String?
    var published: Date
    var updated: Date
    var authors: [Author]
    var categories: [String]
    /// Sanitized HTML from the store, shown as the summary only when the article also has content.
    var summaryHTML: String?
    /// The content (else the summary) plus, for a merged article, the "Also reported by" paragraph.
    var contentHTML: String?
    var enclosures: [Enclosure]
    var image: String?
    var source: Source?
    var mentions: [Mention]
    /// The first source's display name, for the index page.
    var sourceTitle: String?
    /// The language the first source declares (`xml:lang` / JSON Feed `language` of the entry).
    var language: String?

    init(article: Article) {
        id = PublishedEntry.publishedID(for: article)
        title = PublishedEntry.text(article.title) ?? ""
        link = (PublishURL.web(article.link) ?? article.sources.lazy.compactMap { PublishURL.web($0.link) }.first)
            .map(PublishURL.withoutTracking)
        published = article.effectivePublished
        updated = article.effectiveUpdated

        let first = article.sources.first
        sourceTitle = PublishedEntry.text(first?.feedTitle)
        authors = article.authors.compactMap(PublishedEntry.author)
        if authors.isEmpty, let sourceTitle {
            authors = [Author(name: sourceTitle)]
        }

        var seenCategories: Set<String> = []
        categories = article.categories.compactMap(PublishedEntry.text).filter { seenCategories.insert($0).inserted }

        let content = PublishedEntry.html(article.content)
        let summary = PublishedEntry.html(article.summary)
        mentions = PublishedEntry.mentions(of: article)
        var body = content ?? summary
        if !mentions.isEmpty {
            body = (body.map { $0 + "\n" } ?? "") + PublishedEntry.alsoReportedByHTML(mentions)
        }
        contentHTML = body
        summaryHTML = content != nil && summary != content ? summary : nil

        enclosures = article.enclosures.compactMap { enclosure in
            guard let url = PublishURL.web(enclosure.url) else { return nil }
            let type = enclosure.type.flatMap(PublishedEntry.mediaType)
            let length = enclosure.length.flatMap { $0 >= 0 ? $0 : nil }
            return Enclosure(url: url, type: type, length: length)
        }
        image = PublishURL.web(article.image) ?? PublishedEntry.leadImage(in: enclosures)
        source = first.map(PublishedEntry.source)
        language = first?.feedLanguage.flatMap(ConfigDecoder.normalizedLanguageTag)
    }

    /// The first enclosure that is a picture (`image/…`), as the lead image of an entry whose source named none.
    static func leadImage(in enclosures: [Enclosure]) -> String? {
        enclosures.first { $0.type?.lowercased().hasPrefix("image/") == true }?.url
    }

    /// The article's id when it is a usable absolute IRI (RFC 4287 §4.2.6: an id must not change when
    /// an entry is syndicated); otherwise a `urn:uuid:` derived from the first source's key and the id.
    static func publishedID(for article: Article) -> String {
        if let iri = PublishURL.identifier(article.id) { return iri }
        return NameBasedUUID.urn(name: "gazette-entry:" + (article.sources.first?.feedKey ?? "") + "\n" + article.id)
    }

    /// The paragraph appended to a merged article's content, linking every other feed that carried it.
    static func alsoReportedByHTML(_ mentions: [Mention]) -> String {
        let items = mentions.map { mention in
            let title = XMLWriter.escapeText(mention.title)
            guard let url = mention.url else { return title }
            return "<a href=\"" + XMLWriter.escapeAttribute(url) + "\">" + title + "</a>"
        }
        return "<p class=\"gazette-also-reported\">Also reported by: " + items.joined(separator: ", ") + "</p>"
    }

    /// Single-line text (titles, names, terms): cleaned, runs of tabs, line breaks and spaces
    /// collapsed to one space, trimmed; `nil` when nothing is left. Every consumer then shows the same line.
    static func text(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let cleaned = XMLWriter.clean(raw)
        let words = cleaned.unicodeScalars.split(whereSeparator: { lineSpace.contains($0) })
        let joined = words.map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
        return joined.isEmpty ? nil : joined
    }

    private static let lineSpace: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r", "\u{2028}", "\u{2029}"]

    /// Cleaned HTML, trimmed, passed through `UnsanitizedHTMLGuard`; `nil` when nothing is left.
    private static func html(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let scalars = XMLWriter.clean(raw).unicodeScalars
        guard let first = scalars.firstIndex(where: { !lineSpace.contains($0) }),
            let last = scalars.lastIndex(where: { !lineSpace.contains($0) })
        else { return nil }
        return UnsanitizedHTMLGuard.guarded(String(scalars[first...last]))
    }

    private static func author(_ person: Person) -> Author? {
        let email = text(person.email).flatMap { isEmail($0) ? $0 : nil }
        let uri = PublishURL.web(text(person.uri))
        guard let name = text(person.name) ?? email ?? uri else { return nil }
        return Author(name: name, email: email, uri: uri)
    }

    private static func isEmail(_ text: String) -> Bool {
        guard let at = text.firstIndex(of: "@"), at != text.startIndex, text.index(after: at) != text.endIndex else { return false }
        return !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" })
    }

    /// A media type of the form `type/subtype` (optionally with parameters); `nil` otherwise.
    private static func mediaType(_ raw: String) -> String? {
        guard let type = text(raw), let slash = type.firstIndex(of: "/"), slash != type.startIndex,
            type.index(after: slash) != type.endIndex, !type.contains(where: { $0.isNewline || $0 == "<" || $0 == ">" })
        else { return nil }
        return type
    }

    /// The first copy's feed as `atom:source`. Its `id` (RFC 4287 §4.2.11 recommends one) is the
    /// feed's own id (its atom:id or self URL), else its web URL, else — for a local file source,
    /// whose path is nobody else's business — a `urn:uuid:` derived from its key, stable forever.
    private static func source(_ source: ArticleSource) -> Source {
        let feedURL = PublishURL.web(source.feedKey)
        return Source(
            id: PublishURL.identifier(text(source.feedID)) ?? feedURL
                ?? NameBasedUUID.urn(name: "gazette-feed:" + source.feedKey),
            title: text(source.feedTitle),
            link: PublishURL.web(source.feedLink),
            feedURL: feedURL
        )
    }

    private static func mentions(of article: Article) -> [Mention] {
        var seen: Set<String> = [article.sources.first?.feedKey ?? ""]
        var mentions: [Mention] = []
        for source in article.sources.dropFirst() where seen.insert(source.feedKey).inserted {
            let homePage = PublishURL.web(source.feedLink)
            let feedURL = PublishURL.web(source.feedKey)
            let url = PublishURL.web(source.link).map(PublishURL.withoutTracking) ?? homePage
            let host = (url ?? feedURL).flatMap { URL(string: $0)?.host }
            mentions.append(
                Mention(
                    title: text(source.feedTitle) ?? host ?? "another source", url: url, homePage: homePage,
                    feedURL: feedURL))
        }
        return mentions
    }
}
