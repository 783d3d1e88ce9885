import Foundation
import GRDB

/// One feed document being written inside one transaction: each entry is matched to what the
/// store remembers (same feed, then tombstones, then other feeds) and only changes are written.
///
/// Matching order for an entry of feed F:
/// 1. a stored copy from F, by the rules of `EntryIdentity` (id, link, host-free key + title,
///    content hash) — then the entry is unchanged (no write), changed (the copy and, if its
///    merged form differs, the article are rewritten) or a repeat within this document (ignored);
/// 2. a tombstone of F with the same id / content hash, or of any feed with the same identifying
///    link: the article expired and is not brought back;
/// 3. an article carried by another feed that `DuplicateRule` calls the same story (by link, then
///    among at most `maxCandidates` articles found through the entry's `CandidateKeys` within the
///    date window, at most `candidatesPerKey` per key): the entry becomes a new source of that article;
/// 4. otherwise a new article, whose id is the entry's id (suffixed `#<feed hash>` if another
///    article or a tombstone already has it).
struct IngestSession {
    let db: Database
    let feedKey: String
    let feed: FeedInfo
    let now: Date
    let rule: DuplicateRule
    var report: IngestReport
    private var usedCopies: Set<Int64> = []
    private let encoder = JSONEncoder()
    private let decoder = JSONDecoder()

    init(db: Database, feedKey: String, feed: FeedInfo, now: Date, rule: DuplicateRule) {
        self.db = db
        self.feedKey = feedKey
        self.feed = feed
        self.now = now
        self.rule = rule
        self.report = IngestReport(feedKey: feedKey)
    }

    mutating func ingest(_ item: FeedItem, identity: EntryIdentity) throws {
        if let copy = try sameFeedCopy(identity) {
            guard usedCopies.insert(copy.rowID).inserted else {
                report.duplicatesInDocument += 1
                return
            }
            try update(copy, with: item, identity: identity)
            return
        }
        if try isTombstoned(identity) {
            report.expired += 1
            return
        }
        let candidate = CandidateCopy(item: item, identity: identity, seen: now, rule: rule)
        if let articleID = try otherFeedArticle(item, identity: identity, copy: candidate) {
            let rowID = try insertCopy(item, identity: identity, articleID: articleID, copy: candidate)
            usedCopies.insert(rowID)
            _ = try ArticleRow.remerge(articleID, changedAt: nil, db: db, decoder: decoder, encoder: encoder)
            report.mergedArticleIDs.append(articleID)
            return
        }
        let articleID = try allocateID(for: item, identity: identity)
        let source = ArticleSource(
            feedKey: feedKey, feedTitle: feed.title, feedLink: feed.link, feedID: feed.feedID,
            feedUpdated: feed.updated, entryID: item.id, link: item.link, firstSeen: now, feedLanguage: feed.language)
        let copy = ArticleMerger.Copy(source: source, item: item)
        if let article = ArticleMerger.merge(id: articleID, firstSeen: now, changedAt: nil, copies: [copy]) {
            try ArticleRow.insert(article, changedAt: nil, db: db, encoder: encoder)
        }
        let rowID = try insertCopy(item, identity: identity, articleID: articleID, copy: candidate)
        usedCopies.insert(rowID)
        report.newArticleIDs.append(articleID)
    }

    // MARK: Same feed

