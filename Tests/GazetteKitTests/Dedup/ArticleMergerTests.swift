import Foundation
import Testing

@testable import GazetteKit

@Suite struct ArticleMergerTests {
    private func copy(_ feed: String, _ item: FeedItem, seen: Double) -> ArticleMerger.Copy {
        ArticleMerger.Copy(
            source: ArticleSource(feedKey: feed, entryID: item.id, link: item.link, firstSeen: TestDates.days(seen)), item: item)
    }

    @Test func mergesDatesContentPeopleCategoriesAndSources() throws {
        let first = FeedItem(
            id: "a", title: "Bridge reopens", link: "https://council.example/bridge", published: TestDates.days(1),
            updated: TestDates.days(2), authors: [Person(name: "Press office")], summary: "<p>Short.</p>",
            content: "<p>Medium length text.</p>", categories: ["Transport", "Roads"],
            enclosures: [Enclosure(url: "https://council.example/bridge.jpg", type: "image/jpeg")])
        let second = FeedItem(
            id: "b", title: "Bridge reopens after repairs", link: "https://paper.example/bridge",
            originalLink: "https://council.example/bridge", published: TestDates.days(0.5), updated: TestDates.days(3),
            authors: [Person(name: "Press office"), Person(name: "Jo Reporter")], summary: "<p>A longer summary.</p>",
            content: "<p>The longest text of all the copies.</p>", categories: ["roads", "News"],
            enclosures: [Enclosure(url: "https://council.example/bridge.jpg")], image: "https://paper.example/b.jpg")
        let article = try #require(
            ArticleMerger.merge(
                id: "a", firstSeen: TestDates.days(1), changedAt: nil,
                copies: [copy("council", first, seen: 1), copy("paper", second, seen: 1.5)]))
        #expect(article.id == "a")
        #expect(article.title == "Bridge reopens")
        #expect(article.link == "https://council.example/bridge")
        #expect(article.published == TestDates.days(0.5))  // earliest
        #expect(article.updated == TestDates.days(3))  // latest
        #expect(article.content == "<p>The longest text of all the copies.</p>")
        #expect(article.summary == "<p>A longer summary.</p>")
        #expect(article.authors.map(\.name) == ["Press office"])  // the first copy's: it is the source
        #expect(article.categories == ["Transport", "Roads", "News"])
        #expect(article.enclosures.count == 1)
        #expect(article.image == "https://paper.example/b.jpg")
        #expect(article.sources.map(\.feedKey) == ["council", "paper"])
    }

    @Test func creditGoesToTheFirstCopyEvenWhenItNamesNoAuthor() throws {
        let wire = FeedItem(id: "w", title: "Harbour wall", link: "https://harbour.example/wall")
        let paper = FeedItem(id: "p", title: "Harbour wall", link: "https://harbour.example/wall", authors: [Person(name: "Jo Reporter")])
        let article = try #require(
            ArticleMerger.merge(
                id: "w", firstSeen: TestDates.days(0), changedAt: nil, copies: [copy("wire", wire, seen: 0), copy("paper", paper, seen: 1)])
        )
        #expect(article.authors.isEmpty)
        #expect(article.sources.map(\.feedKey) == ["wire", "paper"])
    }

    @Test func changeSeenByGazetteCountsAsUpdateTime() throws {
        let item = FeedItem(id: "a", title: "T", updated: TestDates.days(1))
        let article = try #require(
            ArticleMerger.merge(
                id: "a", firstSeen: TestDates.days(0), changedAt: TestDates.days(5), copies: [copy("f", item, seen: 0)]))
        #expect(article.updated == TestDates.days(5))
    }

    @Test func untitledCopiesFallBackToAnotherTitleThenTheLink() throws {
        let untitled = FeedItem(id: "a", title: "  ", link: "https://x.example/a")
        let titled = FeedItem(id: "b", title: "Found a title")
        #expect(
            ArticleMerger.merge(
                id: "a", firstSeen: TestDates.base, changedAt: nil,
                copies: [copy("f", untitled, seen: 0), copy("g", titled, seen: 1)])?.title == "Found a title")
        #expect(
            ArticleMerger.merge(
                id: "a", firstSeen: TestDates.base, changedAt: nil,
                copies: [copy("f", untitled, seen: 0)])?.title == "https://x.example/a")
        #expect(ArticleMerger.merge(id: "a", firstSeen: TestDates.base, changedAt: nil, copies: []) == nil)
    }
}
