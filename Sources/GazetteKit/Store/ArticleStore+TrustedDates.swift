import Foundation
import GRDB

/// Repairing dates stored before `TrustedDates` existed, so a story a feed dated "2035" stops
/// leading its section (and escaping expiry) on the next run or publish, without a re-fetch.
extension ArticleStore {
    /// Drops, from every copy of the articles that still carry one, the dates not believed at `now`
    /// (more than a day after `now` — hence after the fetch that brought them — or before 1970), and
    /// rebuilds those articles from their copies. Returns the ids of the articles repaired; a store
    /// with no such date is only read.
    @discardableResult
    public func forgetUntrustedDates(now: Date) throws(StoreError) -> [String] {
        let latest = StoredDate.encode(now + TrustedDates.futureTolerance)
        let earliest = StoredDate.encode(TrustedDates.earliest)
        return try write("forgetting implausible dates") { db in
            let ids = try String.fetchAll(
                db,
                sql: """
                    SELECT id FROM article WHERE published > ?1 OR updated > ?1 OR published < ?2 OR updated < ?2
                    ORDER BY id
                    """,
                arguments: [latest, earliest])
            guard !ids.isEmpty else { return [] }
            let decoder = JSONDecoder()
            let encoder = JSONEncoder()
            for id in ids {
                let copies = try Row.fetchAll(db, sql: "SELECT id, item FROM article_source WHERE articleId = ?", arguments: [id])
                for copy in copies {
                    let item = try decoder.decode(FeedItem.self, from: Data((copy["item"] as String).utf8))
                    let checked = TrustedDates.trusted(item, fetchedAt: now)
                    guard checked.dropped > 0 else { continue }
                    try db.execute(
                        sql: "UPDATE article_source SET item = ? WHERE id = ?",
                        arguments: [String(decoding: try encoder.encode(checked.item), as: UTF8.self), copy["id"] as Int64])
                }
                _ = try ArticleRow.remerge(id, changedAt: nil, db: db, decoder: decoder, encoder: encoder)
            }
            return ids
        }
    }
}
