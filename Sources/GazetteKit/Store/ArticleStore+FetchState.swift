import Foundation
import GRDB

/// Persisting each feed's `FeedFetchState`, so conditional GET, back-off and redirects survive runs.
extension ArticleStore {
    /// Saves one feed's fetch state on its own (a 304, a failure, a skipped feed), in one transaction.
    public func saveFetchState(_ state: FeedFetchState) throws(StoreError) {
        try write("saving the fetch state of \(state.feedKey)") { db in try Self.upsert(state, db) }
    }

    /// The stored fetch state of `feedKey`, or `nil` if the feed was never fetched.
    public func fetchState(for feedKey: String) throws(StoreError) -> FeedFetchState? {
        try read("reading the fetch state of \(feedKey)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM feed_state WHERE feedKey = ?", arguments: [feedKey])
                .map(Self.fetchState(from:))
        }
    }

    /// Every stored fetch state, ordered by feed key.
    public func allFetchStates() throws(StoreError) -> [FeedFetchState] {
        try read("reading fetch states") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM feed_state ORDER BY feedKey").map(Self.fetchState(from:))
        }
    }

    static func upsert(_ state: FeedFetchState, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO feed_state (feedKey, etag, lastModified, bodyHash, lastStatus, lastError,
                    lastAttempt, lastSuccess, consecutiveFailures, nextFetch, movedTo, gone, itemCount, title,
                    siteLink, lastMatchCount, recoveredXML)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            state.feedKey, state.etag, state.lastModified, state.bodyHash, state.lastStatus, state.lastError,
            StoredDate.encode(state.lastAttempt), StoredDate.encode(state.lastSuccess),
            state.consecutiveFailures, StoredDate.encode(state.nextFetch), state.movedTo, state.gone,
            state.itemCount, state.title, state.siteLink, state.lastMatchCount, state.recoveredXML,
        ])
    }

    private static func fetchState(from row: Row) -> FeedFetchState {
        FeedFetchState(
            feedKey: row["feedKey"], etag: row["etag"], lastModified: row["lastModified"],
            bodyHash: row["bodyHash"], lastStatus: row["lastStatus"], lastError: row["lastError"],
            lastAttempt: StoredDate.decode(row["lastAttempt"]), lastSuccess: StoredDate.decode(row["lastSuccess"]),
            consecutiveFailures: row["consecutiveFailures"], nextFetch: StoredDate.decode(row["nextFetch"]),
            movedTo: row["movedTo"], gone: row["gone"], itemCount: row["itemCount"], title: row["title"],
            siteLink: row["siteLink"], lastMatchCount: row["lastMatchCount"], recoveredXML: row["recoveredXML"]
        )
    }
}
