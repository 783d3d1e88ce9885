import Foundation
import Testing

@testable import GazetteKit

/// `Fetcher.fetch` outside HTTP status handling: local files, schemes, refused connections, the deadline.
@Suite struct FetcherTests {
    let fetcher = Fetcher(policy: FetchTestSupport.policy(maxBodyBytes: 4096))

    @Test func localFileIsReadAndAnIdenticalOneIsUnchanged() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.url.appendingPathComponent("local feed.xml")
        try FetchTestSupport.sampleFeed().write(to: file)
        let first = await fetcher.fetch(FetchRequest(feedKey: "local feed.xml", url: file))
        let document = try #require(first.outcome.document)
        #expect(document.body == (try FetchTestSupport.sampleFeed()))
        #expect(document.finalURL == file && document.status == 200)
        #expect(first.state.lastStatus == 200 && first.state.bodyHash == document.bodyHash)

        let second = await fetcher.fetch(FetchRequest(feedKey: "local feed.xml", url: file, state: first.state))
        #expect(second.outcome == .unchanged)
        try Data("<rss version=\"2.0\"/>".utf8).write(to: file)
        let third = await fetcher.fetch(FetchRequest(feedKey: "local feed.xml", url: file, state: second.state))
        #expect(third.outcome.document?.body == Data("<rss version=\"2.0\"/>".utf8))
    }

    @Test func missingLocalFileFailsNamingThePath() async throws {
        let file = URL(fileURLWithPath: "/nonexistent/gazette/feed.xml")
        let result = await fetcher.fetch(FetchRequest(feedKey: "feed.xml", url: file))
        #expect(result.outcome.failure == .fileNotFound(path: "/nonexistent/gazette/feed.xml"))
        #expect(result.state.lastError?.contains("/nonexistent/gazette/feed.xml") == true)
        #expect(result.state.consecutiveFailures == 1)
    }

    @Test func localFolderLargeFileAndEmptyFileFail() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let big = folder.url.appendingPathComponent("big.xml")
        try Data(repeating: 0x20, count: 4097).write(to: big)
        let empty = folder.url.appendingPathComponent("empty.xml")
        try Data().write(to: empty)

        let asFolder = await fetcher.fetch(FetchRequest(feedKey: "dir", url: folder.url))
        guard case .fileUnreadable(let path, _)? = asFolder.outcome.failure else {
            Issue.record("expected fileUnreadable, got \(asFolder.outcome)")
            return
        }
        #expect(path == folder.url.path)
        #expect(await fetcher.fetch(FetchRequest(feedKey: "big", url: big)).outcome.failure == .tooLarge(limit: 4096, url: big))
        #expect(await fetcher.fetch(FetchRequest(feedKey: "empty", url: empty)).outcome.failure == .emptyBody(status: 200, url: empty))
    }

    @Test func unsupportedSchemeFails() async throws {
        let url = try #require(URL(string: "ftp://example.org/feed.xml"))
        let result = await fetcher.fetch(FetchRequest(feedKey: "ftp", url: url))
        #expect(result.outcome.failure == .unsupportedScheme(url: url))
    }

    @Test func refusedConnectionIsANetworkFailure() async throws {
        let server = try LoopbackHTTPServer()
        let url = server.url("/feed.xml")
        server.stop()
        let result = await fetcher.fetch(FetchRequest(feedKey: "refused", url: url))
        guard case .network(let message, let failedURL)? = result.outcome.failure else {
            Issue.record("expected a network failure, got \(result.outcome)")
            return
        }
        #expect(failedURL == url)
        #expect(message.contains("refused"))
    }

    @Test func deadlineCutsASlowOperationShort() async {
        let start = Date()
        let late = await Fetcher.withDeadline(seconds: 0.2) { () -> Int in
            try? await Task.sleep(nanoseconds: 5_000_000_000)
            return 1
        }
        #expect(late == nil)
        #expect(Date().timeIntervalSince(start) < 2)
        let quick = await Fetcher.withDeadline(seconds: 5) { 42 }
        #expect(quick == 42)
    }

    @Test func resultCarriesElapsedTimeAndRequestedURL() async throws {
        let file = Fixtures.url("Fetch/sample-feed.xml")
        let result = await fetcher.fetch(FetchRequest(feedKey: "k", url: file))
        #expect(result.requestedURL == file)
        #expect(result.elapsed >= 0 && result.elapsed < 5)
        #expect(result.feedKey == "k" && result.state.feedKey == "k")
    }
}
