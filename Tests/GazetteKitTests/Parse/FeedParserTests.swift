import Foundation
import Testing
@testable import GazetteKit

/// Parses a fixture from `Fixtures/Parse/`.
func parseFixture(_ name: String, base: String? = nil, charset: String? = nil) throws -> ParsedFeed {
    let data = try Fixtures.data("Parse/\(name)")
    let url = base.flatMap { URL(string: $0) } ?? Fixtures.url("Parse/\(name)")
    return try FeedParser().parse(data, url: url, httpCharset: charset)
}

@Suite struct FeedParserTests {
    @Test(arguments: [
        ("rss2-namespaces.xml", FeedFormat.rss20), ("rss-ttl.xml", .rss092), ("rss10-rdf.xml", .rss10),
        ("rss090.xml", .rss090), ("atom10-text-constructs.xml", .atom10), ("atom03.xml", .atom03),
        ("json-feed-1.1.json", .json11), ("json-feed-1.0.json", .json10),
    ])
    func detectsFormatFromContent(file: String, format: FeedFormat) throws {
        #expect(try parseFixture(file).format == format)
    }

    @Test func readsRSSNamespaces() throws {
        let feed = try parseFixture("rss2-namespaces.xml")
        #expect(feed.title == "Namespaces")
        #expect(feed.feedURL == "https://example.org/feed/")
        #expect(feed.language == "en-gb")
        #expect(feed.generator == "WordPress 6.5")
        #expect(feed.image == "https://example.org/logo.png")
        #expect(feed.refreshInterval == 1800)
        let item = try #require(feed.items.first)
        #expect(item.id == "ep-1")
        #expect(item.idIsDerived == false)
        #expect(item.link == "https://feeds.example.org/~r/ep1")
        #expect(item.originalLink == "https://example.org/ep1")
        #expect(item.authors == [Person(name: "Jo Casebourne")])
        #expect(item.categories == ["Audio", "Podcasts"])
        #expect(item.summary == "Short summary")
        #expect(item.content?.contains("Long <em>content</em>") == true)
        #expect(item.comments == "https://example.org/ep1#comments")
        #expect(item.commentsFeed == "https://example.org/ep1/feed/")
        #expect(item.commentCount == 7)
        #expect(item.image == "https://example.org/ep1-thumb.jpg")
        #expect(item.enclosures.first == Enclosure(url: "https://example.org/ep1.mp3", type: "audio/mpeg", length: 12345))
        #expect(item.enclosures.contains(Enclosure(url: "https://example.org/ep1.mp4", type: "video/mp4", length: 999)))
        #expect(item.source == EntrySource(title: "Other Feed", feedURL: "https://other.example.org/rss"))
        #expect(item.updated != nil)
    }

    @Test func ignoresUnknownNamespacesWithoutError() throws {
        let feed = try parseFixture("rss2-namespaces.xml")
        #expect(feed.title == "Namespaces")
        #expect(feed.recovered == false)
        #expect(feed.items.count == 2)
    }

    @Test func fallsBackToITunesAuthorAndMediaDescription() throws {
        let item = try parseFixture("rss2-namespaces.xml").items[1]
        #expect(item.authors == [Person(name: "Podcast Host")])
        #expect(item.summary == "Plain &lt;text&gt; description")
    }

    @Test func readsRSSAuthorForms() throws {
        let feed = try parseFixture("rss-ttl.xml")
        #expect(feed.authors == [Person(name: "Ed Itor", email: "editor@example.org")])
        #expect(feed.items[0].authors == [Person(name: "Jane Doe", email: "jane@example.org")])
        #expect(feed.items[1].authors == [Person(email: "plain@example.org")])
        #expect(feed.refreshInterval == 1800)
    }

