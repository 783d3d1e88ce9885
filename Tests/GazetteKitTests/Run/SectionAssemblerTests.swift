import Foundation
import Testing

@testable import GazetteKit

@Suite struct SectionAssemblerTests {
    /// Feed A (section "news", filter edited after its items were stored) and feed B (section "other",
    /// no filter); section "kids" routes by category from every source.
    static func config(filterA: String) throws -> GazetteConfig {
        let json = """
            {
              "site": { "title": "T", "url": "https://t.example/" },
              "sections": {
                "news": { "title": "News" },
                "other": { "title": "Other" },
                "kids": { "title": "Kids", "route": { "categories": ["Children"] } }
              },
              "feeds": [
                { "url": "https://a.example/feed.xml", "section": "news"\(filterA) },
                { "url": "https://b.example/feed.xml", "section": "other" }
              ]
            }
            """
        return try GazetteConfig.parse(Data(json.utf8), baseDirectory: URL(fileURLWithPath: "/tmp"))
    }

    static func titles(_ inputs: [SectionInput], _ id: String) -> [String] {
        inputs.first { $0.section.id == id }?.articles.map(\.title).sorted() ?? []
    }

    @Test func aFeedsCurrentFilterAppliesToItsStoredArticlesInItsSectionsAndRoutes() throws {
        let temporary = try TemporaryStore()
        defer { temporary.directory.remove() }
        try temporary.ingest(
            "https://a.example/feed.xml",
            [
                FeedItem(id: "a1", title: "Sponsored: new hub opens", link: "https://a.example/1", categories: ["Children"]),
                FeedItem(id: "a2", title: "Budget approved", link: "https://a.example/2"),
            ], now: TestDates.base)
        try temporary.ingest(
            "https://b.example/feed.xml",
            [FeedItem(id: "b1", title: "Sponsored: play park reopens", link: "https://b.example/1", categories: ["Children"])],
            now: TestDates.base)

        let unfiltered = try SectionAssembler(config: Self.config(filterA: ""), store: temporary.store).sectionInputs()
        #expect(Self.titles(unfiltered, "news") == ["Budget approved", "Sponsored: new hub opens"])
        #expect(Self.titles(unfiltered, "kids") == ["Sponsored: new hub opens", "Sponsored: play park reopens"])

        let filtered = try SectionAssembler(
            config: Self.config(filterA: ", \"exclude\": [\"sponsored\"]"), store: temporary.store
        ).sectionInputs()
        #expect(Self.titles(filtered, "news") == ["Budget approved"])
        // The route no longer takes A's excluded story; B has no filter, so its story stays routed.
        #expect(Self.titles(filtered, "kids") == ["Sponsored: play park reopens"])
        #expect(Self.titles(filtered, "other") == ["Sponsored: play park reopens"])
    }
}
