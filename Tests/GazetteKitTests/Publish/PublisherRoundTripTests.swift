import Foundation
import Testing

@testable import GazetteKit

/// Publish, then read the files back with Gazette's own parser: what readers get is what was stored.
@Suite struct PublisherRoundTripTests {
    static let fixtures = ["publish-basic.json", "publish-hostile.json"]

    @Test(arguments: fixtures)
    func atomFilesParseBackToThePublishedEntries(fixture: String) throws {
        let (dir, sections, _) = try PublisherConsumerTests.publish(fixture)
        defer { dir.remove() }
        for section in sections {
            let data = try Data(contentsOf: dir.url.appendingPathComponent(section.id + ".xml"))
            let feed = try FeedParser().parse(data, url: URL(string: section.atomURL))
            #expect(feed.format == .atom10)
            #expect(!feed.recovered, "\(feed.diagnostics)")
            #expect(feed.id == section.feedID)
            #expect(feed.title == section.title)
            #expect(feed.subtitle == section.subtitle)
            #expect(feed.updated == Self.whole(section.updated))
            #expect(feed.link == section.siteURL)
            #expect(feed.feedURL == section.atomURL)
            #expect(feed.generator?.hasPrefix("Gazette") == true)
            #expect(feed.items.count == section.entries.count)
            for (item, entry) in zip(feed.items, section.entries) {
                #expect(item.id == entry.id)
                #expect(!item.idIsDerived)
                #expect(item.title == entry.title)
                #expect(item.link == entry.link)
                #expect(item.published == Self.whole(entry.published))
                #expect(item.updated == Self.whole(entry.updated))
                #expect(item.authors.map(\.name) == entry.authors.map(\.name))
                #expect(item.authors.map(\.email) == entry.authors.map(\.email))
                #expect(item.categories == entry.categories)
                #expect(item.enclosures.map(\.url) == entry.enclosures.map(\.url))
                #expect(item.enclosures.map(\.type) == entry.enclosures.map(\.type))
                #expect(item.enclosures.map(\.length) == entry.enclosures.map(\.length))
                let base = entry.link.flatMap(URL.init(string:)) ?? URL(string: section.atomURL)
                if let content = entry.contentHTML {
                    #expect(item.content == HTMLSanitizer().sanitize(content, baseURL: base))
                } else {
                    // No content and no link: the title stands in as text content (RFC 4287 §4.1.1).
                    #expect(entry.link != nil || item.content == HTMLSanitizer.escape(entry.title))
                }
                #expect(item.summary == entry.summaryHTML.map { HTMLSanitizer().sanitize($0, baseURL: base) })
                #expect(item.source?.id == entry.source?.id)
                #expect(item.source?.title == entry.source?.title)
                #expect(item.source?.link == entry.source?.link)
                #expect(item.source?.feedURL == entry.source?.feedURL)
            }
        }
    }

    @Test(arguments: fixtures)
    func jsonFeedFilesParseBackToTheSameEntries(fixture: String) throws {
        let (dir, sections, _) = try PublisherConsumerTests.publish(fixture)
        defer { dir.remove() }
        for section in sections {
            let data = try Data(contentsOf: dir.url.appendingPathComponent(section.id + ".json"))
            let feed = try FeedParser().parse(data, url: URL(string: section.jsonURL))
            #expect(feed.format == .json11)
            #expect(feed.title == section.title)
            #expect(feed.link == section.siteURL)
            #expect(feed.items.map(\.id) == section.entries.map(\.id))
            #expect(feed.items.map(\.title) == section.entries.map(\.title))
            #expect(feed.items.map(\.link) == section.entries.map(\.link))
            #expect(feed.items.map(\.updated) == section.entries.map { Self.whole($0.updated) })
            #expect(feed.items.map(\.published) == section.entries.map { Self.whole($0.published) })
            #expect(feed.items.map(\.categories) == section.entries.map(\.categories))
            #expect(feed.items.map(\.image) == section.entries.map(\.image))
        }
    }

    /// The instant as published: whole seconds, years 0001–9999.
    static func whole(_ date: Date) -> Date {
        let seconds = min(max(date.timeIntervalSince1970, -62_135_596_800), 253_402_300_799)
        return Date(timeIntervalSince1970: seconds.rounded(.down))
    }
}
