import Foundation
import Testing

@testable import GazetteKit

@Suite struct FeedLocationTests {
    static let base = URL(fileURLWithPath: "/srv/gazette")

    @Test(arguments: [
        ("https://example.org/feed.xml", "https://example.org/feed.xml"),
        ("HTTP://Example.org/feed", "HTTP://Example.org/feed"),
        ("feeds/council.xml", "file:///srv/gazette/feeds/council.xml"),
        ("./feeds/../council.xml", "file:///srv/gazette/council.xml"),
        ("/var/feeds/a.xml", "file:///var/feeds/a.xml"),
        ("file:///var/feeds/b.xml", "file:///var/feeds/b.xml"),
    ])
    func resolvesURLsAndPaths(text: String, expected: String) throws {
        let url = try FeedLocation.resolve(text, relativeTo: Self.base).get()
        #expect(url.absoluteString == expected)
    }

    @Test func homeRelativePathsExpandTheTilde() throws {
        let url = try FeedLocation.resolve("~/feeds/a.xml", relativeTo: Self.base).get()
        #expect(url.path == FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent("feeds/a.xml").path)
    }

    @Test(arguments: [
        ("https://Example.ORG/feed", "http://example.org/feed/", true),
        ("https://example.org:443/feed", "https://example.org/feed", true),
        ("http://example.org:80/feed", "https://example.org/feed#latest", true),
        ("https://example.org:8443/feed", "https://example.org/feed", false),
        ("https://example.org/feed?a=1", "https://example.org/feed?a=2", false),
        ("https://example.org/Feed", "https://example.org/feed", false),
        ("https://www.example.org/feed", "https://example.org/feed", false),
    ])
    func normalizedKeysTellTheSameFeedApart(a: String, b: String, same: Bool) throws {
        let ka = FeedLocation.normalizedKey(try #require(URL(string: a)))
        let kb = FeedLocation.normalizedKey(try #require(URL(string: b)))
        #expect((ka == kb) == same, "\(ka) vs \(kb)")
    }
}

extension FeedLocationTests {
    @Test(arguments: [
        ("example.org/rss.xml", "https://example.org/rss.xml"),
        ("feeds.bbci.co.uk/news/rss.xml", "https://feeds.bbci.co.uk/news/rss.xml"),
        ("127.0.0.1:8701/feed.xml", "http://127.0.0.1:8701/feed.xml"),
        ("https//example.com/rss", "https://example.com/rss"),
        ("http//example.com/rss", "http://example.com/rss"),
        ("localhost:8080/feed", "http://localhost:8080/feed"),
        ("localhost/feed.xml", "http://localhost/feed.xml"),
        ("news.example.org", "https://news.example.org"),
    ])
    func webAddressesWithoutASchemeAreRecognised(text: String, full: String) {
        #expect(FeedLocation.webAddressWithoutScheme(text) == full)
    }

    @Test(arguments: [
        "feeds/council.xml", "feed.xml", "council.rss", "../shared/feed.xml", "~/feeds/a.xml", "data.d/feed.xml",
        "/srv/feeds/example.org/rss.xml", "C:/feeds/a.xml", "index.atom",
    ])
    func filePathsAreNotMistakenForWebAddresses(text: String) {
        #expect(FeedLocation.webAddressWithoutScheme(text) == nil)
    }

    @Test func aMissingPathThatLooksLikeAHostIsRefusedWithTheFullAddress() {
        let base = URL(fileURLWithPath: "/nonexistent-gazette-test-folder")
        guard case .failure(let problem) = FeedLocation.resolve("example.org/rss.xml", relativeTo: base) else {
            Issue.record("expected a failure")
            return
        }
        #expect(problem.suggestion == "https://example.org/rss.xml")
        #expect(problem.message.contains("looks like a web address without its scheme"))
        #expect(FeedLocation.resolve("feeds/council.xml", relativeTo: base) == .success(base.appendingPathComponent("feeds/council.xml")))
    }
}
