/// What ingesting one feed's document changed, so the run can log it and publish only what is new.
public struct IngestReport: Sendable, Hashable, Codable {
    /// The feed's key.
    public var feedKey: String
    /// Articles created by this document, in document order.
    public var newArticleIDs: [String] = []
    /// Articles whose title or content changed because this feed updated its entry.
    public var updatedArticleIDs: [String] = []
    /// Existing articles (first seen in another feed) that this feed's entries joined as a new source.
    public var mergedArticleIDs: [String] = []
    /// Entries already stored and unchanged: nothing was written for them.
    public var unchanged: Int = 0
    /// Entries whose article expired (tombstone): not published again.
    public var expired: Int = 0
    /// Entries repeating another entry of the same document: ignored.
    public var duplicatesInDocument: Int = 0
    /// Dates not believed (more than a day ahead of the fetch, or before 1970; see `TrustedDates`)
    /// and therefore not stored.
    public var untrustedDates: Int = 0

    /// An empty report for `feedKey`.
    public init(feedKey: String) { self.feedKey = feedKey }

    /// Number of new articles.
    public var new: Int { newArticleIDs.count }
    /// Number of updated articles.
    public var updated: Int { updatedArticleIDs.count }
    /// Number of entries merged into existing articles.
    public var merged: Int { mergedArticleIDs.count }
}
