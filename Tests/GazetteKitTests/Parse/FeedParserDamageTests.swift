import Foundation
import Testing

@testable import GazetteKit

/// Damage seen in real feeds (issue 11), each reproduced by a snippet in `Fixtures/Parse/Snippets/`:
/// the parser reads them exactly, recovers what it can, and never resolves into a hostile scheme.
@Suite struct FeedParserDamageTests {
    private func snippet(_ name: String, base: String = "https://ex.org/feed.xml") throws -> ParsedFeed {
        try parseFixture("Snippets/\(name)", base: base)
    }

    // 1
    @Test func whitespaceBeforeTheXMLDeclarationIsNotDamage() throws {
        let feed = try snippet("whitespace-before-xml-declaration.xml")
        #expect(feed.recovered == false)
        #expect(feed.diagnostics.isEmpty)
        #expect(feed.title == "T & U")
        let item = try #require(feed.items.first)
        #expect(item.title == "A & B")
        #expect(item.summary == #"<p>Hi <a href="https://ex.org/x">link</a></p>"#)
        #expect(item.categories == ["Society & Culture"])
    }

    @Test func commentBeforeTheXMLDeclarationIsSkippedAndFlagged() throws {
        let feed = try snippet("comment-before-xml-declaration.xml")
        #expect(feed.recovered)
        #expect(feed.diagnostics.first?.contains("before the XML declaration") == true)
        let item = try #require(feed.items.first)
        #expect(item.title == "A & B")
        #expect(item.summary == #"<p>Hi <a href="https://ex.org/x">link</a></p>"#)
        #expect(item.categories == ["Society & Culture"])
    }

    @Test func recoverModeKeepsPredefinedEntities() throws {
        // A fatal error libxml2's recover mode must handle (an unclosed element) ahead of entities.
        let xml = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://ex.org/</link>
            <item><title>Broken <b>open</title><link>https://ex.org/1</link></item>
            <item><title>A &amp; B &lt;3</title><link>https://ex.org/2?a=1&amp;b=2</link><category>Society &amp; Culture</category></item>
            </channel></rss>
            """
        let feed = try FeedParser().parse(Data(xml.utf8), url: URL(string: "https://ex.org/feed.xml"))
        #expect(feed.recovered)
        let item = try #require(feed.items.first { $0.link?.hasSuffix("b=2") == true })
        #expect(item.title == "A & B <3")
        #expect(item.link == "https://ex.org/2?a=1&b=2")
        #expect(item.categories == ["Society & Culture"])
    }

    // 2
    @Test func rawAmpersandAndLessThanKeepEveryItem() throws {
        let feed = try snippet("raw-ampersand-and-less-than.xml")
        #expect(feed.recovered)
        #expect(feed.subtitle == "rents up < 3% & falling")
        #expect(feed.items.count == 2)
        #expect(feed.items[0].title == "Fish & Chips Friday")
        #expect(feed.items[0].link == "https://news.example/item?id=4&src=rss")
        #expect(feed.items[0].summary == "Clean &amp; tidy <b>bold</b>")
        #expect(feed.items[1].title == "Second <3 item")
        #expect(feed.items[1].categories == ["Society & Culture"])
    }

    // 3
    @Test func truncatedDocumentKeepsItsLastItemWhenTitleAndLinkArrived() throws {
        let feed = try snippet("truncated-last-item.xml")
        #expect(feed.recovered)
        #expect(feed.items.map(\.title) == ["First", "Second & last"])
        #expect(feed.items[1].link == "https://ex.org/2")
        #expect(feed.items[1].summary == nil)
        #expect(feed.diagnostics.contains { $0.contains("ends inside an item") })
    }

    @Test func truncatedItemWithoutItsLinkIsLeftOut() throws {
        let xml = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://ex.org/</link>
            <item><title>Whole</title><link>https://ex.org/1</link></item>
            <item><title>Cut</title><link>https://ex.o
            """
        let feed = try FeedParser().parse(Data(xml.utf8), url: URL(string: "https://ex.org/feed.xml"))
        #expect(feed.items.map(\.title) == ["Whole"])
    }

    // 4
    @Test func utf8DeclaredAsLatin1IsRepairedWhole() throws {
        let feed = try snippet("declared-latin1-but-utf8.xml")
        let item = try #require(feed.items.first)
        #expect(item.title == "länger Überlaufen")
        #expect(item.summary == "Straße “quoted” – 5 €")
    }

