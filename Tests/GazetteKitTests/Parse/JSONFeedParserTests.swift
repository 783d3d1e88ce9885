import Foundation
import Testing
@testable import GazetteKit

@Suite struct JSONFeedParserTests {
    @Test func readsJSONFeed11() throws {
        let feed = try parseFixture("json-feed-1.1.json", base: "https://example.org/feed.json")
        #expect(feed.title == "JSON Feed")
        #expect(feed.link == "https://example.org/")
        #expect(feed.feedURL == "https://example.org/feed.json")
        #expect(feed.image == "https://example.org/icon.png")
        #expect(feed.language == "en")
        #expect(feed.authors == [Person(name: "Jason", uri: "https://example.org/jason")])
        let first = feed.items[0]
        #expect(first.id == "1")
        #expect(first.link == "https://example.org/posts/1")
        #expect(first.title == "Hello & welcome")
        #expect(first.originalLink == "https://elsewhere.example.org/1")
        #expect(first.summary == "Hi &lt;there&gt;")
        #expect(first.categories == ["intro", "json"])
        #expect(first.enclosures == [Enclosure(url: "https://example.org/a.mp3", type: "audio/mpeg", length: 42)])
        #expect(first.published == Date(timeIntervalSince1970: 1_746_523_800))
        #expect(feed.items[1].id == "2")
        #expect(feed.items[1].content == "Plain &lt;text&gt; &amp; more")
        #expect(feed.items[2].idIsDerived)
    }

    @Test func readsJSONFeed10SingleAuthor() throws {
        let feed = try parseFixture("json-feed-1.0.json")
        #expect(feed.authors == [Person(name: "Solo")])
        #expect(feed.items.count == 1)
    }

    @Test func rejectsJSONThatIsNotAFeed() throws {
        #expect(throws: FeedParseError.self) { try parseFixture("json-not-a-feed.json") }
    }
}
