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

    /// Real JSON feeds bend the spec: wrong types are skipped value by value, never the whole feed.
    @Test func readsLooseJSONFeedsValueByValue() throws {
        let feed = try parseFixture("json-feed-loose.json", base: "https://example.org/feed.json")
        #expect(feed.title == nil)
        #expect(feed.link == "https://example.org/")
        #expect(feed.authors == [Person(name: "Ann"), Person(name: nil, uri: "https://example.org/bo")])
        #expect(feed.items.count == 3)
        let first = feed.items[0]
        #expect(first.id == "7")
        #expect(!first.idIsDerived)
        #expect(first.categories == ["a", "b"])
        #expect(first.enclosures == [Enclosure(url: "https://example.org/a.mp3", type: "audio/mpeg", length: 1024)])
        let second = feed.items[1]
        #expect(second.idIsDerived)
        #expect(second.title == nil)
        #expect(second.content == "<p>Hi</p>")
        #expect(second.published == Date(timeIntervalSince1970: 1_746_523_800))
        #expect(feed.items[2].id == "1.5")
        #expect(feed.items[2].summary == "S &amp; T")
    }

    @Test func namesTheProblemInBrokenJSON() throws {
        #expect {
            try parseFixture("json-feed-truncated.json")
        } throws: { error in
            guard case FeedParseError.notAFeed(_, let reason) = error else { return false }
            return reason == "invalid JSON (line 2:1: the file ends inside an object: a closing '}' is missing)"
        }
        #expect {
            try JSONFeedParser.parse(Data("[1, 2]".utf8), url: nil, source: "list.json")
        } throws: { error in
            error as? FeedParseError == .notAFeed(source: "list.json", reason: "the JSON document is not an object")
        }
    }

    @Test func rejectsJSONThatIsNotAFeed() throws {
        #expect(throws: FeedParseError.self) { try parseFixture("json-not-a-feed.json") }
    }
}
