import Foundation
import Testing

/// The system clock moving under Gazette (through `faketime`): set back a day, run a year fast and
/// then corrected, items dated in the future, and daylight-saving changes with a 1-hour interval.
/// Nothing published is lost, nothing is published twice, and feeds stay on schedule by elapsed time.
@Suite(.serialized, FaultEnvironment.needsFaketime) struct ClockTests {
    static let day: TimeInterval = 86_400

    static func ids(_ feeds: Int, _ items: Int) -> Set<String> {
        Set((0..<feeds).flatMap { n in (0..<items).map { FaultWorkspace.itemID(feed: n, item: $0) } })
    }

    static func writeFeeds(_ workspace: FaultWorkspace, feeds: Int = 2, items: Int) throws {
        for n in 0..<feeds { try workspace.writeFeed(n, items: (0..<items).map { ($0, "Story \($0) of feed \(n)") }) }
    }

    /// Checks the published section holds exactly `expected`, each once, in both formats.
    static func expectPublished(_ workspace: FaultWorkspace, _ expected: Set<String>, _ step: String) {
        let ids = workspace.publishedIDs()
        #expect(ids.count == Set(ids).count, "\(step): an article was published twice")
        #expect(Set(ids) == expected, "\(step): missing \(expected.subtracting(ids)), extra \(Set(ids).subtracting(expected))")
        #expect(Set(workspace.publishedJSONIDs()) == expected, "\(step)")
    }

    @Test func clockSetBackADay() throws {
        let workspace = try FaultWorkspace(feeds: 2)
        defer { workspace.remove() }
        try Self.writeFeeds(workspace, items: 3)
        try #require(try workspace.run().status == 0)
        Self.expectPublished(workspace, Self.ids(2, 3), "first run")

        // The clock goes back a day: the feeds' next fetch now looks a day and 30 minutes away, further
        // than any schedule allows, so they are due rather than silent for a day.
        try Self.writeFeeds(workspace, items: 5)
        let back = try workspace.run(clockOffset: -Self.day)
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout.contains("2 of 2 feeds due"), "\(back.stdout)")
        Self.expectPublished(workspace, Self.ids(2, 5), "clock a day back")

        // The clock is corrected: the schedule written a day back has passed, so they are due again.
        try Self.writeFeeds(workspace, items: 6)
        let corrected = try workspace.run()
        #expect(corrected.status == 0, "\(corrected.stderr)")
        #expect(corrected.stdout.contains("2 of 2 feeds due"), "\(corrected.stdout)")
        Self.expectPublished(workspace, Self.ids(2, 6), "clock corrected")
        #expect(try workspace.integrity() == ["ok"])
    }

    @Test func clockAYearFastThenCorrected() throws {
        let workspace = try FaultWorkspace(feeds: 2)
        defer { workspace.remove() }
        try Self.writeFeeds(workspace, items: 3)
        try #require(try workspace.run().status == 0)

        // A year fast: every article now looks a year old. Retention (90 days) still keeps each feed's
        // 50 newest, so with fewer per feed nothing leaves the section.
        try Self.writeFeeds(workspace, items: 5)
        let fast = try workspace.run(clockOffset: 365 * Self.day)
        #expect(fast.status == 0, "\(fast.stderr)")
        #expect(fast.stdout.contains("2 of 2 feeds due"), "\(fast.stdout)")
        Self.expectPublished(workspace, Self.ids(2, 5), "a year fast")

        // Corrected: the next fetch scheduled a year ahead is ignored, so the feeds are due now,
        // not silent for a year.
        try Self.writeFeeds(workspace, items: 7)
        let corrected = try workspace.run()
        #expect(corrected.status == 0, "\(corrected.stderr)")
        #expect(corrected.stdout.contains("2 of 2 feeds due"), "\(corrected.stdout)")
        Self.expectPublished(workspace, Self.ids(2, 7), "clock corrected")

        // And it keeps to its schedule from there: not due again 30 minutes early.
        let again = try workspace.run()
        #expect(again.stdout.contains("0 of 2 feeds due"), "\(again.stdout)")
        let forced = try workspace.run(["--force"])
        #expect(forced.status == 0)
        Self.expectPublished(workspace, Self.ids(2, 7), "forced run after")
        #expect(try workspace.integrity() == ["ok"])
    }

    @Test func itemsDatedInTheFuture() throws {
        let workspace = try FaultWorkspace(feeds: 1)
        defer { workspace.remove() }
        let now = Date()
        // Story 0 is dated ten years ahead, story 1 a day ahead, the rest in the past.
        let dates: (Int) -> Date = { i in
            switch i {
            case 0: now.addingTimeInterval(3650 * Self.day)
            case 1: now.addingTimeInterval(Self.day)
            default: now.addingTimeInterval(-Double(i) * 3600)
            }
        }
        try workspace.writeFeed(0, items: (0..<4).map { ($0, "Story \($0)") }, published: dates)
        try #require(try workspace.run().status == 0)
        Self.expectPublished(workspace, Self.ids(1, 4), "first run")

        // Fetched again (unchanged, then with a new story) and with the clock past the near-future date.
        #expect(try workspace.run(["--force"]).status == 0)
        try workspace.writeFeed(0, items: (0..<6).map { ($0, "Story \($0)") }, published: dates)
        #expect(try workspace.run(["--force"], clockOffset: 2 * Self.day).status == 0)
        #expect(try workspace.run(["--force"]).status == 0)
        Self.expectPublished(workspace, Self.ids(1, 6), "after the future dates")
    }

    /// Daylight-saving changes in Europe/London with a 1-hour interval: a feed is due after an hour of
    /// real time, whatever the wall clock says (it jumps an hour forward in March and back in October).
    @Test(arguments: [
        // 2026-10-25 01:00 UTC: clocks go back from 02:00 BST to 01:00 GMT.
        (Date(timeIntervalSince1970: 1_792_890_000), "back"),
        // 2027-03-28 01:00 UTC: clocks go forward from 01:00 GMT to 02:00 BST.
        (Date(timeIntervalSince1970: 1_806_195_600), "forward"),
    ])
    func daylightSavingChange(_ transition: Date, _ direction: String) throws {
        let workspace = try FaultWorkspace(feeds: 1, interval: "1h")
        defer { workspace.remove() }
        let london = ["TZ": "Europe/London"]
        func run(minutes: Double) throws -> GazetteBinary.Result {
            let at = transition.addingTimeInterval(minutes * 60)
            return try workspace.run(clockOffset: at.timeIntervalSinceNow, environment: london)
        }
        try workspace.writeFeed(0, items: [(0, "Story 0")])
        try #require(try run(minutes: -40).status == 0)  // 01:20 BST (back) / 00:20 GMT (forward)
        try workspace.writeFeed(0, items: [(0, "Story 0"), (1, "Story 1")])

        // 30 and 50 minutes later: not due, though the wall clock moved by an hour more or less.
        for minutes in [-10.0, 10.0] {
            let early = try run(minutes: minutes)
            #expect(early.status == 0, "\(early.stderr)")
            #expect(early.stdout.contains("0 of 1 feed due"), "\(direction) \(minutes): \(early.stdout)")
        }
        Self.expectPublished(workspace, Self.ids(1, 1), "\(direction): before the hour")
        // 65 minutes later: due.
        let due = try run(minutes: 25)
        #expect(due.stdout.contains("1 of 1 feed due"), "\(direction): \(due.stdout)")
        Self.expectPublished(workspace, Self.ids(1, 2), "\(direction): after the hour")
    }
}
