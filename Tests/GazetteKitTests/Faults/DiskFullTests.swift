import Foundation
import Testing

/// The output folder and database on a small tmpfs that fills during a run: the run stops with the
/// documented status and a message naming the file, what was published before stays intact and
/// well-formed, the database stays consistent, and the run after space is freed loses nothing.
@Suite(.serialized, FaultEnvironment.needsMount) struct DiskFullTests {
    /// Three feeds of `count` items (numbers from `first`), `padding` bytes of text each.
    static func writeFeeds(_ workspace: FaultWorkspace, first: Int = 0, count: Int, padding: Int) throws {
        for n in 0..<3 {
            try workspace.writeFeed(n, items: (first..<first + count).map { ($0, "Story \($0) of feed \(n)") }, padding: padding)
        }
    }

    static func allIDs(upTo count: Int) -> Set<String> {
        Set((0..<3).flatMap { n in (0..<count).map { FaultWorkspace.itemID(feed: n, item: $0) } })
    }

    @Test func databaseAndOutputOnAFullDisk() throws {
        let holder = try TemporaryDirectory()
        defer { holder.remove() }
        let disk = try Tmpfs(at: holder.url.appendingPathComponent("disk"), size: "1m")
        defer { disk.unmount() }
        let workspace = try FaultWorkspace(
            feeds: 3, output: disk.url.appendingPathComponent("output"),
            database: disk.url.appendingPathComponent("state/gazette.sqlite"))
        defer { workspace.remove() }

        try Self.writeFeeds(workspace, count: 5, padding: 200)
        let first = try workspace.run()
        try #require(first.status == 0, "stderr: \(first.stderr)")
        let before = workspace.outputFiles()
        #expect(Set(workspace.publishedIDs()) == Self.allIDs(upTo: 5))

        // 3 × 40 stories of 20 kB: several times what the disk holds.
        try Self.writeFeeds(workspace, count: 40, padding: 20_000)
        let full = try workspace.run(["--force"])
        #expect(full.status == 4 || full.status == 5, "status \(full.status), stderr: \(full.stderr)")
        if full.status == 4 {
            #expect(full.stderr.contains(workspace.database.path), "\(full.stderr)")
            #expect(full.stderr.contains("full") && full.stderr.contains("Free space"), "\(full.stderr)")
        } else {
            #expect(full.stderr.contains(workspace.output.path), "\(full.stderr)")
            #expect(full.stderr.contains("check free space"), "\(full.stderr)")
        }
        #expect(!full.stderr.contains("Fatal error"), "\(full.stderr)")
        // What was published before: each file either untouched or wholly replaced, all well-formed.
        #expect(workspace.malformedOutput().isEmpty, "\(workspace.malformedOutput())")
        #expect(workspace.leftovers().isEmpty, "\(workspace.leftovers())")
        #expect(Set(workspace.publishedIDs()).isSuperset(of: Self.allIDs(upTo: 5)))
        #expect(Set(workspace.outputFiles().keys) == Set(before.keys))
        #expect(try workspace.integrity() == ["ok"])

        // Space freed: the next run completes and publishes every story, each once.
        try disk.resize("64m")
        let next = try workspace.run(["--force"])
        #expect(next.status == 0, "stderr: \(next.stderr)")
        let ids = workspace.publishedIDs()
        #expect(Set(ids) == Self.allIDs(upTo: 40))
        #expect(ids.count == Set(ids).count, "an article was published twice")
        #expect(Set(workspace.publishedJSONIDs()) == Self.allIDs(upTo: 40))
        #expect(try workspace.integrity() == ["ok"])
        #expect(workspace.malformedOutput().isEmpty)
    }

    @Test func outputAloneOnATinyDisk() throws {
        let holder = try TemporaryDirectory()
        defer { holder.remove() }
        let disk = try Tmpfs(at: holder.url.appendingPathComponent("disk"), size: "120k")
        defer { disk.unmount() }
        let workspace = try FaultWorkspace(feeds: 3, output: disk.url.appendingPathComponent("output"))
        defer { workspace.remove() }

        try Self.writeFeeds(workspace, count: 3, padding: 100)
        let first = try workspace.run()
        try #require(first.status == 0, "stderr: \(first.stderr)")
        let before = workspace.outputFiles()

        // A section of 3 × 30 stories of 2 kB no longer fits (Atom and JSON copies of it).
        try Self.writeFeeds(workspace, count: 30, padding: 2_000)
        let full = try workspace.run(["--force"])
        #expect(full.status == 5, "status \(full.status), stderr: \(full.stderr)")
        #expect(full.stderr.contains(workspace.output.path + "/"), "the message names the file: \(full.stderr)")
        #expect(full.stderr.contains("No space left on device"), "\(full.stderr)")
        #expect(!full.stderr.contains(".tmp-"), "the message names the final file, not a temporary one: \(full.stderr)")
        #expect(workspace.leftovers().isEmpty, "\(workspace.leftovers())")
        #expect(workspace.malformedOutput().isEmpty, "\(workspace.malformedOutput())")
        // Files are replaced whole or not at all: each is its old or its new version, never a mix.
        for (name, data) in workspace.outputFiles() where before[name] != data {
            #expect(name != "news.xml" || Set(workspace.publishedIDs()) == Self.allIDs(upTo: 30), "\(name)")
        }
        #expect(try workspace.integrity() == ["ok"])

        try disk.resize("16m")
        let next = try workspace.run()
        #expect(next.status == 0, "stderr: \(next.stderr)")
        #expect(next.stdout.contains("1 section rewritten"), "\(next.stdout)")
        #expect(Set(workspace.publishedIDs()) == Self.allIDs(upTo: 30))
        #expect(Set(workspace.publishedJSONIDs()) == Self.allIDs(upTo: 30))
        #expect(workspace.malformedOutput().isEmpty)
    }
}