    @Test(
        arguments: [
            ("lÃ¤nger Ãœberlaufen", "länger Überlaufen"), ("StraÃŸe", "Straße"), ("â€œquotedâ€\u{9D}", "“quoted”"),
            ("â€“ 5 â‚¬", "– 5 €"), ("cafÃ©", "café"), ("naïve São Paulo", nil), ("Ãœ and a real “quote”", nil),
        ] as [(String, String?)])
    func doubleEncodedUTF8IsUndoneThroughWindows1252(input: String, expected: String?) {
        var input = input
        #expect(input.withUTF8 { TextRepair.undoDoubleEncoding($0) } == expected)
    }

    // 5, 6
    @Test func authorsWithChildElementsOrOddAddressesKeepTheirName() throws {
        let feed = try snippet("rss-author-with-children.xml")
        #expect(feed.items[0].authors == [Person(name: "Regina Obe")])
        #expect(feed.items[1].authors == [Person(name: "Leo Hsu")])
        #expect(feed.items[2].authors == [Person(name: "Brian@Stone")])
        #expect(feed.items[3].authors == [Person(name: "Jo Smith", email: "jo@example.org")])
    }

    // 7
    @Test func relativeLinksResolveWithoutPercentDecoding() throws {
        let item = try #require(try snippet("relative-links-percent-encoded.xml").items.first)
        #expect(item.link == "https://ex.org/posts/1-a-%26-b%21")
        #expect(item.summary == #"<a href="https://ex.org/tags/a%2Fb?q=x%26y">tag</a>"#)
        #expect(item.enclosures.first?.url == "https://ex.org/media/ep%201.mp3")
    }

    // 8
    @Test func dcDateIsPublishedAndUpdatedWithoutPubDate() throws {
        let item = try #require(try snippet("rss10-dc-date-only.xml").items.first)
        let date = try #require(FeedDate.parse("2025-01-02T03:04:05Z"))
        #expect(item.published == date)
        #expect(item.updated == date)
    }

    @Test func pubDateStillWinsOverDCDate() throws {
        let xml = """
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
            <item><title>x</title><dc:date>2025-03-01T00:00:00Z</dc:date><pubDate>Sat, 01 Feb 2025 00:00:00 GMT</pubDate></item>
            </channel></rss>
            """
        let item = try #require(try FeedParser().parse(Data(xml.utf8), url: nil).items.first)
        #expect(item.published == FeedDate.parse("2025-02-01T00:00:00Z"))
        #expect(item.updated == FeedDate.parse("2025-03-01T00:00:00Z"))
    }

    // 9
    @Test(arguments: ["php-warning-before-feed.xml", "php-warning-before-rss-without-declaration.xml"])
    func htmlWarningBeforeTheFeedIsSkippedAndNeverPublished(file: String) throws {
        let feed = try snippet(file)
        #expect(feed.recovered)
        #expect(feed.diagnostics.first?.hasPrefix("skipped ") == true)
        #expect(feed.items.map(\.title) == ["Kept"])
        let text =
            [feed.title, feed.subtitle].compactMap { $0 } + feed.items.flatMap { [$0.title, $0.summary, $0.content].compactMap { $0 } }
        #expect(!text.joined().contains("Warning"))
        #expect(!text.joined().contains("Notice"))
    }

    @Test func anHTMLPageIsStillNotAFeed() throws {
        #expect(throws: FeedParseError.self) { try parseFixture("not-a-feed.html") }
    }

    // 10
    @Test(arguments: ["rss-default-namespace-atom.xml", "rss-default-namespace-userland.xml"])
    func rssInADefaultNamespaceIsRSS(file: String) throws {
        let feed = try snippet(file)
        #expect(feed.format == .rss20)
        #expect(feed.recovered == false)
        #expect(feed.link == "https://ex.org/")
        let item = try #require(feed.items.first)
        #expect(item.title == "One")
        #expect(item.link == "https://ex.org/1")
    }

    @Test func atomNamespacedRSSKeepsItsSelfLinkAndDates() throws {
        let feed = try snippet("rss-default-namespace-atom.xml")
        #expect(feed.feedURL == "https://ex.org/feed.xml")
        #expect(feed.items.first?.published == FeedDate.parse("2025-05-06T09:30:00Z"))
    }

    // 11
    @Test func atomStyleLinksInRSSGiveLinkAndEnclosure() throws {
        let item = try #require(try snippet("rss-atom-style-links.xml").items.first)
        #expect(item.link == "https://ex.org/1")
        #expect(item.enclosures == [Enclosure(url: "https://ex.org/1.mp3", type: "audio/mpeg", length: 42)])
    }

    @Test func atomEntryWithoutLinkTakesItsHTTPId() throws {
        let items = try snippet("atom-entry-id-only.xml").items
        #expect(items.map(\.link) == ["https://ex.org/posts/1", nil])
    }

