import GRDB

/// The tables that let published archives outlive retention and WebSub pings survive a hub outage.
///
/// - `published_entry`: one row per entry a section's feed ever carried: the archive month it belongs
///   to (`period`, `YYYY-MM`, the month of the run that first published it) and the entry as last
///   published while that month was open (`entry`, JSON). Never expired by retention.
/// - `archive_period`: one row per section and month with an archive document; `finalized` once the
///   month closed and its documents were written for the last time.
/// - `hub_ping`: a WebSub notification (`hub`, `topic`) not yet accepted by its hub, with the number
///   of failed attempts, the earliest time to try again and the last error.
/// - `feed_info.language`: the language a feed declares, carried to its entries.
extension StoreSchema {
    static func createPublicationHistory(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE published_entry (
                    sectionId TEXT NOT NULL, entryId TEXT NOT NULL, period TEXT NOT NULL,
                    firstPublished REAL NOT NULL, entry TEXT NOT NULL,
                    PRIMARY KEY (sectionId, entryId)
                ) STRICT;
                CREATE INDEX published_entry_period ON published_entry(sectionId, period);
                CREATE TABLE archive_period (
                    sectionId TEXT NOT NULL, period TEXT NOT NULL, finalized INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (sectionId, period)
                ) STRICT;
                CREATE TABLE hub_ping (
                    hub TEXT NOT NULL, topic TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
                    nextAttempt REAL NOT NULL, lastError TEXT,
                    PRIMARY KEY (hub, topic)
                ) STRICT;
                ALTER TABLE feed_info ADD COLUMN language TEXT;
                """)
    }
}
