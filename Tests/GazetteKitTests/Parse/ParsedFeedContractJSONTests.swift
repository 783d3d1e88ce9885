import Foundation
import Testing
@testable import GazetteKit

@Suite struct ParsedFeedContractJSONTests {
    private func object(_ feed: ParsedFeed) throws -> [String: Any] {
        let json = try JSONSerialization.jsonObject(with: Data(feed.contractJSON().utf8))
        return try #require(json as? [String: Any])
    }

    @Test func everyContractKeyIsPresentWithNulls() throws {
        let doc = try object(try parseFixture("no-guid-items.xml"))
        for key in ["format", "title", "subtitle", "link", "feedURL", "id", "updated", "language", "authors",
                    "image", "generator", "recovered", "diagnostics", "items"] {
            #expect(doc.keys.contains(key), "missing \(key)")
        }
        #expect(doc["subtitle"] is NSNull)
        let items = try #require(doc["items"] as? [[String: Any]])
        for key in ["id", "title", "link", "published", "updated", "authors", "summary", "content", "categories",
                    "enclosures", "comments", "source"] {
            #expect(items[0].keys.contains(key), "missing item key \(key)")
        }
        #expect(items[1]["published"] is NSNull)
    }

    @Test func datesAreRFC3339UTCAndItemsInDocumentOrder() throws {
        let doc = try object(try parseFixture("atom10-text-constructs.xml"))
        #expect(doc["updated"] as? String == "2025-05-06T09:30:00Z")
        let items = try #require(doc["items"] as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == [
            "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", "tag:example.org,2025:2",
        ])
        #expect(items[0]["published"] as? String == "2025-05-05T12:00:00Z")
        let enclosure = try #require((items[0]["enclosures"] as? [[String: Any]])?.first)
        #expect(enclosure["length"] as? Int == 1337)
        let source = try #require(items[0]["source"] as? [String: Any])
        #expect(source["feedURL"] as? String == "http://origin.example.org/feed.atom")
    }

    @Test func escapesControlCharactersAndQuotes() throws {
        let feed = ParsedFeed(format: .rss20, title: "a \"q\" \\ \n\u{1}")
        let doc = try object(feed)
        #expect(doc["title"] as? String == "a \"q\" \\ \n\u{1}")
    }
}