    // 12
    @Test func hostileXMLBaseIsIgnored() throws {
        let feed = try snippet("hostile-xml-base.xml")
        #expect(feed.items[0].link == "https://ex.org/feed/y")
        #expect(feed.items[0].content == #"<a href="https://ex.org/feed/y">link</a>"#)
        #expect(feed.items[1].link == "https://ex.org/feed/z")
        #expect(feed.items[1].content == #"<img src="https://ex.org/feed/passwd" />"#)
        #expect(feed.items[2].summary == #"<img src="https://ex.org/feed/x.png" />"#)
        #expect(feed.diagnostics.contains { $0.hasPrefix("ignored xml:base") })
        let everything = feed.items.flatMap { [$0.link, $0.content, $0.summary].compactMap { $0 } }.joined()
        for scheme in ["javascript:", "file:", "data:"] { #expect(!everything.contains(scheme)) }
    }

    @Test func fileBaseIsKeptForADocumentReadFromDisk() throws {
        let feed = try snippet("hostile-xml-base.xml", base: "file:///srv/feeds/feed.xml")
        // The document's own scheme: an xml:base there is honoured, javascript: still is not.
        #expect(feed.items[1].link == "file:///etc/z")
        #expect(feed.items[0].link == "https://ex.org/feed/y")
    }

    // Issue 19, item 4
    @Test func doubleEscapedEntitiesAreDecodedOnceMoreAndFlagged() throws {
        let feed = try snippet("double-escaped-entities.xml")
        #expect(feed.items[0].title == #"Rated "Market Perform""#)
        // Quotes in text are escaped as HTML escaping does: a reader shows `"Market Perform"`.
        #expect(feed.items[0].summary == "Rated &quot;Market Perform&quot; by 'Analysts' &amp; co")
        #expect(feed.diagnostics.contains { $0.contains("extra level of entity escaping") && $0.contains("2 fields") })
    }

    @Test func entitiesNextToRealMarkupOrABareAmpersandStayAsWritten() throws {
        let feed = try snippet("double-escaped-entities.xml")
        #expect(feed.items[1].summary == "<p>Write <code>&amp;amp;</code> to show &amp;amp; on a page</p>")
        #expect(feed.items[2].summary == "AT&amp;T says &amp;quot;no&amp;quot;")
        #expect(feed.items[2].title == "AT&T says &quot;no&quot;")
    }

    @Test(
        arguments: [
            ("&amp;quot;x&amp;quot;", "&quot;x&quot;"), ("a &amp;#39;b&amp;#x27; &amp;amp;", "a &#39;b&#x27; &amp;"),
            ("&amp;eacute;", "&eacute;"), ("&amp;nosuch;", nil), ("a & &amp;quot;", nil), ("&amp; x", nil),
            ("<b>&amp;quot;</b>", nil), ("plain", nil), ("&amp;quot", nil),
        ] as [(String, String?)])
    func doubleEscapeRepairNeedsOnlyDoubleEscapedReferences(input: String, expected: String?) {
        var input = input
        let output = input.withUTF8 { FeedText.undoingDoubleEscape($0) }
        #expect(output.map { String(decoding: $0, as: UTF8.self) } == expected)
    }

    // Issue 12, item 9 (the sanitizer's part)
    @Test func feedBurnerShareBlocksAndTrackingImagesAreStripped() throws {
        let item = try #require(try snippet("feedburner-feedflare.xml").items.first)
        #expect(item.content == #"<p>The story.</p><p><img src="https://ex.org/photo.jpg" alt="photo" /></p>"#)
    }

    @Test func feedRootInAnUnknownNamespaceIsNamedWithoutContradiction() {
        let xml = #"<feed xmlns="http://example.com/not-atom"><title>x</title></feed>"#
        #expect {
            try FeedParser().parse(Data(xml.utf8), url: nil)
        } throws: { error in
            "\(error)".contains("namespace") && !"\(error)".contains("not <rss>, <rdf:RDF> or <feed>")
        }
    }

    @Test func cdfChannelIsRead() throws {
        let feed = try snippet("cdf-channel.xml")
        #expect(feed.format == .cdf)
        #expect(feed.title == "CDF channel")
        #expect(feed.subtitle == "About it")
        #expect(feed.link == "https://ex.org/")
        #expect(feed.updated == FeedDate.parse("2004-04-07T04:05:43Z"))
        let item = try #require(feed.items.first)
        #expect(item.title == "First")
        #expect(item.link == "https://ex.org/1")
        #expect(item.summary == "One <b>bold</b>")
        #expect(item.updated == FeedDate.parse("2004-04-07T01:00:00Z"))
    }
}
