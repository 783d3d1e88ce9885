import Foundation
import Testing

@testable import GazetteKit

/// Hostile store content (script tags, `javascript:` links, broken markup, control characters,
/// `]]>`, characters XML forbids) must never make an output file invalid or unsafe.
/// jing, feedparser and newsboat also read this fixture in `PublisherConsumerTests`.
@Suite struct PublisherHostileContentTests {
    static func publishHostile() throws -> (dir: TemporaryDirectory, files: [String: Data], section: PublishedSection) {
        let (dir, sections, _) = try PublisherConsumerTests.publish("publish-hostile.json")
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.url.path) {
            files[name] = try Data(contentsOf: dir.url.appendingPathComponent(name))
        }
        return (dir, files, try #require(sections.first))
    }

    @Test func everyFileIsValidUTF8WithoutForbiddenCharacters() throws {
        let (dir, files, _) = try Self.publishHostile()
        defer { dir.remove() }
        #expect(files.keys.sorted() == ["hostile.json", "hostile.xml", "index.html", "sources.opml"])
        for (name, data) in files {
            let decoded = String(validating: data, as: UTF8.self)
            let text = try #require(decoded, "\(name) is not UTF-8")
            let bad = text.unicodeScalars.filter { !XMLWriter.isAllowed($0) }
            #expect(bad.isEmpty, "\(name) contains \(bad.map { String($0.value, radix: 16) })")
        }
    }

    @Test(arguments: ["<script", "<img", "<iframe", "<a href"])
    func noFileContainsRawMarkupFromArticles(needle: String) throws {
        let (dir, files, _) = try Self.publishHostile()
        defer { dir.remove() }
        for (name, data) in files where name != "index.html" || needle != "<a href" {
            #expect(!String(decoding: data, as: UTF8.self).lowercased().contains(needle), "\(name) contains \(needle)")
        }
    }

    static func file(_ files: [String: Data], _ name: String) throws -> Data {
        try #require(files[name], "\(name) was not written")
    }

