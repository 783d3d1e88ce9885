import Foundation
import Testing

@testable import GazetteKit

@Suite struct AtomFeedWriterTests {
    static let site = SiteConfig(title: "Desk", url: URL(string: "https://news.example.org/")!)

    static func render(_ articles: [Article], site: SiteConfig = site) throws -> XMLNodeTree {
        let section = PublishedSection(section: SectionConfig(id: "world", title: "World"), site: site, articles: articles)
        return try XMLNodeTree.parse(Data(AtomFeedWriter(site: site).render(section)))
    }

    static func article(_ id: String = "https://a.example/1", link: String? = "https://a.example/1", sources: [ArticleSource] = [])
        -> Article
    {
        Article(
            id: id, title: "Title", link: link, published: Date(timeIntervalSince1970: 1_700_000_000),
            firstSeen: Date(timeIntervalSince1970: 1_600_000_000), sources: sources)
    }

    @Test func feedHasStableIDSelfAndAlternateLinksAndGenerator() throws {
        let root = try Self.render([Self.article()])
        #expect(root.name == "feed")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2005/Atom")
        #expect(root.first("id")?.text == "https://news.example.org/world.xml")
        let links = root.all("link").map { ($0.attributes["rel"] ?? "", $0.attributes["href"] ?? "") }
        #expect(links.map(\.0) == ["self", "alternate"])
        #expect(links.map(\.1) == ["https://news.example.org/world.xml", "https://news.example.org/"])
        #expect(root.first("generator")?.attributes["version"] == GazetteVersion.version)
        #expect(root.first("generator")?.text == "Gazette")
        #expect(root.first("updated")?.text == "2023-11-14T22:13:20Z")
    }

    @Test func feedAuthorIsTheSiteAuthorElseTheSiteTitle() throws {
        #expect(try Self.render([]).first("author")?.first("name")?.text == "Desk")
        var site = Self.site
        site.author = "The Editors"
        #expect(try Self.render([], site: site).first("author")?.first("name")?.text == "The Editors")
    }

    @Test func everyEntryMeetsTheRFCProseRulesTheSchemaCannotCheck() throws {
        // RFC 4287 §4.1.1: an author in the entry or the feed, and a link or content in each entry.
        let fixture = try PublishFixture.load("publish-hostile.json")
        let section = PublishedSection(
            section: fixture.sectionInputs[0].section, site: fixture.siteConfig, articles: fixture.sectionInputs[0].articles)
        let root = try XMLNodeTree.parse(Data(AtomFeedWriter(site: fixture.siteConfig).render(section)))
        #expect(root.first("author")?.first("name") != nil)
        let entries = root.all("entry")
        #expect(entries.count == fixture.sections[0].articles.count)
        var ids: Set<String> = []
        for entry in entries {
            let hasAlternate = entry.all("link").contains { $0.attributes["rel"] == "alternate" }
            #expect(hasAlternate || entry.first("content") != nil)
            #expect(entry.first("updated") != nil && entry.first("title") != nil)
            let id = try #require(entry.first("id")?.text)
            #expect(PublishURL.absoluteIRIScheme(id) != nil)
            #expect(ids.insert(id).inserted, "ids are unique")
        }
    }

    @Test func entryWithoutLinkOrContentGetsItsTitleAsTextContent() throws {
        let entry = try #require(try Self.render([Self.article(link: nil)]).first("entry"))
        #expect(entry.first("content")?.attributes["type"] == "text")
        #expect(entry.first("content")?.text == "Title")
        #expect(entry.all("link").isEmpty)
    }

    @Test func mergedArticleListsOtherSourcesAsRelatedLinks() throws {
        let seen = Date(timeIntervalSince1970: 0)
        let sources = [
            ArticleSource(
                feedKey: "https://one.example/feed", feedTitle: "One", entryID: "1", link: "https://one.example/1", firstSeen: seen),
            ArticleSource(
                feedKey: "https://two.example/feed", feedTitle: "Two", entryID: "2", link: "https://two.example/2", firstSeen: seen),
        ]
        let entry = try #require(try Self.render([Self.article(sources: sources)]).first("entry"))
        let related = entry.all("link").filter { $0.attributes["rel"] == "related" }
        #expect(related.map { $0.attributes["href"] } == ["https://two.example/2"])
        #expect(related.map { $0.attributes["title"] } == ["Two"])
        #expect(entry.first("source")?.first("title")?.text == "One")
        #expect(entry.first("content")?.text.contains("Also reported by: <a href=\"https://two.example/2\">Two</a>") == true)
    }

    @Test func sourceNamesItsFeedWithAStableUpdatedTime() throws {
        let source = ArticleSource(
            feedKey: "https://one.example/feed", feedTitle: "One", feedLink: "https://one.example/",
            feedID: "tag:one.example,2025:feed", feedUpdated: Date(), entryID: "1", link: "https://one.example/1",
            firstSeen: Date(timeIntervalSince1970: 0))
        let entry = try #require(try Self.render([Self.article(sources: [source])]).first("entry"))
        let element = try #require(entry.first("source"))
        #expect(element.first("id")?.text == "tag:one.example,2025:feed")
        #expect(element.first("title")?.text == "One")
        // The entry's own updated time, not the feed's latest (which changes on every fetch).
        #expect(element.first("updated")?.text == "2023-11-14T22:13:20Z")
        #expect(element.first("updated")?.text == entry.first("updated")?.text)
    }

    @Test func enclosuresCarryTypeAndLength() throws {
        var article = Self.article()
        article.enclosures = [
            Enclosure(url: "https://cdn.example/a.mp3", type: "audio/mpeg", length: 42),
            Enclosure(url: "https://cdn.example/b", type: "nonsense", length: -1),
        ]
        let links = try #require(try Self.render([article]).first("entry")).all("link").filter { $0.attributes["rel"] == "enclosure" }
        #expect(
            links.map { $0.attributes } == [
                ["rel": "enclosure", "type": "audio/mpeg", "href": "https://cdn.example/a.mp3", "length": "42"],
                ["rel": "enclosure", "href": "https://cdn.example/b"],
            ])
    }
}
