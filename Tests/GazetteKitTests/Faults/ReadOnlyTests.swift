import Foundation
import Testing

/// A read-only output folder or database folder (a tmpfs remounted read-only as root, a folder without
/// write permission otherwise): the run stops with the documented status and a message naming the
/// path, nothing is lost, and once writable again the next run publishes everything.
@Suite(
    .serialized,
    .enabled(if: ReadOnlyFolder.isPossible, "as root, needs permission to mount a tmpfs (root ignores file modes)")
) struct ReadOnlyTests {
    static func ids(_ count: Int) -> Set<String> {
        Set((0..<2).flatMap { n in (0..<count).map { FaultWorkspace.itemID(feed: n, item: $0) } })
    }

    static func writeFeeds(_ workspace: FaultWorkspace, count: Int) throws {
        for n in 0..<2 { try workspace.writeFeed(n, items: (0..<count).map { ($0, "Story \($0) of feed \(n)") }) }
    }

    @Test func readOnlyOutputFolder() throws {
        let holder = try TemporaryDirectory()
        defer { holder.remove() }
        let disk = try ReadOnlyFolder(at: holder.url.appendingPathComponent("disk"))
        defer { disk.release() }
        let workspace = try FaultWorkspace(feeds: 2, output: disk.url.appendingPathComponent("output"))
        defer { workspace.remove() }
        try Self.writeFeeds(workspace, count: 3)
        try #require(try workspace.run().status == 0)
        let before = workspace.outputFiles()

        try disk.makeReadOnly()
        try Self.writeFeeds(workspace, count: 6)
        let result = try workspace.run(["--force"])
        #expect(result.status == 5, "status \(result.status), stderr: \(result.stderr)")
        #expect(result.stderr.contains(workspace.output.path), "\(result.stderr)")
        #expect(result.stderr.contains(disk.refusal) && result.stderr.contains("permissions"), "\(result.stderr)")
        #expect(workspace.outputFiles() == before)
        #expect(try workspace.integrity() == ["ok"])

        try disk.makeReadOnly(false)
        let next = try workspace.run()
        #expect(next.status == 0, "stderr: \(next.stderr)")
        #expect(Set(workspace.publishedIDs()) == Self.ids(6))
    }

    @Test func readOnlyDatabase() throws {
        let holder = try TemporaryDirectory()
        defer { holder.remove() }
        let disk = try ReadOnlyFolder(at: holder.url.appendingPathComponent("disk"))
        defer { disk.release() }
        let workspace = try FaultWorkspace(feeds: 2, database: disk.url.appendingPathComponent("gazette.sqlite"))
        defer { workspace.remove() }
        try Self.writeFeeds(workspace, count: 3)
        try #require(try workspace.run().status == 0)
        let before = workspace.outputFiles()
        let database = try Data(contentsOf: workspace.database)

        try disk.makeReadOnly()
        try Self.writeFeeds(workspace, count: 6)
        let result = try workspace.run(["--force"])
        #expect(result.status == 4, "status \(result.status), stderr: \(result.stderr)")
        #expect(result.stderr.contains(workspace.database.path), "\(result.stderr)")
        #expect(result.stderr.contains("writable"), "the message says what to do: \(result.stderr)")
        #expect(try Data(contentsOf: workspace.database) == database)
        #expect(workspace.outputFiles() == before)

        // Writable again: the feeds are fetched when due (now, with --force) and nothing is missing.
        try disk.makeReadOnly(false)
        let next = try workspace.run(["--force"])
        #expect(next.status == 0, "stderr: \(next.stderr)")
        #expect(Set(workspace.publishedIDs()) == Self.ids(6))
        #expect(try workspace.integrity() == ["ok"])
    }
}
