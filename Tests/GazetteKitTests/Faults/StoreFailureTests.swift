import Foundation
import GRDB
import Testing

/// The store refusing a feed's entries mid-run (here a trigger raising SQLite's "database or disk is
/// full", so the test needs no root): the run exits 4 naming the database, and the feed's new fetch
/// state is not saved, so the next run stores the entries instead of skipping the body as unchanged.
@Suite(.serialized) struct StoreFailureTests {
    @Test func aFeedTheStoreRefusesIsFetchedAgainNextRun() throws {
        let workspace = try FaultWorkspace(feeds: 2)
        defer { workspace.remove() }
        for n in 0..<2 { try workspace.writeFeed(n, items: (0..<2).map { ($0, "Story \($0) of feed \(n)") }) }
        try #require(try workspace.run().status == 0)

        for n in 0..<2 { try workspace.writeFeed(n, items: (0..<4).map { ($0, "Story \($0) of feed \(n)") }) }
        try DatabaseQueue(path: workspace.database.path).write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER refuse BEFORE INSERT ON article
                    BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END
                    """)
        }
        let refused = try workspace.run(["--force"])
        #expect(refused.status == 4, "\(refused.stderr)")
        #expect(refused.stderr.contains(workspace.database.path) && refused.stderr.contains("storing the entries"), "\(refused.stderr)")
        #expect(Set(workspace.publishedIDs()).count == 4, "nothing is published from a run whose store failed")

        try DatabaseQueue(path: workspace.database.path).write { db in try db.execute(sql: "DROP TRIGGER refuse") }
        let next = try workspace.run(["--force"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains("2 fetched"), "the unchanged bodies are stored, not skipped: \(next.stdout)")
        let expected = Set((0..<2).flatMap { n in (0..<4).map { FaultWorkspace.itemID(feed: n, item: $0) } })
        #expect(Set(workspace.publishedIDs()) == expected)
    }
}
