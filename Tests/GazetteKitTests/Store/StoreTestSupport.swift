import Foundation

@testable import GazetteKit

/// A state database in a fresh temporary folder, for store tests.
struct TemporaryStore {
    let directory: TemporaryDirectory
    let path: String
    let store: ArticleStore

    init(rule: DuplicateRule = DuplicateRule()) throws {
        directory = try TemporaryDirectory()
        path = directory.url.appendingPathComponent(".gazette/state.sqlite").path
        store = try ArticleStore(path: path, duplicateRule: rule)
    }

    /// Another store on the same file (a second process or a later run).
    func reopen(readOnly: Bool = false) throws -> ArticleStore {
        try ArticleStore(path: path, readOnly: readOnly)
    }

    /// Ingests `items` as feed `feedKey`'s document.
    @discardableResult
    func ingest(
        _ feedKey: String, _ items: [FeedItem], siteLink: String? = nil, now: Date, into store: ArticleStore? = nil
    ) throws -> IngestReport {
        let parsed = ParsedFeed(format: .rss20, title: "Feed \(feedKey)", link: siteLink, items: items)
        return try (store ?? self.store).ingest(
            feedKey: feedKey, feedTitle: nil, parsed: parsed,
            fetchState: FeedFetchState(feedKey: feedKey, lastStatus: 200, lastSuccess: now), now: now)
    }
}

/// Fixed dates for deterministic tests.
enum TestDates {
    /// 2025-03-10 09:00:00 UTC.
    static let base = Date(timeIntervalSince1970: 1_741_597_200)
    static func days(_ count: Double) -> Date { base.addingTimeInterval(count * 86_400) }
}

/// Scenario feeds stored as JSON fixtures under `Fixtures/Dedup/`: a site link and items with
/// ISO 8601 dates, in the shape the parser hands over (`FeedItem`).
enum FeedFixtures {
    struct Feed: Decodable {
        var link: String?
        var items: [Item]
    }

    struct Item: Decodable {
        var id: String
        var idIsDerived: Bool?
        var title: String?
        var link: String?
        var originalLink: String?
        var published: Date?
        var updated: Date?
        var author: String?
        var summary: String?
        var content: String?
        var categories: [String]?

        var feedItem: FeedItem {
            FeedItem(
                id: id, idIsDerived: idIsDerived ?? false, title: title, link: link, originalLink: originalLink,
                published: published, updated: updated, authors: author.map { [Person(name: $0)] } ?? [],
                summary: summary, content: content, categories: categories ?? [])
        }
    }

    static func feed(_ name: String) throws -> (link: String?, items: [FeedItem]) {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let feed = try decoder.decode(Feed.self, from: Fixtures.data("Dedup/\(name)"))
        return (feed.link, feed.items.map(\.feedItem))
    }
}

extension TemporaryStore {
    /// Ingests the fixture feed `name` as feed `feedKey`.
    @discardableResult
    func ingestFixture(_ name: String, as feedKey: String, now: Date) throws -> IngestReport {
        let feed = try FeedFixtures.feed(name)
        return try ingest(feedKey, feed.items, siteLink: feed.link, now: now)
    }
}
