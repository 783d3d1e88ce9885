import Foundation
import GRDB

/// Reading and writing the `article` table and rebuilding an article from its stored copies.
enum ArticleRow {
    /// An article as stored, with the time Gazette last saw its content change.
    struct Stored {
        var article: Article
        var changedAt: Date?
    }

    static func insert(_ article: Article, changedAt: Date?, db: Database, encoder: JSONEncoder) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO article (id, title, link, published, updated, firstSeen, changedAt, sortDate, authors,
                    summary, content, categories, enclosures, image, canonicalLink, titleKey, titleCore)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: arguments(article, changedAt: changedAt, encoder: encoder))
    }

    static func update(_ article: Article, changedAt: Date?, db: Database, encoder: JSONEncoder) throws {
        var values = arguments(article, changedAt: changedAt, encoder: encoder)
        values += [article.id]
        try db.cachedStatement(
            sql: """
                UPDATE article SET id = ?, title = ?, link = ?, published = ?, updated = ?, firstSeen = ?, changedAt = ?,
                    sortDate = ?, authors = ?, summary = ?, content = ?, categories = ?, enclosures = ?, image = ?,
                    canonicalLink = ?, titleKey = ?, titleCore = ?
                WHERE id = ?
                """
        ).execute(arguments: values)
    }

    private static func arguments(_ article: Article, changedAt: Date?, encoder: JSONEncoder) -> StatementArguments {
        [
            article.id, article.title, article.link, StoredDate.encode(article.published),
            StoredDate.encode(article.updated), StoredDate.encode(article.firstSeen), StoredDate.encode(changedAt),
            StoredDate.encode(article.effectiveUpdated), json(article.authors, encoder), article.summary,
            article.content, json(article.categories, encoder), json(article.enclosures, encoder), article.image,
            article.link.flatMap(CanonicalLink.canonicalize), TitleKey.normalized(article.title),
            TitleKey.core(article.title),
        ]
    }

    /// The stored article `id` (without sources), or `nil`.
    static func fetch(_ id: String, db: Database, decoder: JSONDecoder) throws -> Stored? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM article WHERE id = ?"), arguments: [id])
            .map { decode($0, decoder: decoder) }
    }

    /// An article row as an `Article` with no sources.
    static func decode(_ row: Row, decoder: JSONDecoder) -> Stored {
        let article = Article(
            id: row["id"], title: row["title"], link: row["link"],
            published: StoredDate.decode(row["published"]), updated: StoredDate.decode(row["updated"]),
            firstSeen: StoredDate.decode(row["firstSeen"]) ?? Date(timeIntervalSinceReferenceDate: 0),
            authors: list(row["authors"], decoder), summary: row["summary"], content: row["content"],
            categories: list(row["categories"], decoder), enclosures: list(row["enclosures"], decoder),
            image: row["image"])
        return Stored(article: article, changedAt: StoredDate.decode(row["changedAt"]))
    }

    /// Every stored copy of article `id`, in first-seen order, with its feed's provenance.
    static func copies(of id: String, db: Database, decoder: JSONDecoder) throws -> [ArticleMerger.Copy] {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT s.feedKey, s.entryID, s.link, s.firstSeen, s.item, f.title AS feedTitle, f.link AS feedLink,
                        f.feedID, f.updated AS feedUpdated, f.language AS feedLanguage
                    FROM article_source s LEFT JOIN feed_info f ON f.feedKey = s.feedKey
                    WHERE s.articleId = ? ORDER BY s.firstSeen, s.id
                    """),
            arguments: [id])
        return try rows.map { row in
            let item = try decoder.decode(FeedItem.self, from: Data((row["item"] as String).utf8))
            return ArticleMerger.Copy(source: source(from: row), item: item)
        }
    }

    /// Provenance from a row with `feedKey, entryID, link, firstSeen, feedTitle, feedLink, feedID, feedUpdated`.
    static func source(from row: Row) -> ArticleSource {
        ArticleSource(
            feedKey: row["feedKey"], feedTitle: row["feedTitle"], feedLink: row["feedLink"], feedID: row["feedID"],
            feedUpdated: StoredDate.decode(row["feedUpdated"]), entryID: row["entryID"], link: row["link"],
            firstSeen: StoredDate.decode(row["firstSeen"]) ?? Date(timeIntervalSinceReferenceDate: 0),
            feedLanguage: row["feedLanguage"])
    }

    /// What rebuilding an article from its copies changed.
    enum Remerge {
        /// Nothing: no write.
        case unchanged
        /// Only metadata (link, update time from a feed's date) was rewritten.
        case metadata
        /// Its title, text, dates, people, categories, enclosures or image changed.
        case content
    }

    /// Rebuilds article `id` from its copies and writes it if anything changed.
    ///
    /// `changedAt`: when a copy changed without a newer updated date, the time to record as the
    /// article's update time — used only if the merged content (`sameContent`) really changed.
    static func remerge(
        _ id: String, changedAt proposed: Date?, db: Database, decoder: JSONDecoder, encoder: JSONEncoder
    ) throws -> Remerge {
        guard let stored = try fetch(id, db: db, decoder: decoder) else { return .unchanged }
        let copies = try copies(of: id, db: db, decoder: decoder)
        let firstSeen = stored.article.firstSeen
        guard var merged = ArticleMerger.merge(id: id, firstSeen: firstSeen, changedAt: stored.changedAt, copies: copies)
        else { return .unchanged }
        let contentChanged = !sameContent(merged, stored.article)
        var changedAt = stored.changedAt
        if let proposed, contentChanged {
            changedAt = max(stored.changedAt ?? proposed, proposed)
            merged = ArticleMerger.merge(id: id, firstSeen: firstSeen, changedAt: changedAt, copies: copies) ?? merged
        }
        var before = stored.article
        before.sources = merged.sources
        guard merged != before || changedAt != stored.changedAt else { return .unchanged }
        try update(merged, changedAt: changedAt, db: db, encoder: encoder)
        let feedDatedUpdate = merged.updated != stored.article.updated && changedAt == stored.changedAt
        return contentChanged || feedDatedUpdate ? .content : .metadata
    }

    /// Whether two versions of an article say the same thing: everything but the link (a site
    /// moving host or scheme is not news) and the update time.
    static func sameContent(_ a: Article, _ b: Article) -> Bool {
        a.title == b.title && a.published == b.published && a.summary == b.summary
            && a.content == b.content && a.authors == b.authors && a.categories == b.categories
            && a.enclosures == b.enclosures && a.image == b.image
    }

    private static func json<T: Encodable & Collection>(_ value: T, _ encoder: JSONEncoder) -> String {
        if value.isEmpty { return "[]" }
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    private static func list<T: Decodable>(_ text: String?, _ decoder: JSONDecoder) -> [T] {
        guard let text, text != "[]" else { return [] }
        return (try? decoder.decode([T].self, from: Data(text.utf8))) ?? []
    }
}
