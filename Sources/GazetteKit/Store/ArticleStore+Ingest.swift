import Foundation
import GRDB

/// Writing one feed's fetch results: its entries, deduplicated and merged, and its fetch state.
extension ArticleStore {
    /// Stores one feed's parsed document and fetch state in one transaction, so an interrupted run
    /// keeps either all of this feed's results or none.
    ///
    /// Entries are matched as `IngestSession` documents: unchanged entries cause no write at all,
    /// changed ones update their article, entries of expired articles are ignored, copies of a
    /// story already known from another feed join that article as a new source.
    ///
    /// - Parameters:
    ///   - feedKey: the feed's URL as written in `feeds.json`.
    ///   - feedTitle: the display name (`name` in feeds.json); `nil` uses the feed's own title.
    ///   - fetchState: saved as this feed's state (its `feedKey` is set to `feedKey`).
    ///   - now: the run's time, recorded as first-seen time of new articles and copies. Dates more
    ///     than a day after it (or before 1970) are not believed and not stored (`TrustedDates`).
    public func ingest(
        feedKey: String, feedTitle: String?, parsed: ParsedFeed, fetchState: FeedFetchState, now: Date
    ) throws(StoreError) -> IngestReport {
        let feed = FeedInfo(
            title: feedTitle ?? parsed.title, link: parsed.link, feedID: parsed.id ?? parsed.feedURL,
            updated: parsed.updated, language: parsed.language)
        let checked = parsed.items.map { TrustedDates.trusted($0, fetchedAt: now) }
        let items = checked.map(\.item)
        let identities = EntryIdentity.identities(for: items, siteLink: parsed.link)
        let rule = duplicateRule
        return try write("storing the entries of \(feedKey)") { db in
            try Self.saveFeedInfo(feed, feedKey: feedKey, db: db)
            var session = IngestSession(db: db, feedKey: feedKey, feed: feed, now: now, rule: rule)
            for (item, identity) in zip(items, identities) {
                try session.ingest(item, identity: identity)
            }
            session.report.untrustedDates = checked.reduce(0) { $0 + $1.dropped }
            var state = fetchState
            state.feedKey = feedKey
            try Self.upsert(state, db)
            return session.report
        }
    }

    private static func saveFeedInfo(_ feed: FeedInfo, feedKey: String, db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO feed_info (feedKey, title, link, feedID, updated, language) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (feedKey) DO UPDATE SET title = excluded.title, link = excluded.link,
                    feedID = excluded.feedID, updated = excluded.updated, language = excluded.language
                WHERE title IS NOT excluded.title OR link IS NOT excluded.link OR feedID IS NOT excluded.feedID
                    OR updated IS NOT excluded.updated OR language IS NOT excluded.language
                """
        ).execute(arguments: [feedKey, feed.title, feed.link, feed.feedID, StoredDate.encode(feed.updated), feed.language])
    }
}