    private func sameFeedCopy(_ identity: EntryIdentity) throws -> StoredCopyKeys? {
        let select = "SELECT \(StoredCopyKeys.columns) FROM article_source WHERE feedKey = ? AND "
        if identity.idIsReliable {
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: select + "entryKey = ? AND idIsReliable = 1 ORDER BY id"),
                arguments: [feedKey, identity.entryKey])
            if let best = StoredCopyKeys.bestByID(rows.map(StoredCopyKeys.init(row:)), for: identity) { return best }
        }
        if identity.linkIsReliable, let link = identity.canonicalLink {
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: select + "canonicalLink = ? AND linkIsReliable = 1 ORDER BY id"),
                arguments: [feedKey, link])
            if let match = rows.map(StoredCopyKeys.init(row:)).first(where: { $0.sameEntryByLink(identity) }) {
                return match
            }
        }
        if !identity.titleKey.isEmpty {
            for key in identity.hostFreeKeys {
                for column in ["hostFreeKey1", "hostFreeKey2"] {
                    let row = try Row.fetchOne(
                        db.cachedStatement(sql: select + "\(column) = ? AND titleKey = ? ORDER BY id LIMIT 1"),
                        arguments: [feedKey, key, identity.titleKey])
                    if let row { return StoredCopyKeys(row: row) }
                }
            }
        }
        let row = try Row.fetchOne(
            db.cachedStatement(sql: select + "contentHash = ? ORDER BY id LIMIT 1"),
            arguments: [feedKey, identity.contentHash])
        return row.map(StoredCopyKeys.init(row:))
    }

    private mutating func update(_ stored: StoredCopyKeys, with item: FeedItem, identity: EntryIdentity) throws {
        let keysUnchanged =
            stored.entryID == identity.entryID && stored.idIsReliable == identity.idIsReliable
            && stored.linkIsReliable == identity.linkIsReliable
        if stored.copyHash == identity.copyHash {
            report.unchanged += 1
            if !keysUnchanged { try rewriteCopy(stored.rowID, item: item, identity: identity, refreshKeys: false) }
            return
        }
        let storedItem = try String.fetchOne(
            db.cachedStatement(sql: "SELECT item FROM article_source WHERE id = ?"), arguments: [stored.rowID])
        let oldItem = storedItem.flatMap { try? decoder.decode(FeedItem.self, from: Data($0.utf8)) }
        try rewriteCopy(stored.rowID, item: item, identity: identity, refreshKeys: true)
        let feedDatedTheChange: Bool
        if let newUpdated = item.updated {
            feedDatedTheChange = oldItem?.updated.map { newUpdated > $0 } ?? true
        } else {
            feedDatedTheChange = false
        }
        let changed = try ArticleRow.remerge(
            stored.articleID, changedAt: feedDatedTheChange ? nil : now, db: db, decoder: decoder, encoder: encoder)
        if changed == .content {
            report.updatedArticleIDs.append(stored.articleID)
        } else {
            report.unchanged += 1
        }
    }

    // MARK: Tombstones

    private func isTombstoned(_ identity: EntryIdentity) throws -> Bool {
        let select =
            "SELECT id, articleId, entryID, entryKey, idIsReliable, canonicalLink, linkIsReliable, "
            + "titleKey, contentHash, NULL AS copyHash FROM tombstone WHERE "
        if identity.idIsReliable {
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: select + "feedKey = ? AND entryKey = ? AND idIsReliable = 1"),
                arguments: [feedKey, identity.entryKey])
            if rows.map(StoredCopyKeys.init(row:)).contains(where: { $0.sameEntryByID(identity) }) { return true }
        }
        if identity.linkIsReliable, let link = identity.canonicalLink {
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: select + "canonicalLink = ? AND linkIsReliable = 1"), arguments: [link])
            if rows.map(StoredCopyKeys.init(row:)).contains(where: { $0.sameEntryByLink(identity) }) { return true }
        }
        return try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM tombstone WHERE feedKey = ? AND contentHash = ?)"),
            arguments: [feedKey, identity.contentHash]) ?? false
    }

    // MARK: Other feeds

    private func otherFeedArticle(_ item: FeedItem, identity: EntryIdentity, copy: CandidateCopy) throws -> String? {
        let notInThisFeed = "NOT EXISTS (SELECT 1 FROM article_source o WHERE o.articleId = s.articleId AND o.feedKey = ?)"
        if identity.linkIsReliable, let link = identity.canonicalLink {
            let match = try String.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT s.articleId FROM article_source s
                        WHERE s.canonicalLink = ? AND s.linkIsReliable = 1 AND s.feedKey <> ? AND \(notInThisFeed)
                        ORDER BY s.id LIMIT 1
                        """),
                arguments: [link, feedKey, feedKey])
            if let match { return match }
        }
        let rows = try candidates(copy)
        guard !rows.isEmpty else { return nil }
        var mine = DuplicateRule.Facts(canonicalLink: identity.canonicalLink, title: copy.title, date: copy.date)
        var mineHasText = false
        for row in rows {
            let theirDate =
                StoredDate.decode(row["published"]) ?? StoredDate.decode(row["updated"]) ?? StoredDate.decode(row["firstSeen"]) ?? now
            var theirs = DuplicateRule.Facts(canonicalLink: nil, title: row["title"], date: theirDate)
            // Titles first: they are short, and most candidates fail on them.
            guard abs(theirDate.timeIntervalSince(copy.date)) <= rule.maxDateDistance, rule.titlesMayAgree(mine, theirs) else {
                continue
            }
            if !mineHasText {
                mine.text = copy.fingerprint()
                mineHasText = true
            }
            let text = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT content, summary FROM article WHERE id = ?"), arguments: [row["id"]])
            theirs.text = TextFingerprint(html: CandidateCopy.richerText(text?["content"], text?["summary"]))
            if rule.sameContent(mine, theirs) { return row["id"] }
        }
        return nil
    }

    /// Candidates stored under each key within the date window (the newest `candidatesPerKey` per
    /// key) that share a title key or `CandidateKeys.minSharedBodyKeys` body keys with the new copy,
    /// as articles without a copy from this feed, oldest first, at most `maxCandidates`. (Counted
    /// here rather than by SQL `GROUP BY`, whose temporary b-tree costs more than the whole look-up.)
    static let candidatesPerKey = 16
    static let maxCandidates = 50

    private func candidates(_ copy: CandidateCopy) throws -> [Row] {
        let keys = copy.keys.values
        guard !keys.isEmpty else { return [] }
        let low = StoredDate.encode(copy.date - rule.maxDateDistance)
        let high = StoredDate.encode(copy.date + rule.maxDateDistance)
        let byKey = try db.cachedStatement(
            sql: """
                SELECT sourceId FROM candidate_key WHERE key = ? AND date BETWEEN ? AND ?
                ORDER BY date DESC LIMIT \(Self.candidatesPerKey)
                """)
        var hits: [Int64: Int] = [:]
        for (index, key) in keys.enumerated() {
            let weight = index < copy.keys.titleKeyCount ? CandidateKeys.minSharedBodyKeys : 1
            for sourceID in try Int64.fetchAll(byKey, arguments: [key, low, high]) {
                hits[sourceID, default: 0] += weight
            }
        }
        let sources = hits.filter { $0.value >= CandidateKeys.minSharedBodyKeys }.keys.sorted()
        guard !sources.isEmpty else { return [] }
        let article = try db.cachedStatement(
            sql: """
                SELECT a.id, a.title, a.published, a.updated, a.firstSeen FROM article_source s JOIN article a ON a.id = s.articleId
                WHERE s.id = ? AND NOT EXISTS (SELECT 1 FROM article_source o WHERE o.articleId = a.id AND o.feedKey = ?)
                """)
        var seen = Set<String>()
        var rows: [Row] = []
        for sourceID in sources {
            guard let row = try Row.fetchOne(article, arguments: [sourceID, feedKey]) else { continue }
            if seen.insert(row["id"]).inserted { rows.append(row) }
        }
        rows.sort {
            (Double.fromDatabaseValue($0["firstSeen"]) ?? 0, $0["id"] as String) < (
                Double.fromDatabaseValue($1["firstSeen"]) ?? 0, $1["id"] as String
            )
        }
        return Array(rows.prefix(Self.maxCandidates))
    }

    // MARK: Writing copies and ids

    private func insertCopy(_ item: FeedItem, identity: EntryIdentity, articleID: String, copy: CandidateCopy) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO article_source (articleId, feedKey, entryID, entryKey, idIsReliable, link, canonicalLink,
                    linkIsReliable, hostFreeKey1, hostFreeKey2, titleKey, contentHash, copyHash, firstSeen, item)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            articleID, feedKey, identity.entryID, identity.entryKey, identity.idIsReliable, item.link,
            identity.canonicalLink, identity.linkIsReliable, identity.hostFreeKeys.first,
            identity.hostFreeKeys.dropFirst().first, identity.titleKey, identity.contentHash,
            identity.copyHash, StoredDate.encode(now), try json(item),
        ])
        let rowID = db.lastInsertedRowID
        try insertKeys(copy, sourceID: rowID)
        return rowID
    }

    /// Indexes a copy under its `CandidateKeys`.
    private func insertKeys(_ copy: CandidateCopy, sourceID: Int64) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO candidate_key (key, date, sourceId) VALUES (?, ?, ?)")
        let date = StoredDate.encode(copy.date)
        for key in copy.keys.values {
            try statement.execute(arguments: [key, date, sourceID])
        }
    }

    private func rewriteCopy(_ rowID: Int64, item: FeedItem, identity: EntryIdentity, refreshKeys: Bool) throws {
        try db.cachedStatement(
            sql: """
                UPDATE article_source SET entryID = ?, entryKey = ?, idIsReliable = ?, link = ?, canonicalLink = ?,
                    linkIsReliable = ?, hostFreeKey1 = ?, hostFreeKey2 = ?, titleKey = ?, contentHash = ?,
                    copyHash = ?, item = ?
                WHERE id = ?
                """
        ).execute(arguments: [
            identity.entryID, identity.entryKey, identity.idIsReliable, item.link, identity.canonicalLink,
            identity.linkIsReliable, identity.hostFreeKeys.first, identity.hostFreeKeys.dropFirst().first,
            identity.titleKey, identity.contentHash, identity.copyHash, try json(item), rowID,
        ])
        guard refreshKeys else { return }
        try db.cachedStatement(sql: "DELETE FROM candidate_key WHERE sourceId = ?").execute(arguments: [rowID])
        let seen = try Double.fetchOne(
            db.cachedStatement(sql: "SELECT firstSeen FROM article_source WHERE id = ?"), arguments: [rowID])
        try insertKeys(
            CandidateCopy(item: item, identity: identity, seen: StoredDate.decode(seen) ?? now, rule: rule), sourceID: rowID)
    }

    private func allocateID(for item: FeedItem, identity: EntryIdentity) throws -> String {
        let trimmed = CanonicalLink.trimmedWhitespace(item.id)
        let base = trimmed.isEmpty ? "urn:gazette:\(identity.contentHash)" : trimmed
        if try !isTaken(base) { return base }
        let suffix = String(ContentHash.fnv1a(feedKey), radix: 16)
        var candidate = "\(base)#\(suffix)"
        var attempt = 2
        while try isTaken(candidate) {
            candidate = "\(base)#\(suffix)-\(attempt)"
            attempt += 1
        }
        return candidate
    }

    private func isTaken(_ id: String) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT EXISTS (SELECT 1 FROM article WHERE id = ?) OR EXISTS (SELECT 1 FROM tombstone WHERE articleId = ?)
                    """),
            arguments: [id, id]) ?? false
    }

    private func json(_ item: FeedItem) throws -> String {
        String(decoding: try encoder.encode(item), as: UTF8.self)
    }
}
