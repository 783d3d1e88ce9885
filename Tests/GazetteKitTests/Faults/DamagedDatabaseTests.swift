import Foundation
import GRDB
import Testing

/// A state database that is not SQLite, cut short, or has random bytes over a page: the run stops
/// with status 4 and a message naming the file and what to do, leaves the file exactly as it was
/// (no silent new empty store) and publishes nothing from it.
@Suite(.serialized) struct DamagedDatabaseTests {
    enum Damage: String, CaseIterable, CustomTestStringConvertible {
        case notSQLite, truncated, randomPage
        var testDescription: String { rawValue }
    }

    /// A workspace after one completed run of 3 feeds × 20 stories.
    static func publishedWorkspace() throws -> FaultWorkspace {
        let workspace = try FaultWorkspace(feeds: 3)
        for n in 0..<3 { try workspace.writeFeed(n, items: (0..<20).map { ($0, "Story \($0) of feed \(n)") }, padding: 600) }
        let first = try workspace.run()
        try #require(first.status == 0, "stderr: \(first.stderr)")
        try #require(workspace.publishedIDs().count == 60)
        return workspace
    }

    static func damage(_ damage: Damage, at url: URL) throws {
        var bytes = try Data(contentsOf: url)
        switch damage {
        case .notSQLite:
            bytes = Data(String(repeating: "This is a log file, not a database.\n", count: 200).utf8)
        case .truncated:
            bytes = bytes.prefix(bytes.count / 3)
        case .randomPage:
            // The root page of the article table, overwritten with reproducible noise.
            let root = try DatabaseQueue(path: url.path).read { db in
                try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'article'")
            }
            let pageSize = 4096
            let page = try #require(root)
            var rng = SeededGenerator(seed: 17)
            let noise = (0..<pageSize).map { _ in UInt8.random(in: 0...255, using: &rng) }
            bytes.replaceSubrange((page - 1) * pageSize..<page * pageSize, with: noise)
        }
        try bytes.write(to: url)
    }

    @Test(arguments: Damage.allCases) func damagedDatabaseIsReportedAndLeftAlone(_ damage: Damage) throws {
        let workspace = try Self.publishedWorkspace()
        defer { workspace.remove() }
        // No -wal left behind by the completed run: every commit is in the main file.
        let wal = (try? FileManager.default.attributesOfItem(atPath: workspace.database.path + "-wal"))?[.size] as? Int ?? 0
        #expect(wal == 0)
        try Self.damage(damage, at: workspace.database)
        let damaged = try Data(contentsOf: workspace.database)
        let published = workspace.outputFiles()

        for n in 0..<3 { try workspace.writeFeed(n, items: (0..<25).map { ($0, "Story \($0) of feed \(n)") }, padding: 600) }
        let result = try workspace.run(["--force"])
        #expect(result.status == 4, "status \(result.status), stderr: \(result.stderr)")
        #expect(result.stderr.contains(workspace.database.path), "\(result.stderr)")
        #expect(
            result.stderr.contains("restore it from a backup") || result.stderr.contains("move it away"),
            "the message says what to do: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"), "\(result.stderr)")
        #expect(try Data(contentsOf: workspace.database) == damaged, "the damaged file must be left as it was")
        #expect(workspace.outputFiles() == published, "nothing may be published from a damaged store")

        // Moving the file aside, as the message says, is the only step needed.
        try FileManager.default.moveItem(at: workspace.database, to: workspace.database.appendingPathExtension("damaged"))
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: workspace.database.path + suffix) }
        let next = try workspace.run()
        #expect(next.status == 0, "stderr: \(next.stderr)")
        #expect(Set(workspace.publishedIDs()) == Set((0..<3).flatMap { n in (0..<25).map { FaultWorkspace.itemID(feed: n, item: $0) } }))
        #expect(try workspace.integrity() == ["ok"])
    }

    @Test func aFolderWhereTheDatabaseShouldBe() throws {
        let workspace = try Self.publishedWorkspace()
        defer { workspace.remove() }
        let folder = workspace.root.appendingPathComponent("state-folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let result = try workspace.run(["--database", folder.path])
        #expect(result.status == 4, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("\(folder.path): it is a folder, not a database file"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.path + ".lock"), "nothing is created beside it either")
    }
}
