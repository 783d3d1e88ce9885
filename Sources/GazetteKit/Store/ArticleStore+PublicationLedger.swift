import Foundation
import GRDB

/// The store as the publisher's ledger: what each section published, per archive month
/// (`published_entry`, `archive_period`). Retention never touches these tables.
extension ArticleStore: PublicationLedger {
    func recordHead(section: String, entries: [PublishedEntry], period: ArchivePeriod, now: Date) throws(PublishError)
        -> SectionArchiveState?
    {
        do {
            return try pool.write { db in
                let bounds = try Row.fetchOne(
                    db, sql: "SELECT min(period) AS first, max(period) AS last FROM published_entry WHERE sectionId = ?",
                    arguments: [section])
                let first = (bounds?["first"] as String?).flatMap(ArchivePeriod.init(name:))
                let last = (bounds?["last"] as String?).flatMap(ArchivePeriod.init(name:))
                let closed = try String.fetchOne(
                    db, sql: "SELECT max(period) FROM archive_period WHERE sectionId = ? AND finalized = 1", arguments: [section]
                ).flatMap(ArchivePeriod.init(name:))
                // Never a month already recorded past, nor one already finalized (a clock set back).
                let open = max(period, last ?? period, closed?.next ?? period)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                for entry in entries {
                    let json = String(decoding: try encoder.encode(entry), as: UTF8.self)
                    // New: joins the open month. Known in the open month: keeps its latest version.
                    // Known in an earlier month: untouched (that month's archive is closed).
                    try db.execute(
                        sql: """
                            INSERT INTO published_entry (sectionId, entryId, period, firstPublished, entry) VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT (sectionId, entryId) DO UPDATE SET entry = excluded.entry
                            WHERE published_entry.period = excluded.period AND published_entry.entry IS NOT excluded.entry
                            """,
                        arguments: [section, entry.id, open.name, StoredDate.encode(now), json])
                }
                guard let start = first ?? (entries.isEmpty ? nil : open) else { return nil }
                let finalized = try String.fetchAll(
                    db, sql: "SELECT period FROM archive_period WHERE sectionId = ? AND finalized = 1", arguments: [section])
                return SectionArchiveState(first: start, open: open, finalized: Set(finalized.compactMap(ArchivePeriod.init(name:))))
            }
        } catch {
            throw .history(section: section, reason: Self.reason(error))
        }
    }

    func archivedEntries(section: String, period: ArchivePeriod) throws(PublishError) -> [PublishedEntry] {
        do {
            return try pool.read { db in
                let decoder = JSONDecoder()
                let rows = try String.fetchAll(
                    db, sql: "SELECT entry FROM published_entry WHERE sectionId = ? AND period = ? ORDER BY entryId",
                    arguments: [section, period.name])
                return try rows.map { try decoder.decode(PublishedEntry.self, from: Data($0.utf8)) }
            }
        } catch {
            throw .history(section: section, reason: Self.reason(error))
        }
    }

    func markFinalized(section: String, period: ArchivePeriod) throws(PublishError) {
        do {
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO archive_period (sectionId, period, finalized) VALUES (?, ?, 1)
                        ON CONFLICT (sectionId, period) DO UPDATE SET finalized = 1
                        """,
                    arguments: [section, period.name])
            }
        } catch {
            throw .history(section: section, reason: Self.reason(error))
        }
    }
}
