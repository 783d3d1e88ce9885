import Foundation
import Testing

@testable import GazetteKit

@Suite struct PublisherTests {
    static let allFiles = ["empty.json", "empty.xml", "index.html", "science.json", "science.xml", "sources.opml", "tech.json", "tech.xml"]

    static func snapshot(_ dir: URL) throws -> [String: (bytes: Data, modified: Date, inode: Int)] {
        var result: [String: (Data, Date, Int)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            let path = dir.appendingPathComponent(name).path
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            result[name] = (
                try Data(contentsOf: URL(fileURLWithPath: path)), attributes[.modificationDate] as? Date ?? .distantPast,
                (attributes[.systemFileNumber] as? NSNumber)?.intValue ?? -1
            )
        }
        return result
    }

    /// Sets every file's modification time to 2001-01-01 so a rewrite is visible without waiting.
    static func backdate(_ dir: URL) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceReferenceDate: 0)], ofItemAtPath: dir.appendingPathComponent(name).path)
        }
    }

    @Test func writesEveryFileOnFirstRunAndLeavesNoTemporaryFiles() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let output = dir.url.appendingPathComponent("nested/output")
        let report = try PublishFixture.load("publish-basic.json").publish(into: output)
        #expect(report.written.sorted() == Self.allFiles)
        #expect(report.unchanged.isEmpty)
        #expect(report.entryCounts == ["tech": 5, "science": 3, "empty": 0])
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == Self.allFiles)
        let mode =
            try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("tech.xml").path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    @Test func cleansUpTemporaryFilesAnInterruptedRunLeft() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try Data("<feed".utf8).write(to: dir.url.appendingPathComponent(".tech.xml.tmp-Ab12Cd"))
        let report = try PublishFixture.load("publish-basic.json").publish(into: dir.url)
        #expect(report.removedLeftovers == [".tech.xml.tmp-Ab12Cd"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted() == Self.allFiles)
    }

    @Test func secondPublishOfSameInputTouchesNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let fixture = try PublishFixture.load("publish-basic.json")
        try fixture.publish(into: dir.url)
        try Self.backdate(dir.url)
        let before = try Self.snapshot(dir.url)
        let report = try fixture.publish(into: dir.url)
        #expect(report.written.isEmpty)
        #expect(report.unchanged.sorted() == Self.allFiles)
        let after = try Self.snapshot(dir.url)
        for name in Self.allFiles {
            #expect(after[name]?.bytes == before[name]?.bytes, "\(name) bytes")
            #expect(after[name]?.modified == before[name]?.modified, "\(name) mtime")
            #expect(after[name]?.inode == before[name]?.inode, "\(name) inode")
        }
    }

    @Test func outputIsByteIdenticalWhateverTheCandidateOrder() throws {
        let fixture = try PublishFixture.load("publish-basic.json")
        var shuffled = fixture
        for index in shuffled.sections.indices { shuffled.sections[index].articles.reverse() }
        let first = try TemporaryDirectory(), second = try TemporaryDirectory()
        defer {
            first.remove()
            second.remove()
        }
        try fixture.publish(into: first.url)
        try shuffled.publish(into: second.url)
        let a = try Self.snapshot(first.url), b = try Self.snapshot(second.url)
        for name in Self.allFiles { #expect(a[name]?.bytes == b[name]?.bytes, "\(name)") }
    }

    @Test func changingOneSectionRewritesOnlyItsFiles() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var fixture = try PublishFixture.load("publish-basic.json")
        try fixture.publish(into: dir.url)
        try Self.backdate(dir.url)
        let before = try Self.snapshot(dir.url)
        // An old science article: the section changes, but not its 10 latest headlines... it has
        // only two, so the index changes too. Edit an entry's content instead: headlines stay.
        let science = try #require(fixture.sections.firstIndex { $0.id == "science" })
        fixture.sections[science].articles[0].content = "<p>Comet, updated text.</p>"
        let report = try fixture.publish(into: dir.url)
        #expect(report.written.sorted() == ["science.json", "science.xml"])
        let after = try Self.snapshot(dir.url)
        for name in Self.allFiles where !name.hasPrefix("science.") {
            #expect(after[name]?.modified == before[name]?.modified, "\(name) must not be rewritten")
        }
        #expect(after["science.xml"]?.modified != before["science.xml"]?.modified)
    }

    @Test func sourceFeedsBeingRefetchedDoesNotRewriteAnything() throws {
        // The store refreshes a feed's title-level `updated` on every fetch; articles are unchanged.
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var fixture = try PublishFixture.load("publish-basic.json")
        try fixture.publish(into: dir.url)
        for s in fixture.sections.indices {
            for a in fixture.sections[s].articles.indices {
                for i in fixture.sections[s].articles[a].sources.indices {
                    fixture.sections[s].articles[a].sources[i].feedUpdated = Date(timeIntervalSince1970: 1_800_000_000)
                }
            }
        }
        #expect(try fixture.publish(into: dir.url).written.isEmpty)
    }

    @Test func newHeadlineRewritesSectionFilesAndIndexOnly() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var fixture = try PublishFixture.load("publish-basic.json")
        try fixture.publish(into: dir.url)
        let science = try #require(fixture.sections.firstIndex { $0.id == "science" })
        var article = fixture.sections[science].articles[0]
        article.id = "https://delta.example.com/b"
        article.title = "Delta finds a second comet"
        article.published = Date(timeIntervalSince1970: 1_750_000_000)
        fixture.sections[science].articles.append(article)
        let report = try fixture.publish(into: dir.url)
        #expect(report.written.sorted() == ["index.html", "science.json", "science.xml"])
        let xml = try String(contentsOf: dir.url.appendingPathComponent("science.xml"), encoding: .utf8)
        #expect(xml.contains("<updated>2025-06-15T15:06:40Z</updated>"))
    }

    @Test func emptySectionUsesTheEpochNotTheRunTime() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try PublishFixture.load("publish-basic.json").publish(into: dir.url)
        let root = try XMLNodeTree.parse(Data(contentsOf: dir.url.appendingPathComponent("empty.xml")))
        #expect(root.first("updated")?.text == "1970-01-01T00:00:00Z")
        #expect(root.all("entry").isEmpty)
    }

    @Test(arguments: ["", ".hidden", "../escape", "a/b", "sp ace", "ünï", String(repeating: "x", count: 101)])
    func rejectsSectionIDsThatAreNotSafeFileNames(id: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let site = SiteConfig(title: "T", url: URL(string: "https://example.com/")!)
        #expect(throws: PublishError.invalidSectionID(id)) {
            try Publisher(site: site, outputDirectory: dir.url).publish(
                [SectionInput(section: SectionConfig(id: id, title: "T"), articles: [])], sources: [])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).isEmpty)
    }

    @Test func rejectsDuplicateSectionIDs() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let site = SiteConfig(title: "T", url: URL(string: "https://example.com/")!)
        let section = SectionInput(section: SectionConfig(id: "news", title: "News"), articles: [])
        #expect(throws: PublishError.duplicateSectionID("news")) {
            try Publisher(site: site, outputDirectory: dir.url).publish([section, section], sources: [])
        }
    }

    @Test func reportsAnOutputFolderThatCannotBeCreated() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let blocker = dir.url.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let site = SiteConfig(title: "T", url: URL(string: "https://example.com/")!)
        do {
            _ = try Publisher(site: site, outputDirectory: blocker.appendingPathComponent("out")).publish([], sources: [])
            Issue.record("expected an error")
        } catch {
            guard case .cannotCreateDirectory(let path, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path.hasSuffix("file/out"))
            #expect(error.description.contains("cannot create the output folder"))
        }
    }

    @Test func siteURLWithoutTrailingSlashStillGivesFileURLs() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let site = SiteConfig(title: "T", url: URL(string: "https://example.com/news")!)
        _ = try Publisher(site: site, outputDirectory: dir.url).publish(
            [SectionInput(section: SectionConfig(id: "world", title: "World"), articles: [])], sources: [])
        let root = try XMLNodeTree.parse(Data(contentsOf: dir.url.appendingPathComponent("world.xml")))
        #expect(root.first("id")?.text == "https://example.com/news/world.xml")
        #expect(root.all("link").first { $0.attributes["rel"] == "self" }?.attributes["href"] == "https://example.com/news/world.xml")
    }
}
