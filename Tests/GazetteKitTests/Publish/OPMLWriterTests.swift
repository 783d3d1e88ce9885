import Foundation
import Testing

@testable import GazetteKit

@Suite struct OPMLWriterTests {
    @Test func groupsSourcesUnderTheirSectionsInOrder() throws {
        let loaded = try PublishFixture.load("publish-basic.json")
        let publisher = Publisher(site: loaded.siteConfig, outputDirectory: URL(fileURLWithPath: "/nonexistent"))
        let bytes = OPMLWriter(site: loaded.siteConfig).render(
            sections: loaded.sectionInputs.map(publisher.prepare), sources: loaded.sourceListings)
        let root = try XMLNodeTree.parse(Data(bytes))
        #expect(root.name == "opml" && root.attributes["version"] == "2.0")
        #expect(root.first("head")?.first("title")?.text == "Gazette Test Desk: sources")
        let groups = try #require(root.first("body")).all("outline")
        #expect(groups.map { $0.attributes["text"] } == ["Technology", "Science", "Nothing yet"])
        // Each section opens with Gazette's own feed of it, then its sources.
        #expect(groups.map { $0.all("outline").first?.attributes["xmlUrl"] }.allSatisfy { $0?.hasSuffix(".xml") == true })
        #expect(groups[0].all("outline").first?.attributes["xmlUrl"] == PublishedSection.baseURL(of: loaded.siteConfig) + "tech.xml")
        #expect(groups[2].all("outline").count == 1, "a section without sources of its own is not an empty folder")
        #expect(groups[0].all("outline").dropFirst().map { $0.attributes["text"] } == ["Alpha Daily", "Beta Weekly", "Gamma News"])
        #expect(
            groups[1].all("outline").dropFirst().map { $0.attributes["xmlUrl"] } == [
                "https://beta.example.net/atom", "https://delta.example.com/index.xml", nil,
            ])
        #expect(
            groups[1].all("outline").dropFirst().map { $0.attributes["type"] } == ["rss", "rss", nil],
            "a local file is listed, but not as a subscribable feed")
    }

    @Test func sourceListingFromConfigPrefersNameThenFetchedTitleThenKey() throws {
        let feed = FeedConfig(key: "https://a.example/feed", url: try #require(URL(string: "https://a.example/feed")), sections: ["s"])
        #expect(SourceListing(feed: feed).title == "https://a.example/feed")
        #expect(SourceListing(feed: feed, fetchedTitle: " Alpha ").title == "Alpha")
        var named = feed
        named.name = "Named"
        #expect(SourceListing(feed: named, fetchedTitle: "Alpha").title == "Named")
        #expect(SourceListing(feed: named).sectionIDs == ["s"])
    }
}