    static func jsonObject(_ files: [String: Data], _ name: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: try file(files, name))
        return try #require(object as? [String: Any])
    }

    static let scriptSchemes = ["javascript:", "vbscript:", "data:", "livescript:"]

    @Test func noLinkIDOrAttributeCarriesAScriptURL() throws {
        let (dir, files, _) = try Self.publishHostile()
        defer { dir.remove() }
        for name in ["hostile.xml", "sources.opml"] {
            let root = try XMLNodeTree.parse(try Self.file(files, name))
            for node in root.descendants {
                let values = Array(node.attributes.values) + (["id", "uri", "icon", "logo"].contains(node.name) ? [node.text] : [])
                for value in values {
                    let lower = value.lowercased().trimmingCharacters(in: .whitespaces)
                    #expect(!Self.scriptSchemes.contains { lower.hasPrefix($0) }, "\(name): <\(node.name)> carries \(value)")
                }
            }
        }
        let json = try Self.jsonObject(files, "hostile.json")
        var strings: [(key: String, value: String)] = []
        func collect(_ value: Any, key: String) {
            if let text = value as? String { strings.append((key, text)) }
            if let array = value as? [Any] { array.forEach { collect($0, key: key) } }
            if let object = value as? [String: Any] { object.forEach { collect($0.value, key: $0.key) } }
        }
        collect(json, key: "")
        for (key, value) in strings where key != "content_html" && key != "title" {
            #expect(!Self.scriptSchemes.contains { value.lowercased().hasPrefix($0) }, "hostile.json: \(key) = \(value)")
        }
        let index = String(decoding: try Self.file(files, "index.html"), as: UTF8.self).lowercased()
        for value in index.matches(of: /(?:href|src)="([^"]*)"/).map({ String($0.output.1) }) {
            #expect(!Self.scriptSchemes.contains { value.hasPrefix($0) }, "index.html links to \(value)")
        }
    }

    @Test func contentAReaderDecodesHasNoActiveMarkup() throws {
        let (dir, files, section) = try Self.publishHostile()
        defer { dir.remove() }
        let root = try XMLNodeTree.parse(try Self.file(files, "hostile.xml"))
        var decoded = root.all("entry").flatMap { [$0.first("content")?.text, $0.first("summary")?.text] }.compactMap { $0 }
        let json = try Self.jsonObject(files, "hostile.json")
        decoded += (json["items"] as? [[String: Any]] ?? []).compactMap { $0["content_html"] as? String }
        #expect(decoded.count >= 2 * section.entries.count)
        for html in decoded {
            let lower = html.lowercased()
            // Escaped text such as "&lt;img onerror=…&gt;" is visible text; only real tags could run.
            for needle in ["<script", "<img", "<iframe", "<a href=\"javascript:", "<svg"] {
                #expect(!lower.contains(needle), "decoded content contains \(needle): \(html)")
            }
        }
        // Sanitized HTML that merely mentions such things stays markup.
        let clean = try #require(section.entries.first { $0.id == "https://hostile.example/clean" })
        #expect(clean.contentHTML?.hasPrefix("<p>The <code>javascript:</code>") == true)
    }

    @Test func xmlFilesAreWellFormedAndKeepTheEscapedTextExactly() throws {
        let (dir, files, section) = try Self.publishHostile()
        defer { dir.remove() }
        let root = try XMLNodeTree.parse(try Self.file(files, "hostile.xml"))
        _ = try XMLNodeTree.parse(try Self.file(files, "sources.opml"))
        let entries = root.all("entry")
        #expect(entries.count == section.entries.count)
        let first = try #require(entries.first { $0.first("title")?.text.contains("alert('title')") == true })
        // The title is text: markup arrives as literal characters, forbidden characters are gone.
        #expect(first.first("title")?.text == "<script>alert('title')</script> & ]]> tail end")
        // Content is the stored HTML, escaped as text, byte for byte (minus forbidden characters).
        // Its content still holds a script, so the guard publishes its source as visible text.
        let content = try #require(first.first("content")?.text)
        #expect(
            content.hasPrefix("<p>&lt;p&gt;Broken &lt;b&gt;markup &lt;i&gt;never closed ]]&gt; &lt;![CDATA[ cdata-ish ]]&gt;&lt;/p&gt;"))
        #expect(content.hasSuffix("&#13;\nafter CRLF</p>"))
        // The summary looks sanitized: it is the stored HTML, escaped once by XML, byte for byte.
        #expect(first.first("summary")?.text == "<p>summary ]]]]><![CDATA[> trick</p>")
    }

    @Test func scriptURLsAreDroppedAndBadIDsReplaced() throws {
        let (dir, _, section) = try Self.publishHostile()
        defer { dir.remove() }
        let entry = try #require(section.entries.first { $0.title.hasPrefix("<script>") })
        #expect(entry.link == nil)
        #expect(entry.id.hasPrefix("urn:uuid:"))
        #expect(entry.enclosures == [Enclosure(url: "https://ok.example/file.mp3", type: nil, length: nil)])
        #expect(entry.image == nil)
        #expect(entry.authors.map(\.name) == ["<script>alert('author')</script>", "only.email@example.com"])
        #expect(entry.authors.allSatisfy { $0.uri == nil })
        #expect(entry.authors.first?.email == nil)
        #expect(entry.categories == ["<script>", "ab", "ok & fine"])
        #expect(entry.source?.id == "https://hostile.example/feed")
        #expect(entry.source?.link == nil)
        let second = try #require(section.entries.first { $0.title.hasPrefix("Tabs") })
        #expect(second.id.hasPrefix("urn:uuid:"))
        #expect(second.link == "https://hostile.example/ok")
        #expect(second.mentions.map(\.url) == [nil, nil])
        #expect(second.mentions.map(\.title) == ["Second <script>feed</script>", "another source"])
    }

    @Test func datesOutsideRFC3339AreClampedNeverNow() throws {
        let (dir, files, _) = try Self.publishHostile()
        defer { dir.remove() }
        let root = try XMLNodeTree.parse(try Self.file(files, "hostile.xml"))
        let dates = root.all("entry").flatMap { [$0.first("published")?.text, $0.first("updated")?.text] }.compactMap { $0 }
        #expect(dates.contains("9999-12-31T23:59:59Z"))
        #expect(dates.contains("0001-01-01T00:00:00Z"))
        #expect(root.first("updated")?.text == "9999-12-31T23:59:59Z")
        let pattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/
        #expect(dates.allSatisfy { $0.wholeMatch(of: pattern) != nil })
    }

    @Test func indexPageEscapesEveryTitleAndLinksOnlyToWebURLs() throws {
        let (dir, files, _) = try Self.publishHostile()
        defer { dir.remove() }
        let html = String(decoding: try Self.file(files, "index.html"), as: UTF8.self)
        #expect(html.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; ]]&gt; tail end"))
        #expect(html.contains("<title>Hostile &lt;script&gt;alert(&#39;site&#39;)&lt;/script&gt; &amp; Co</title>"))
        let hrefs = html.matches(of: /href="([^"]*)"/).map { String($0.output.1) }
        #expect(hrefs.allSatisfy { $0.hasPrefix("https://") || $0.hasSuffix(".xml") || $0.hasSuffix(".json") || $0 == "sources.opml" })
    }

    @Test func opmlListsOnlyWebFeedURLs() throws {
        let (dir, files, _) = try Self.publishHostile()
        defer { dir.remove() }
        let root = try XMLNodeTree.parse(try Self.file(files, "sources.opml"))
        let outlines = root.descendants.filter { $0.name == "outline" && $0.attributes["text"] != nil }
        let urls = outlines.compactMap { $0.attributes["xmlUrl"] } + outlines.compactMap { $0.attributes["htmlUrl"] }
        // The sources' web URLs, and the section's own feed (served at the site URL) with the site as its page.
        #expect(
            urls.sorted() == [
                "https://hostile.example/", "https://hostile.example/feed", "https://news.example.org/h/",
                "https://news.example.org/h/hostile.xml", "https://orphan.example/feed",
            ])
        #expect(outlines.contains { $0.attributes["text"] == "<script>alert('opml')</script>" && $0.attributes["type"] == nil })
        #expect(outlines.contains { $0.attributes["text"] == "Other sources" })
    }
}
