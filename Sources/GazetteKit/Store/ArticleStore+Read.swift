import Foundation
import GRDB

/// Reading articles for the publisher and for `gazette list`.
extension ArticleStore {
    /// The newest articles carried by any of `feedKeys` (a section's sources), newest first by
    /// `Article.effectiveUpdated`, at most `limit`, each with all its sources.
    public func articles(fromFeeds feedKeys: some Collection<String>, limit: Int) throws(StoreError) -> [Article] {
        let keys = Array(Set(feedKeys))
        guard !keys.isEmpty, limit > 0 else { return [] }
        let keysJSON = String(decoding: (try? JSONEncoder().encode(keys)) ?? Data("[]".utf8), as: UTF8.self)
        return try read("reading the articles of \(keys.count) feeds") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM article WHERE id IN (
                        SELECT articleId FROM article_source WHERE feedKey IN (SELECT value FROM json_each(?)))
                    ORDER BY sortDate DESC, firstSeen DESC, id LIMIT ?
                    """,
                arguments: [keysJSON, limit])
            return try Self.articles(from: rows, db: db)
        }
    }

    /// The newest articles of every feed (for keyword routing), newest first, at most `limit`,
    /// optionally only those whose sort date is at or after `since`.
    public func recentArticles(limit: Int, since: Date? = nil) throws(StoreError) -> [Article] {
        guard limit > 0 else { return [] }
        return try read("reading recent articles") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM article WHERE sortDate >= ? ORDER BY sortDate DESC, firstSeen DESC, id LIMIT ?
                    """,
                arguments: [StoredDate.encode(since) ?? -Double.greatestFiniteMagnitude, limit])
            return try Self.articles(from: rows, db: db)
        }
    }

    /// One article by its id, with its sources, or `nil`.
    public func article(id: String) throws(StoreError) -> Article? {
        try read("reading article \(id)") { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM article WHERE id = ?", arguments: [id])
            return try Self.articles(from: rows, db: db).first
        }
    }

    /// How many articles the store holds.
    public func articleCount() throws(StoreError) -> Int {
        try read("counting articles") { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0 }
    }

    private static func articles(from rows: [Row], db: Database) throws -> [Article] {
        let decoder = JSONDecoder()
        var articles = rows.map { ArticleRow.decode($0, decoder: decoder).article }
        guard !articles.isEmpty else { return [] }
        var sources: [String: [ArticleSource]] = [:]
        let ids = articles.map(\.id)
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let sourceRows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.articleId, s.feedKey, s.entryID, s.link, s.firstSeen, f.title AS feedTitle,
                        f.link AS feedLink, f.feedID, f.updated AS feedUpdated, f.language AS feedLanguage
                    FROM article_source s LEFT JOIN feed_info f ON f.feedKey = s.feedKey
                    WHERE s.articleId IN (\(placeholders)) ORDER BY s.firstSeen, s.id
                    """,
                arguments: StatementArguments(chunk))
            for row in sourceRows {
                sources[row["articleId"], default: []].append(ArticleRow.source(from: row))
            }
        }
        for index in articles.indices { articles[index].sources = sources[articles[index].id] ?? [] }
        return articles
    }
}
