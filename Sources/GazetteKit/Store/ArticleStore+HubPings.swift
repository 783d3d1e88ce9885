import Foundation
import GRDB

/// WebSub pings not yet accepted by their hub (`hub_ping`), so a hub that was down is notified on a
/// later run, with backoff, instead of never.
extension ArticleStore {
    /// Queues a ping for every hub and topic; a ping already queued keeps its backoff.
    public func queueHubPings(hubs: [String], topics: [String], now: Date) throws(StoreError) {
        guard !hubs.isEmpty, !topics.isEmpty else { return }
        try write("queueing WebSub pings") { db in
            for hub in hubs {
                for topic in topics {
                    try db.execute(
                        sql: """
                            INSERT INTO hub_ping (hub, topic, attempts, nextAttempt) VALUES (?, ?, 0, ?)
                            ON CONFLICT (hub, topic) DO NOTHING
                            """,
                        arguments: [hub, topic, StoredDate.encode(now)])
                }
            }
        }
    }

    /// Forgets queued pings to hubs not in `hubs` (a hub taken out of `site.hubs` is not retried).
    public func forgetHubPings(except hubs: [String]) throws(StoreError) {
        let list = String(decoding: (try? JSONEncoder().encode(hubs)) ?? Data("[]".utf8), as: UTF8.self)
        try write("forgetting WebSub pings") { db in
            try db.execute(sql: "DELETE FROM hub_ping WHERE hub NOT IN (SELECT value FROM json_each(?))", arguments: [list])
        }
    }

    /// Queued pings whose next attempt is due at `now`, oldest topic first.
    public func dueHubPings(now: Date) throws(StoreError) -> [WebSubNotifier.Ping] {
        try read("reading queued WebSub pings") { db in
            try Row.fetchAll(
                db, sql: "SELECT hub, topic, attempts FROM hub_ping WHERE nextAttempt <= ? ORDER BY hub, topic",
                arguments: [StoredDate.encode(now)]
            ).map { WebSubNotifier.Ping(hub: $0["hub"], topic: $0["topic"], attempts: $0["attempts"]) }
        }
    }

    /// Records what became of sent pings: accepted ones are forgotten, failed ones wait
    /// `WebSubNotifier.retryDelay` before the next attempt, or are dropped after `maxAttempts`.
    /// Returns the pings dropped.
    @discardableResult
    public func recordHubPingOutcomes(_ outcomes: [WebSubNotifier.Outcome], now: Date) throws(StoreError) -> [WebSubNotifier.Ping] {
        try write("recording WebSub ping results") { db in
            var dropped: [WebSubNotifier.Ping] = []
            for outcome in outcomes {
                let ping = outcome.ping
                let attempts = ping.attempts + 1
                if outcome.failure == nil || attempts >= WebSubNotifier.maxAttempts {
                    try db.execute(sql: "DELETE FROM hub_ping WHERE hub = ? AND topic = ?", arguments: [ping.hub, ping.topic])
                    if outcome.failure != nil { dropped.append(ping) }
                } else {
                    let next = now.addingTimeInterval(WebSubNotifier.retryDelay(afterFailures: attempts))
                    try db.execute(
                        sql: "UPDATE hub_ping SET attempts = ?, nextAttempt = ?, lastError = ? WHERE hub = ? AND topic = ?",
                        arguments: [attempts, StoredDate.encode(next), outcome.failure, ping.hub, ping.topic])
                }
            }
            return dropped
        }
    }
}
