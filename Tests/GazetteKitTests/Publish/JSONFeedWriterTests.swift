import Foundation
import Testing

@testable import GazetteKit

@Suite struct JSONFeedWriterTests {
    static func render(_ fixture: String) throws -> (section: PublishedSection, json: [String: Any], bytes: [UInt8]) {
        let loaded = try PublishFixture.load(fixture)
        let publisher = Publisher(site: loaded.siteConfig, outputDirectory: URL(fileURLWithPath: "/nonexistent"))
        let section = publisher.prepare(loaded.sectionInputs[0])
        let bytes = JSONFeedWriter(site: loaded.siteConfig).render(section)
        let object = try JSONSerialization.jsonObject(with: Data(bytes))
        return (section, try #require(object as? [String: Any]), bytes)
    }

    @Test func writesJSONFeed11WithTheSectionsEntries() throws {
        let (section, json, _) = try Self.render("publish-basic.json")
        #expect(json["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(json["title"] as? String == "Technology")
        #expect(json["home_page_url"] as? String == "https://news.example.org/gazette/")
        #expect(json["feed_url"] as? String == "https://news.example.org/gazette/tech.json")
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == section.entries.map(\.id))
        let podcast = try #require(items.first { ($0["title"] as? String)?.hasPrefix("Beta podcast") == true })
        let attachments = try #require(podcast["attachments"] as? [[String: Any]])
        #expect(attachments.first?["mime_type"] as? String == "audio/mpeg")
        #expect(attachments.first?["size_in_bytes"] as? Int == 12_345_678)
        #expect(podcast["image"] as? String == "https://cdn.beta.example.net/ep12345.jpg")
        #expect(podcast["tags"] as? [String] == ["podcast"])
    }

    @Test func mergedItemsNameTheirOtherSourcesInTheGazetteExtension() throws {
        let (_, json, _) = try Self.render("publish-basic.json")
        let items = try #require(json["items"] as? [[String: Any]])
        let merged = try #require(items.first { $0["id"] as? String == "tag:beta.example.net,2025:merged-story" })
        let ext = try #require(merged["_gazette"] as? [String: Any])
        let others = try #require(ext["also_reported_by"] as? [[String: Any]])
        #expect(others.map { $0["title"] as? String } == ["Alpha Daily", "Gamma News"])
        #expect((ext["source"] as? [String: Any])?["title"] as? String == "Beta Weekly")
    }

    @Test func angleBracketsAndAmpersandsNeverAppearRaw() throws {
        let (_, _, bytes) = try Self.render("publish-hostile.json")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
        #expect(text.contains("\\u003cscript\\u003e"))
        #expect(text.hasSuffix("}\n"))
    }
}
