import Foundation
import Testing

@testable import GazetteKit

/// Finding feeds in HTML pages, and telling pages from feeds.
@Suite struct FeedAutodiscoveryTests {
    let page = URL(string: "https://blog.example/posts/index.html")!

    @Test func findsAlternateFeedLinksInDocumentOrder() throws {
        let feeds = FeedAutodiscovery.discover(in: try Fixtures.data("Fetch/page-with-feed-links.html"), pageURL: page)
        #expect(
            feeds == [
                DiscoveredFeed(url: URL(string: "https://blog.example/feeds/atom.xml")!, type: "application/atom+xml", title: "Atom feed"),
                DiscoveredFeed(
                    url: URL(string: "https://blog.example/posts/feeds/rss.xml")!, type: "application/rss+xml", title: "RSS feed"),
                DiscoveredFeed(url: URL(string: "https://elsewhere.example/feed.json")!, type: "application/feed+json"),
            ])
    }

    @Test func resolvesAgainstBaseHref() throws {
        let feeds = FeedAutodiscovery.discover(in: try Fixtures.data("Fetch/page-with-base-href.html"), pageURL: page)
        #expect(feeds.map(\.url) == [URL(string: "https://cdn.example/site/feed.rss")!])
    }

    @Test func pageWithoutFeedLinksGivesNothing() throws {
        #expect(FeedAutodiscovery.discover(in: try Fixtures.data("Fetch/page-without-feed-link.html"), pageURL: page).isEmpty)
        #expect(FeedAutodiscovery.discover(in: Data(), pageURL: page).isEmpty)
    }

    @Test func xhtmlPageIsRecognisedAndSearched() throws {
        let xhtml = try Fixtures.data("Fetch/xhtml-page-with-xml-declaration.xhtml")
        #expect(FeedAutodiscovery.looksLikeHTML(xhtml, contentType: "application/xml"))
        #expect(FeedAutodiscovery.discover(in: xhtml, pageURL: page).map(\.url) == [URL(string: "https://blog.example/atom.xml")!])
    }

    @Test(
        arguments: [
            ("<!DOCTYPE html><html><head></head></html>", nil, true),
            ("\u{feff}  <html lang=en>", "application/octet-stream", true),
            ("<!-- generated --><html>", nil, true),
            ("<?xml version=\"1.0\"?><rss version=\"2.0\"></rss>", "text/html", false),
            ("<feed xmlns=\"http://www.w3.org/2005/Atom\">", "text/html", false),
            ("<rdf:RDF xmlns:rdf=\"x\">", nil, false),
            ("{\"version\": \"https://jsonfeed.org/version/1.1\"}", "text/html", false),
            ("Just some text", "text/html", true),
            ("Just some text", "text/plain", false),
        ] as [(String, String?, Bool)])
    func sniffsHTMLFromContentFirst(body: String, contentType: String?, expected: Bool) {
        #expect(FeedAutodiscovery.looksLikeHTML(Data(body.utf8), contentType: contentType) == expected)
    }
}