    @Test func readsAtomTextConstructs() throws {
        let feed = try parseFixture("atom10-text-constructs.xml")
        #expect(feed.subtitle == "a <b> is not bold here")
        #expect(feed.id == "urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6")
        #expect(feed.authors == [Person(name: "Feed Author", email: "feed@example.org", uri: "http://example.org/about")])
        #expect(feed.generator == "Example Generator")
        #expect(feed.link == "http://example.org/")
        #expect(feed.feedURL == "http://example.org/atom.xml")
        let entry = feed.items[0]
        #expect(entry.summary == "Less &lt; more &amp; so on")
        #expect(entry.content?.contains("<b>HTML</b>") == true)
        #expect(entry.enclosures == [Enclosure(url: "http://example.org/audio.mp3", type: "audio/mpeg", length: 1337)])
        #expect(entry.originalLink == "http://origin.example.org/story")
        #expect(entry.categories == ["fish"])
        #expect(entry.source?.title == "Origin Feed")
        #expect(entry.source?.link == "http://origin.example.org/")
        #expect(entry.source?.feedURL == "http://origin.example.org/feed.atom")
        #expect(entry.source?.id == "tag:origin.example.org,2025:feed")
        let second = feed.items[1]
        #expect(second.content?.contains("<p>Inline <strong>xhtml</strong> &amp; text</p>") == true)
        #expect(second.content?.contains("<div") == false)
    }

    @Test func unparseableDateIsNilNeverNow() throws {
        let entry = try parseFixture("atom10-text-constructs.xml").items[1]
        #expect(entry.updated == nil)
        #expect(entry.published == nil)
    }

    @Test func readsAtom03ModesAndPersonURL() throws {
        let feed = try parseFixture("atom03.xml")
        #expect(feed.title == "Atom 0.3")
        #expect(feed.subtitle == "Old tagline")
        let entry = try #require(feed.items.first)
        #expect(entry.authors == [Person(name: "Old Author", uri: "http://example.org/old-author")])
        #expect(entry.summary == "Base 64 summary")
        #expect(entry.content?.contains("<p>Escaped</p>") == true)
        #expect(entry.link == "http://example.org/old")
    }

    @Test func readsRSS10ItemsOutsideTheChannel() throws {
        let feed = try parseFixture("rss10-rdf.xml")
        #expect(feed.title == "RDF Site")
        #expect(feed.image == "http://example.org/logo.gif")
        #expect(feed.items.count == 1)
        #expect(feed.items[0].id == "http://example.org/1")
        #expect(feed.items[0].authors == [Person(name: "Dee Cee")])
    }

    @Test func resolvesNestedXMLBaseIncludingInsideContent() throws {
        let feed = try parseFixture("nested-xml-base.xml", base: "http://example.org/feeds/atom.xml")
        #expect(feed.link == "http://example.org/blog/index.html")
        #expect(feed.items[0].link == "http://example.org/blog/posts/2025/first.html")
        let content = try #require(feed.items[0].content)
        #expect(content.contains("http://example.org/blog/posts/2025/media/photo.jpg"))
        #expect(content.contains("http://example.org/abs.png"))
        #expect(feed.items[1].link == "http://example.org/other/second.html")
    }

    @Test func resolvesRelativeLinksAgainstTheDocumentURL() throws {
        let feed = try parseFixture("atom10-text-constructs.xml", base: "http://example.org/feeds/atom.xml")
        #expect(feed.image == "http://example.org/logo.png")
    }

    @Test func keepsItemsWithDuplicateGUIDs() throws {
        let feed = try parseFixture("duplicate-guids.xml")
        #expect(feed.items.map(\.id) == ["same", "same", "other"])
        #expect(feed.items.map(\.title) == ["One", "Two", "Three"])
    }

    @Test func derivesStableIDsWhenTheFeedGivesNone() throws {
        let first = try parseFixture("no-guid-items.xml")
        let second = try parseFixture("no-guid-items.xml")
        #expect(first.items.map(\.id) == second.items.map(\.id))
        #expect(first.items.allSatisfy { $0.idIsDerived })
        #expect(Set(first.items.map(\.id)).count == 3)
    }

    @Test func titlesArePlainTextWithEntitiesDecoded() throws {
        let feed = try parseFixture("undeclared-html-entities.xml")
        #expect(feed.title == "Caf\u{e9}\u{a0}Society")
        #expect(feed.items[0].title == "Wait\u{2026} what\u{2019}s this?")
    }

    @Test func rejectsAnHTMLPageAsNotAFeed() throws {
        #expect {
            _ = try parseFixture("not-a-feed.html")
        } throws: { error in
            guard case .notAFeed(_, let reason) = error as? FeedParseError else { return false }
            return reason.contains("HTML")
        }
    }

    @Test func rejectsAnEmptyDocument() throws {
        #expect(throws: FeedParseError.self) { try parseFixture("empty.xml") }
    }
}
