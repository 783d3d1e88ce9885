import Foundation
import Testing

@testable import GazetteKit

/// Real consumers read what the publisher writes: the RFC 4287 schema (jing), Python's feedparser,
/// newsboat over loopback HTTP, and JSON Feed / OPML structure checks. Each test is skipped, with
/// the reason shown, only where its tool is missing; `.ci/run` installs them. Serialized, so at most
/// one external tool runs at a time beside the rest of the test suite.
@Suite(.serialized) struct PublisherConsumerTests {
    static let fixtures = ["publish-basic.json", "publish-hostile.json"]

    /// Publishes `fixture` into a fresh folder and returns it with the sections as published.
    static func publish(_ fixture: String) throws -> (dir: TemporaryDirectory, sections: [PublishedSection], fixture: PublishFixture) {
        let loaded = try PublishFixture.load(fixture)
        let dir = try TemporaryDirectory()
        try loaded.publish(into: dir.url)
        let publisher = Publisher(site: loaded.siteConfig, outputDirectory: dir.url)
        return (dir, loaded.sectionInputs.map(publisher.prepare), loaded)
    }

    static var schema: URL { Fixtures.url("Publish/atom.rnc") }

    @Test(.enabled(if: ConsumerTools.jing != nil, "jing is not installed (apt-get install jing)"), arguments: fixtures)
    func atomFilesValidateAgainstRFC4287Schema(fixture: String) async throws {
        let (dir, sections, _) = try Self.publish(fixture)
        defer { dir.remove() }
        let jing = try #require(ConsumerTools.jing)
        let files = sections.map { dir.url.appendingPathComponent($0.id + ".xml").path }
        let result = try await ConsumerTools.run(jing, ["-c", Self.schema.path] + files)
        #expect(result.status == 0, "jing: \(result.output)")
        #expect(!result.output.contains("error"), "jing: \(result.output)")
    }

    @Test(.enabled(if: ConsumerTools.jing != nil, "jing is not installed (apt-get install jing)"))
    func schemaCheckRejectsAnInvalidFeed() async throws {
        // Guards the check above: jing must fail on a feed without id and updated.
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let bad = dir.url.appendingPathComponent("bad.xml")
        try Data("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>".utf8).write(to: bad)
        let result = try await ConsumerTools.run(try #require(ConsumerTools.jing), ["-c", Self.schema.path, bad.path])
        #expect(result.status != 0)
    }

    @Test(
        .enabled(if: ConsumerTools.hasFeedparser, "python3 with feedparser is not installed (pip install feedparser)"), arguments: fixtures)
    func feedparserReadsEveryAtomFileWithoutBozoAndSameEntries(fixture: String) async throws {
        let (dir, sections, _) = try Self.publish(fixture)
        defer { dir.remove() }
        let report = try await ConsumerTools.checkConsumers(dir.url, ["--feedparser"])
        #expect(report.problems.isEmpty)
        let feeds = try #require(report.feedparser)
        #expect(feeds.keys.sorted() == sections.map { $0.id + ".xml" }.sorted())
        for section in sections {
            let feed = try #require(feeds[section.id + ".xml"])
            #expect(feed.bozo == 0)
            #expect(feed.version == "atom10")
            #expect(feed.id == section.feedID)
            #expect(feed.title == section.title)
            #expect(feed.updated == PublishDate.rfc3339(section.updated))
            #expect(feed.entries.map(\.id) == section.entries.map(\.id))
            #expect(feed.entries.map(\.title) == section.entries.map(\.title))
            // feedparser falls back to the id as the link when an entry has none.
            #expect(feed.entries.map(\.link) == section.entries.map { $0.link ?? $0.id })
            #expect(feed.entries.map(\.updated) == section.entries.map { PublishDate.rfc3339($0.updated) })
            #expect(feed.entries.map(\.published) == section.entries.map { PublishDate.rfc3339($0.published) })
            #expect(feed.entries.map { $0.enclosures.map(\.href) } == section.entries.map { $0.enclosures.map(\.url) })
        }
    }

    @Test(
        .enabled(
            if: ConsumerTools.newsboat != nil && ConsumerTools.python3 != nil,
            "newsboat or python3 is not installed (apt-get install newsboat)"), arguments: fixtures)
    func newsboatListsTheSameTitlesOverLoopbackHTTP(fixture: String) async throws {
        let (dir, sections, _) = try Self.publish(fixture)
        defer { dir.remove() }
        let report = try await ConsumerTools.checkConsumers(dir.url, ["--newsboat"])
        #expect(report.problems.isEmpty)
        let newsboat = try #require(report.newsboat)
        for section in sections {
            let name = section.id + ".xml"
            #expect(newsboat.feeds[name] == section.title)
            // newsboat lists by date, newest first; compare as sets where dates tie.
            #expect(newsboat.titles[name]?.sorted() == section.entries.map(\.title).sorted())
            #expect(newsboat.titles[name]?.count == section.entries.count)
        }
    }

    @Test(.enabled(if: ConsumerTools.python3 != nil, "python3 is not installed"), arguments: fixtures)
    func jsonFeedHasRequiredFieldsAndTheSameItemsAsAtom(fixture: String) async throws {
        let (dir, sections, _) = try Self.publish(fixture)
        defer { dir.remove() }
        let report = try await ConsumerTools.checkConsumers(dir.url, ["--jsonfeed", "--opml"])
        #expect(report.problems.isEmpty)
        let feeds = try #require(report.jsonfeed)
        for section in sections {
            let feed = try #require(feeds[section.id + ".json"])
            #expect(feed.title == section.title)
            #expect(feed.items.map(\.id) == section.entries.map(\.id))
            #expect(feed.items.map(\.title) == section.entries.map(\.title))
            #expect(feed.items.map(\.url) == section.entries.map(\.link))
            #expect(feed.items.map(\.content_html) == section.entries.map { $0.contentHTML ?? "" })
            #expect(feed.items.map(\.date_modified) == section.entries.map { PublishDate.rfc3339($0.updated) })
        }
        let opml = try #require(report.opml)
        #expect(opml.prefix(sections.count).map(\.text) == sections.map(\.title))
    }
}
