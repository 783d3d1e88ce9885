import Foundation
import Testing

/// `gazette run` killed with SIGKILL at random moments (seeded, spread over a measured run) while its
/// feeds change: after every kill the database passes its integrity check and every published file is
/// well-formed; the next run completes with no manual step, leaves no temporary file, and publishes
/// every article a completed run had published, each once.
@Suite(.serialized) struct KilledRunTests {
    static let feeds = 4
    static let kills = 50

    @Test func fiftyKillsLoseNothing() throws {
        let workspace = try FaultWorkspace(feeds: Self.feeds)
        defer { workspace.remove() }
        var items = (0..<Self.feeds).map { n in (0..<3).map { ($0, "Story \($0) of feed \(n)") } }
        for n in 0..<Self.feeds { try workspace.writeFeed(n, items: items[n], padding: 800) }

        let started = Date()
        let first = try workspace.run()
        let runTime = Date().timeIntervalSince(started)
        try #require(first.status == 0, "stderr: \(first.stderr)")
        var published = Set(workspace.publishedIDs())

        var rng = SeededGenerator(seed: 0x6A7A_E77E)
        var kills = 0
        var round = 0
        while kills < Self.kills && round < 3 * Self.kills {
            round += 1
            // The feeds change: a new story in one feed, a retitled story in another.
            let grown = round % Self.feeds
            items[grown].append((items[grown].count, "Story \(items[grown].count) of feed \(grown)"))
            try workspace.writeFeed(grown, items: items[grown], padding: 800)
            let edited = (round + 1) % Self.feeds
            items[edited][0].1 = "Story 0 of feed \(edited), revised \(round)"
            try workspace.writeFeed(edited, items: items[edited], padding: 800)

            let delay = Double.random(in: 0..<runTime, using: &rng)
            let killed = try Self.runAndKill(workspace, after: delay)
            if killed { kills += 1 }

            #expect(try workspace.integrity() == ["ok"], "round \(round), killed after \(delay)s")
            #expect(workspace.malformedOutput().isEmpty, "round \(round): \(workspace.malformedOutput())")

            let next = try workspace.run()
            #expect(next.status == 0, "round \(round): \(next.stderr)")
            let ids = workspace.publishedIDs()
            #expect(ids.count == Set(ids).count, "round \(round): an article was published twice")
            #expect(published.isSubset(of: Set(ids)), "round \(round): lost \(published.subtracting(ids))")
            #expect(workspace.leftovers().isEmpty, "round \(round): \(workspace.leftovers())")
            published.formUnion(ids)
        }
        #expect(kills >= Self.kills, "only \(kills) runs were still running when killed (run time \(runTime)s)")
        // Every story any feed ever carried is published, once, in both formats.
        let every = Set(items.enumerated().flatMap { n, list in list.map { FaultWorkspace.itemID(feed: n, item: $0.0) } })
        let force = try workspace.run(["--force"])
        #expect(force.status == 0, "\(force.stderr)")
        #expect(Set(workspace.publishedIDs()) == every)
        #expect(Set(workspace.publishedJSONIDs()) == every)
    }

    /// Starts `gazette run --force` and kills it after `delay` seconds; true when it was still running.
    static func runAndKill(_ workspace: FaultWorkspace, after delay: TimeInterval) throws -> Bool {
        guard let binary = GazetteBinary.url else { throw GazetteBinary.BinaryMissing() }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["run", "--config", workspace.config.path, "--force"]
        process.currentDirectoryURL = workspace.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        usleep(useconds_t(delay * 1_000_000))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }
}
