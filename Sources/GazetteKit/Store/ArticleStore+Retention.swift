import Foundation
import GRDB

/// Forgetting old articles without ever re-publishing them.
extension ArticleStore {
    /// What a retention pass removed.
    public struct RetentionReport: Sendable, Hashable {
        /// Articles deleted (their ids are kept as tombstones).
        public var expiredArticleIDs: [String]
        /// Tombstones written (one per copy of each expired article).
        public var tombstonesAdded: Int
        /// Tombstones older than the tombstone age limit, deleted.
        public var tombstonesPruned: Int
    }

    /// Deletes articles first seen more than `maxAge` ago, except each feed's `keepPerFeed` newest
    /// (by `Article.effectiveUpdated`), in one transaction.
    ///
    /// Age counts from first-seen time, not the feed's dates, so an old story seen for the first time
    /// is not expired at once. Every copy of an expired article leaves a tombstone (its feed, id,
    /// canonical link, title and content hash): when the feed still lists the entry, the next ingest
    /// recognises it and does not publish it again. Tombstones older than `tombstoneMaxAge` are
    /// dropped (feeds list a few dozen recent entries; two years is far beyond any feed's memory).
    public func applyRetention(
        now: Date, maxAge: TimeInterval = 90 * 86_400, keepPerFeed: Int = 50,
        tombstoneMaxAge: TimeInterval = 730 * 86_400
    ) throws(StoreError) -> RetentionReport {
        try write("expiring old articles") { db in
            let expired = try String.fetchAll(
                db,
                sql: """
                    SELECT id FROM article WHERE firstSeen < ? AND id NOT IN (
                        SELECT articleId FROM (
                            SELECT s.articleId, row_number() OVER (
                                PARTITION BY s.feedKey ORDER BY a.sortDate DESC, a.firstSeen DESC, a.id) AS rank
                            FROM article_source s JOIN article a ON a.id = s.articleId)
                        WHERE rank <= ?)
                    ORDER BY firstSeen, id
                    """,
                arguments: [StoredDate.encode(now - maxAge), max(0, keepPerFeed)])
            var added = 0
            if !expired.isEmpty {
                let ids = String(decoding: try JSONEncoder().encode(expired), as: UTF8.self)
                try db.execute(
                    sql: """
                        INSERT INTO tombstone (articleId, feedKey, entryID, entryKey, idIsReliable, canonicalLink,
                            linkIsReliable, titleKey, contentHash, expiredAt)
                        SELECT articleId, feedKey, entryID, entryKey, idIsReliable, canonicalLink, linkIsReliable,
                            titleKey, contentHash, ? FROM article_source
                        WHERE articleId IN (SELECT value FROM json_each(?))
                        """,
                    arguments: [StoredDate.encode(now), ids])
                added = db.changesCount
                try db.execute(
                    sql: "DELETE FROM article WHERE id IN (SELECT value FROM json_each(?))", arguments: [ids])
            }
            try db.execute(
                sql: "DELETE FROM tombstone WHERE expiredAt < ?", arguments: [StoredDate.encode(now - tombstoneMaxAge)])
            let pruned = db.changesCount
            return RetentionReport(expiredArticleIDs: expired, tombstonesAdded: added, tombstonesPruned: pruned)
        }
    }

    /// How many tombstones the store holds.
    public func tombstoneCount() throws(StoreError) -> Int {
        try read("counting tombstones") { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM tombstone") ?? 0 }
    }
}
