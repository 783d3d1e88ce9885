import Foundation
import GRDB
import Testing

@testable import GazetteKit

/// A run killed with SIGKILL in the middle of writing: the database must stay consistent and keep
/// every feed committed before the kill, each feed's results all-or-nothing.
///
/// The parent re-runs this test binary (`/proc/self/exe`) with `GAZETTE_STORE_CHILD_DB` set, which
/// enables `childIngestLoop`: it ingests feeds of `itemsPerFeed` items forever, logging each
/// committed feed number. The parent kills it at varying moments, three times on the same file.
@Suite struct InterruptedRunTests {
    static let childVariable = "GAZETTE_STORE_CHILD_DB"
    static let itemsPerFeed = 40

    static func feed(_ number: Int) -> [FeedItem] {
        (0..<itemsPerFeed).map { index in
            FeedItem(
                id: "https://crash.example/feed\(number)/\(index)", title: "Feed \(number) story \(index)",
                link: "https://crash.example/feed\(number)/\(index)", published: TestDates.days(Double(index) / 100),
                content: "<p>" + String(repeating: "Text of story \(index) in feed \(number). ", count: 40) + "</p>")
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment[childVariable] != nil))
    func childIngestLoop() throws {
        let path = try #require(ProcessInfo.processInfo.environment[Self.childVariable])
        let store = try ArticleStore(path: path)
        let log = FileHandle(forWritingAtPath: path + ".progress")
        log?.seekToEndOfFile()
        var number = (try store.allFetchStates().count)
        let stop = Date().addingTimeInterval(60)
        while Date() < stop {
            let key = "feed-\(number)"
            let parsed = ParsedFeed(format: .rss20, title: key, items: Self.feed(number))
            _ = try store.ingest(
                feedKey: key, feedTitle: nil, parsed: parsed, fetchState: FeedFetchState(feedKey: key), now: TestDates.base)
            log?.write(Data("\(number)\n".utf8))
            number += 1
        }
    }

    @Test func killedRunKeepsCommittedFeedsAndConsistency() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("state.sqlite").path
        let progress = path + ".progress"
        #expect(FileManager.default.createFile(atPath: progress, contents: nil))
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")

        for (round, extraDelay) in [0, 37_000, 113_000].enumerated() {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: executable)
            child.arguments = ["--testing-library", "swift-testing", "--filter", "childIngestLoop"]
            child.environment = ProcessInfo.processInfo.environment.merging([Self.childVariable: path]) { $1 }
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            // Wait until it has committed a few more feeds, then kill it mid-write.
            let target = Self.committed(progress).count + 3
            let deadline = Date().addingTimeInterval(60)
            while Self.committed(progress).count < target && Date() < deadline && child.isRunning { usleep(5_000) }
            usleep(useconds_t(extraDelay))
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            #expect(child.terminationReason == .uncaughtSignal, "round \(round): the child must have been killed")

            let logged = Self.committed(progress)
            try #require(logged.count >= target, "round \(round): the child committed too few feeds")
            let store = try ArticleStore(path: path)
            let integrity = try store.pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            #expect(integrity == ["ok"])
            let feeds = try store.allFetchStates().map(\.feedKey)
            // Everything logged as committed is there; at most one feed more (killed between commit and log).
            #expect(Set(logged.map { "feed-\($0)" }).isSubset(of: Set(feeds)))
            #expect(feeds.count <= logged.count + 1)
            // Each feed is all-or-nothing: its fetch state and all its articles, or none of them.
            let perFeed = try store.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT feedKey, count(*) AS n FROM article_source GROUP BY feedKey")
            }
            #expect(perFeed.count == feeds.count)
            #expect(perFeed.allSatisfy { ($0["n"] as Int) == Self.itemsPerFeed })
            #expect(try store.articleCount() == feeds.count * Self.itemsPerFeed)
        }
    }

    private static func committed(_ path: String) -> [Int] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { Int($0) }
    }
}
