import Foundation
import Testing

@testable import GazetteKit

@Suite struct EntrySelectionTests {
    static func article(_ id: String, _ seconds: Double?, source: String?, firstSeen: Double = 0) -> Article {
        Article(
            id: id, title: id, published: seconds.map { Date(timeIntervalSince1970: $0) },
            firstSeen: Date(timeIntervalSince1970: firstSeen),
            sources: source.map { [ArticleSource(feedKey: $0, entryID: id, firstSeen: Date(timeIntervalSince1970: 0))] } ?? [])
    }

    @Test func ordersNewestFirstWithTiesByID() {
        let candidates = [
            Self.article("b", 100, source: "x"), Self.article("a", 100, source: "y"), Self.article("c", 300, source: "z"),
            Self.article("d", nil, source: "w", firstSeen: 200),
        ]
        let ids = EntrySelection.select(candidates, maxEntries: 10, maxPerSource: 10).map(\.id)
        #expect(ids == ["c", "d", "a", "b"])
    }

    @Test func capsEntriesAndEntriesPerFirstSource() {
        var candidates: [Article] = []
        for i in 0..<8 { candidates.append(Self.article("busy-\(i)", Double(1_000 - i), source: "busy")) }
        for i in 0..<3 { candidates.append(Self.article("calm-\(i)", Double(500 - i), source: "calm")) }
        let selected = EntrySelection.select(candidates, maxEntries: 5, maxPerSource: 3)
        #expect(selected.map(\.id) == ["busy-0", "busy-1", "busy-2", "calm-0", "calm-1"])
    }

    @Test func onlyTheFirstSourceCountsAgainstTheCap() {
        var merged = Self.article("merged", 900, source: "other")
        merged.sources.append(ArticleSource(feedKey: "busy", entryID: "m", firstSeen: Date(timeIntervalSince1970: 0)))
        let candidates = [Self.article("busy-0", 1_000, source: "busy"), merged, Self.article("busy-1", 800, source: "busy")]
        #expect(EntrySelection.select(candidates, maxEntries: 10, maxPerSource: 1).map(\.id) == ["busy-0", "merged"])
    }

    @Test func articlesWithoutSourcesShareOneCap() {
        let candidates = (0..<4).map { Self.article("n\($0)", Double(10 - $0), source: nil) }
        #expect(EntrySelection.select(candidates, maxEntries: 10, maxPerSource: 2).map(\.id) == ["n0", "n1"])
    }

    @Test(arguments: [0, -3])
    func nonPositiveLimitsPublishNothing(limit: Int) {
        let candidates = [Self.article("a", 1, source: "x")]
        #expect(EntrySelection.select(candidates, maxEntries: limit, maxPerSource: 5).isEmpty)
        #expect(EntrySelection.select(candidates, maxEntries: 5, maxPerSource: limit).isEmpty)
    }

    @Test func dropsRepeatedIDsKeepingTheNewest() {
        let candidates = [Self.article("same", 1, source: "x"), Self.article("same", 2, source: "y")]
        let selected = EntrySelection.select(candidates, maxEntries: 10, maxPerSource: 10)
        #expect(selected.count == 1)
        #expect(selected.first?.sources.first?.feedKey == "y")
    }
}
