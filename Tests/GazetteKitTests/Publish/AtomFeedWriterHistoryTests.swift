import Foundation
import Testing

@testable import GazetteKit

/// Languages, lead images, WebSub hubs and archive links in the published Atom and JSON Feed files.
@Suite struct AtomFeedWriterHistoryTests {
    static let date = Date(timeIntervalSince1970: 1_789_041_600)
    static let site = SiteConfig(
        title: "Site", url: URL(string: "https://x.example/feeds/")!, hubs: [URL(string: "https://hub.example/")!], language: "en")

    static func article(_ n: Int, language: String?, image: String? = nil, enclosures: [Enclosure] = []) -> Article {
        Article(
            id: "https://a.example/\(n)", title: "Story \(n)", link: "https://a.example/\(n)",
            published: date.addingTimeInterval(Double(n)),
            firstSeen: date, enclosures: enclosures, image: image,
            sources: [
                ArticleSource(
                    feedKey: "https://a.example/feed\(n)", feedTitle: "Feed \(n)", entryID: "\(n)", firstSeen: date, feedLanguage: language)
            ])
    }

    static func section(language: String? = "en-GB") -> PublishedSection {
        PublishedSection(
            section: SectionConfig(id: "news", title: "News", language: language), site: site,
            articles: [
                article(3, language: "fr", enclosures: [Enclosure(url: "https://a.example/pic.jpg", type: "image/jpeg")]),
                article(2, language: "en-GB", image: "https://a.example/thumb.png"),
                article(1, language: nil, enclosures: [Enclosure(url: "https://a.example/talk.mp3", type: "audio/mpeg")]),
            ])
    }

    static func atom(_ section: PublishedSection) -> String { String(decoding: AtomFeedWriter(site: site).render(section), as: UTF8.self) }

    static func json(_ section: PublishedSection) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(JSONFeedWriter(site: site).render(section))) as? [String: Any])
    }

    @Test func theFeedHasTheSectionsLanguageAndEntriesKeepTheirSourcesWhenItDiffers() throws {
        let atom = Self.atom(Self.section())
        #expect(
            atom.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:media=\"http://search.yahoo.com/mrss/\" xml:lang=\"en-GB\">"))
        #expect(atom.contains("<entry xml:lang=\"fr\">"))
        #expect(atom.components(separatedBy: "<entry>").count == 3, "same language and unknown language: no xml:lang")
        let tree = try XMLNodeTree.parse(Data(atom.utf8))
        #expect(tree.all("entry").map { $0.attributes["xml:lang"] } == ["fr", nil, nil])

        let json = try Self.json(Self.section())
        #expect(json["language"] as? String == "en-GB")
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.map { $0["language"] as? String } == ["fr", nil, nil])
    }

    @Test func languagesDifferingOnlyInCaseAreTheSame() throws {
        let section = PublishedSection(
            section: SectionConfig(id: "n", title: "N", language: "en-GB"), site: Self.site, articles: [Self.article(1, language: "EN-gb")])
        #expect(!Self.atom(section).contains("<entry xml:lang"))
        let items = try #require(try Self.json(section)["items"] as? [[String: Any]])
        #expect(items.first?["language"] == nil)
    }

    @Test func withoutALanguageThereIsNoXMLLang() throws {
        var site = Self.site
        site.language = nil
        let section = PublishedSection(section: SectionConfig(id: "n", title: "N"), site: site, articles: [Self.article(1, language: nil)])
        let atom = String(decoding: AtomFeedWriter(site: site).render(section), as: UTF8.self)
        #expect(!atom.contains("xml:lang"))
        #expect(!atom.contains("xmlns:media"))
    }

    @Test func theLeadImageIsAMediaThumbnailAndTheJSONImage() throws {
        let tree = try XMLNodeTree.parse(Data(Self.atom(Self.section()).utf8))
        let thumbnails = tree.all("entry").map { $0.first("media:thumbnail")?.attributes["url"] }
        // The image enclosure stands in when the source named no image; audio never does.
        #expect(thumbnails == ["https://a.example/pic.jpg", "https://a.example/thumb.png", nil])
        let items = try #require(try Self.json(Self.section())["items"] as? [[String: Any]])
        #expect(items.map { $0["image"] as? String } == ["https://a.example/pic.jpg", "https://a.example/thumb.png", nil])
    }

    @Test func theHeadNamesItsHubsAndItself() throws {
        let tree = try XMLNodeTree.parse(Data(Self.atom(Self.section()).utf8))
        let links = tree.all("link").map { ($0.attributes["rel"] ?? "", $0.attributes["href"] ?? "") }
        #expect(links.contains { $0 == ("hub", "https://hub.example/") })
        #expect(links.contains { $0 == ("self", "https://x.example/feeds/news.xml") })
        #expect(!links.contains { $0.0 == "prev-archive" }, "no archives without a ledger")
    }

    @Test func anArchiveDocumentLinksItsNeighboursAndTheHeadButNoHub() throws {
        let head = Self.section()
        let november = try #require(ArchivePeriod(name: "2026-11"))
        let archive = head.archive(november, previous: november.previous, next: november.next, entries: head.entries)
        let tree = try XMLNodeTree.parse(Data(Self.atom(archive).utf8))
        #expect(Self.atom(archive).contains(" xmlns:fh=\"http://purl.org/syndication/history/1.0\""))
        #expect(tree.first("fh:archive") != nil)
        #expect(tree.first("id")?.text == head.feedID)
        let links = Dictionary(tree.all("link").map { ($0.attributes["rel"] ?? "", $0.attributes["href"] ?? "") }) { a, _ in a }
        #expect(links["self"] == "https://x.example/feeds/news/archive/2026-11.xml")
        #expect(links["current"] == "https://x.example/feeds/news.xml")
        #expect(links["prev-archive"] == "https://x.example/feeds/news/archive/2026-10.xml")
        #expect(links["next-archive"] == "https://x.example/feeds/news/archive/2026-12.xml")
        #expect(links["hub"] == nil)

        let json = try Self.json(archive)
        #expect(json["next_url"] as? String == "https://x.example/feeds/news/archive/2026-10.json")
        #expect(json["feed_url"] as? String == "https://x.example/feeds/news.json")
        #expect(json["hubs"] == nil)
    }
}
