import Foundation
import Testing

@testable import GazetteKit

@Suite struct IndexPageWriterTests {
    static func render(headlines: Int = 10) throws -> String {
        let loaded = try PublishFixture.load("publish-basic.json")
        let publisher = Publisher(site: loaded.siteConfig, outputDirectory: URL(fileURLWithPath: "/nonexistent"))
        let sections = loaded.sectionInputs.map(publisher.prepare)
        return String(decoding: IndexPageWriter(site: loaded.siteConfig, headlinesPerSection: headlines).render(sections), as: UTF8.self)
    }

    @Test func advertisesEverySectionForAutodiscoveryAndSubscription() throws {
        let html = try Self.render()
        for id in ["tech", "science", "empty"] {
            #expect(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title="))
            #expect(html.contains("href=\"\(id).xml\">"))
            #expect(html.contains("<a href=\"\(id).xml\" type=\"application/atom+xml\">Atom</a>"))
            #expect(html.contains("<section id=\"section-\(id)\">"))
        }
        #expect(html.contains("<a href=\"sources.opml\">"))
    }

    @Test func listsLatestHeadlinesUpToTheLimitNewestFirst() throws {
        let html = try Self.render(headlines: 2)
        #expect(
            html.contains(
                "<a href=\"https://alpha.example.com/posts/4\" rel=\"noopener noreferrer\"><bdi>Alpha four: newest alpha</bdi></a>"))
        #expect(html.contains("Merged story reported by three feeds"))
        #expect(!html.contains("Alpha three"), "only two headlines per section")
        let four = try #require(html.range(of: "Alpha four"))
        let merged = try #require(html.range(of: "Merged story"))
        #expect(four.lowerBound < merged.lowerBound)
        #expect(html.contains("<time datetime=\"2025-03-07T09:00:00Z\">2025-03-07 09:00 UTC</time>"))
        #expect(html.contains("No articles yet."))
    }

    @Test func hasStylesButNoScriptAndIsDocumentShaped() throws {
        let html = try Self.render()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<style>") && html.contains("prefers-color-scheme"))
        #expect(!html.lowercased().contains("<script"))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test func linksTheArchiveOfArchivedSectionsAndJumpsToEverySection() throws {
        let loaded = try PublishFixture.load("publish-basic.json")
        let publisher = Publisher(site: loaded.siteConfig, outputDirectory: URL(fileURLWithPath: "/nonexistent"))
        let sections = loaded.sectionInputs.map(publisher.prepare)
        let writer = IndexPageWriter(site: loaded.siteConfig, headlinesPerSection: 10, archivedSections: ["tech"])
        let html = String(decoding: writer.render(sections), as: UTF8.self)
        #expect(html.contains("<a href=\"tech/archive/\">Archive</a>"))
        #expect(!html.contains("science/archive/"), "a section without archives gets no archive link")
        #expect(html.contains("<nav aria-label=\"Sections\">"))
        for section in sections {
            #expect(html.contains("<li><a href=\"#section-\(section.id)\">"))
        }
    }

    @Test func declaresTheSitesLanguageAndMarksSectionsAndHeadlinesInAnother() throws {
        let loaded = try PublishFixture.load("publish-basic.json")
        var site = loaded.siteConfig
        site.language = "en-GB"
        var inputs = loaded.sectionInputs
        inputs[0].section.language = "fr"
        let publisher = Publisher(site: site, outputDirectory: URL(fileURLWithPath: "/nonexistent"))
        var sections = inputs.map(publisher.prepare)
        sections[1].entries[0].language = "de"
        let html = String(decoding: IndexPageWriter(site: site, headlinesPerSection: 10).render(sections), as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        #expect(html.contains("<section id=\"section-\(sections[0].id)\" lang=\"fr\">"))
        #expect(html.contains("<section id=\"section-\(sections[1].id)\">"))
        #expect(html.contains("<li lang=\"de\">"))
    }
}
