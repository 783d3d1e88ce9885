import Foundation
import Testing

@testable import GazetteKit

@Suite struct PublishedEntryTests {
    static let seen = Date(timeIntervalSince1970: 1_600_000_000)

    static func source(_ key: String, title: String? = nil, entry: String = "e", link: String? = nil) -> ArticleSource {
        ArticleSource(feedKey: key, feedTitle: title, entryID: entry, link: link, firstSeen: seen)
    }

    @Test func keepsAnIRIIDAndDerivesAStableUUIDOtherwise() {
        let iri = Article(id: "tag:a.example,2025:1", title: "t", firstSeen: Self.seen)
        #expect(PublishedEntry(article: iri).id == "tag:a.example,2025:1")
        let bare = Article(id: "12345", title: "t", firstSeen: Self.seen, sources: [Self.source("https://a.example/feed")])
        let derived = PublishedEntry(article: bare).id
        #expect(derived.hasPrefix("urn:uuid:"))
        #expect(derived == NameBasedUUID.urn(name: "gazette-entry:https://a.example/feed\n12345"))
        var otherFeed = bare
        otherFeed.sources = [Self.source("https://b.example/feed")]
        #expect(PublishedEntry(article: otherFeed).id != derived, "the same bare guid in two feeds gives two ids")
    }

    @Test func undatedArticleUsesItsFirstSeenTimeForBothDates() {
        let entry = PublishedEntry(article: Article(id: "x:1", title: "t", firstSeen: Self.seen))
        #expect(entry.published == Self.seen)
        #expect(entry.updated == Self.seen)
    }

    @Test func authorFallsBackToTheSourceFeedTitle() {
        let article = Article(id: "x:1", title: "t", firstSeen: Self.seen, sources: [Self.source("https://a.example/feed", title: "Alpha")])
        #expect(PublishedEntry(article: article).authors == [.init(name: "Alpha")])
        var named = article
        named.authors = [Person(name: "Ada", email: "not-an-email", uri: "https://ada.example/")]
        #expect(PublishedEntry(article: named).authors == [.init(name: "Ada", email: nil, uri: "https://ada.example/")])
    }

    @Test func summaryIsKeptOnlyBesideDistinctContent() {
        var article = Article(id: "x:1", title: "t", firstSeen: Self.seen, summary: "<p>s</p>")
        #expect(PublishedEntry(article: article).contentHTML == "<p>s</p>")
        #expect(PublishedEntry(article: article).summaryHTML == nil)
        article.content = "<p>c</p>"
        #expect(PublishedEntry(article: article).contentHTML == "<p>c</p>")
        #expect(PublishedEntry(article: article).summaryHTML == "<p>s</p>")
    }

    @Test func alsoReportedByNamesEachOtherFeedOnceWithEscapedTitles() {
        let article = Article(
            id: "x:1", title: "t", firstSeen: Self.seen, content: "<p>c</p>",
            sources: [
                Self.source("https://a.example/feed", title: "A"),
                Self.source("https://b.example/feed", title: "B & \"Co\"", link: "https://b.example/1?x=1&y=2"),
                Self.source("https://b.example/feed", title: "B again"),
                Self.source("https://c.example/feed"),
            ])
        let entry = PublishedEntry(article: article)
        #expect(entry.mentions.map(\.title) == ["B & \"Co\"", "c.example"])
        #expect(
            entry.contentHTML == "<p>c</p>\n<p class=\"gazette-also-reported\">Also reported by: "
                + "<a href=\"https://b.example/1?x=1&amp;y=2\">B &amp; &quot;Co&quot;</a>, c.example</p>")
    }

    @Test func singleLineFieldsCollapseWhitespace() {
        #expect(PublishedEntry.text("  a\t b\r\n\nc\u{2028}d ") == "a b c d")
        #expect(PublishedEntry.text(" \n\u{0}\t ") == nil)
        #expect(PublishedEntry.text("keeps\u{A0}nbsp") == "keeps\u{A0}nbsp")
    }

    @Test func dedupesCategoriesAndDropsEmptyOnes() {
        let article = Article(id: "x:1", title: "t", firstSeen: Self.seen, categories: ["a", " a ", "", "b", "\u{1}"])
        #expect(PublishedEntry(article: article).categories == ["a", "b"])
    }

    @Test func sourceAlwaysHasAnIDEvenForALocalFile() {
        var withFeedID = Self.source("https://a.example/feed")
        withFeedID.feedID = "tag:a.example,2025:feed"
        #expect(
            PublishedEntry(article: Article(id: "x:1", title: "t", firstSeen: Self.seen, sources: [withFeedID])).source?.id
                == "tag:a.example,2025:feed")
        let web = Article(id: "x:1", title: "t", firstSeen: Self.seen, sources: [Self.source("https://a.example/feed")])
        #expect(PublishedEntry(article: web).source?.id == "https://a.example/feed")
        let file = Article(id: "x:1", title: "t", firstSeen: Self.seen, sources: [Self.source("feeds/council.xml")])
        let id = PublishedEntry(article: file).source?.id
        #expect(id == NameBasedUUID.urn(name: "gazette-feed:feeds/council.xml"))
        #expect(PublishedEntry(article: file).source?.feedURL == nil)
    }

    @Test func linkIsPublishedWithoutClickTrackingAndAsAURI() {
        let article = Article(
            id: "x:1", title: "t", link: "https://a.example/ü?id=7&utm_source=rss&fbclid=x", firstSeen: Self.seen)
        #expect(PublishedEntry(article: article).link == "https://a.example/%C3%BC?id=7")
    }

    @Test func mentionsNameTheOtherFeedsHomePageApartFromTheirLinkToTheStory() {
        var other = Self.source("https://b.example/feed", title: "B", link: "https://b.example/story?utm_medium=rss")
        other.feedLink = "https://b.example/"
        var siteOnly = Self.source("https://c.example/feed", title: "C")
        siteOnly.feedLink = "https://c.example/"
        let article = Article(
            id: "x:1", title: "t", firstSeen: Self.seen, sources: [Self.source("https://a.example/feed"), other, siteOnly])
        let mentions = PublishedEntry(article: article).mentions
        #expect(
            mentions == [
                .init(title: "B", url: "https://b.example/story", homePage: "https://b.example/", feedURL: "https://b.example/feed"),
                .init(title: "C", url: "https://c.example/", homePage: "https://c.example/", feedURL: "https://c.example/feed"),
            ])
    }
}
