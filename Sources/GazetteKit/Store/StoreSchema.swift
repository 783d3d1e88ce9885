import Foundation
import GRDB

/// The state database's schema, built by numbered migrations so every older file upgrades in place.
///
/// Dates are stored as `REAL` seconds since the reference date (2001-01-01 UTC), which round-trip
/// `Date` exactly. Lists (authors, categories, enclosures) and each feed's copy of an entry are
/// stored as JSON text.
///
/// v1 tables:
/// - `feed_state`: one row per feed key, every `FeedFetchState` field.
/// - `feed_info`: one row per feed key, the feed metadata shown in provenance (`ArticleSource`).
/// - `article`: the merged article; `titleKey`/`titleCore` indexed the content rule's candidates until v2,
///   `sortDate` (updated, else published, else first seen) orders reads, `changedAt` is when
///   Gazette saw a copy change without a newer updated date.
/// - `article_source`: one row per feed copy, with the keys it is recognised by (entry id and its
///   canonical key, canonical link, host-free keys, content hash), the digest of the copy
///   (`copyHash`) and the copy itself (`item`, JSON `FeedItem`). Deleted with its article.
/// - `tombstone`: the keys (ids, canonical links, title, content hash) each feed's copies of an
///   expired article were recognised by.
///
/// `feedStateRecoveredXML` adds `feed_state.recoveredXML` (a feed whose XML is always malformed is
/// reported once, not on every run).
///
/// "publication-history" (see `StoreSchema+PublicationHistory.swift`): what each section published
/// (for its RFC 5005 archives), each archive month's state, WebSub pings still to deliver, and
/// each feed's declared language.
///
/// v2 (`v2-candidate-keys`):
/// - `candidate_key`: the `CandidateKeys` of every copy (`sourceId` → `article_source.id`, deleted
///   with it) with the copy's date (published, else updated, else first seen), keyed by
///   (key, date, sourceId) so a new copy's candidates are a few index range scans within the date
///   window. The migration indexes every stored copy at once (decoding its JSON item), so a
///   migrated store finds old articles exactly like new ones.
/// - The index `article_titleCore` is dropped: candidates are found through `candidate_key` (the
///   `titleKey`/`titleCore` columns stay, unindexed).
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createVersion1)
        migrator.registerMigration("feedStateRecoveredXML") { db in
            try db.execute(sql: "ALTER TABLE feed_state ADD COLUMN recoveredXML TEXT")
        }
        migrator.registerMigration("publication-history", migrate: createPublicationHistory)
        migrator.registerMigration("v2-candidate-keys", migrate: createCandidateKeys)
        return migrator
    }

    private static func createCandidateKeys(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE candidate_key (
                    key INTEGER NOT NULL, date REAL NOT NULL,
                    sourceId INTEGER NOT NULL REFERENCES article_source(id) ON DELETE CASCADE,
                    PRIMARY KEY (key, date, sourceId)
                ) WITHOUT ROWID, STRICT;
                CREATE INDEX candidate_key_source ON candidate_key(sourceId);
                DROP INDEX IF EXISTS article_titleCore;
                """)
        let decoder = JSONDecoder()
        let rule = DuplicateRule()
        let rows = try Row.fetchCursor(db, sql: "SELECT id, firstSeen, item FROM article_source ORDER BY id")
        let insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO candidate_key (key, date, sourceId) VALUES (?, ?, ?)")
        while let row = try rows.next() {
            let text: String = row["item"]
            guard let item = try? decoder.decode(FeedItem.self, from: Data(text.utf8)) else { continue }
            let firstSeen = StoredDate.decode(row["firstSeen"]) ?? Date(timeIntervalSinceReferenceDate: 0)
            let sourceID: Int64 = row["id"]
            let copy = CandidateCopy(item: item, seen: firstSeen, rule: rule)
            for key in copy.keys.values {
                try insert.execute(arguments: [key, StoredDate.encode(copy.date), sourceID])
            }
        }
    }

    private static func createVersion1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE feed_state (
                    feedKey TEXT PRIMARY KEY NOT NULL,
                    etag TEXT, lastModified TEXT, bodyHash TEXT, lastStatus INTEGER, lastError TEXT,
                    lastAttempt REAL, lastSuccess REAL, consecutiveFailures INTEGER NOT NULL DEFAULT 0,
                    nextFetch REAL, movedTo TEXT, gone INTEGER NOT NULL DEFAULT 0, itemCount INTEGER,
                    title TEXT, siteLink TEXT, lastMatchCount INTEGER
                ) STRICT;
                CREATE TABLE feed_info (
                    feedKey TEXT PRIMARY KEY NOT NULL,
                    title TEXT, link TEXT, feedID TEXT, updated REAL
                ) STRICT;
                CREATE TABLE article (
                    id TEXT PRIMARY KEY NOT NULL,
                    title TEXT NOT NULL, link TEXT, published REAL, updated REAL,
                    firstSeen REAL NOT NULL, changedAt REAL, sortDate REAL NOT NULL,
                    authors TEXT NOT NULL, summary TEXT, content TEXT, categories TEXT NOT NULL,
                    enclosures TEXT NOT NULL, image TEXT,
                    canonicalLink TEXT, titleKey TEXT NOT NULL, titleCore TEXT NOT NULL
                ) STRICT;
                CREATE INDEX article_sortDate ON article(sortDate);
                CREATE INDEX article_firstSeen ON article(firstSeen);
                CREATE INDEX article_titleCore ON article(titleCore);
                CREATE TABLE article_source (
                    id INTEGER PRIMARY KEY,
                    articleId TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    feedKey TEXT NOT NULL,
                    entryID TEXT NOT NULL, entryKey TEXT NOT NULL, idIsReliable INTEGER NOT NULL,
                    link TEXT, canonicalLink TEXT, linkIsReliable INTEGER NOT NULL,
                    hostFreeKey1 TEXT, hostFreeKey2 TEXT,
                    titleKey TEXT NOT NULL, contentHash TEXT NOT NULL, copyHash TEXT NOT NULL,
                    firstSeen REAL NOT NULL, item TEXT NOT NULL
                ) STRICT;
                CREATE INDEX article_source_article ON article_source(articleId);
                CREATE INDEX article_source_entryID ON article_source(feedKey, entryID);
                CREATE INDEX article_source_entryKey ON article_source(feedKey, entryKey);
                CREATE INDEX article_source_link ON article_source(canonicalLink);
                CREATE INDEX article_source_hostFree1 ON article_source(feedKey, hostFreeKey1);
                CREATE INDEX article_source_hostFree2 ON article_source(feedKey, hostFreeKey2);
                CREATE INDEX article_source_contentHash ON article_source(feedKey, contentHash);
                CREATE TABLE tombstone (
                    id INTEGER PRIMARY KEY,
                    articleId TEXT NOT NULL, feedKey TEXT NOT NULL,
                    entryID TEXT NOT NULL, entryKey TEXT NOT NULL, idIsReliable INTEGER NOT NULL,
                    canonicalLink TEXT, linkIsReliable INTEGER NOT NULL, titleKey TEXT NOT NULL,
                    contentHash TEXT NOT NULL, expiredAt REAL NOT NULL
                ) STRICT;
                CREATE INDEX tombstone_entryKey ON tombstone(feedKey, entryKey);
                CREATE INDEX tombstone_entryID ON tombstone(feedKey, entryID);
                CREATE INDEX tombstone_link ON tombstone(canonicalLink);
                CREATE INDEX tombstone_article ON tombstone(articleId);
                CREATE INDEX tombstone_expiredAt ON tombstone(expiredAt);
                """)
    }
}
