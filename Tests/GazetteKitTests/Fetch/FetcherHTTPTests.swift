import Foundation
import Testing

@testable import GazetteKit

/// The HTTP behaviour of `Fetcher` against a real loopback server: validators, status codes, redirects,
/// compression, limits and autodiscovery.
@Suite final class FetcherHTTPTests {
    let server: LoopbackHTTPServer
    let fetcher: Fetcher

    init() throws {
        server = try LoopbackHTTPServer()
        fetcher = Fetcher(policy: FetchTestSupport.policy())
    }

    deinit { server.stop() }

    func request(_ path: String, state: FeedFetchState? = nil, headers: [String: String] = [:]) -> FetchRequest {
        FetchRequest(feedKey: "feed", url: server.url(path), state: state, headers: headers)
    }

    // MARK: Conditional GET

    @Test func conditionalGetTurnsASecondFetchInto304() async throws {
        let feed = try FetchTestSupport.sampleFeed()
        server.route("/feed.xml") { request in
            if request.header("If-None-Match") == "\"v1\"" { return .status(304, headers: ["ETag": "\"v1\""]) }
            return .ok(feed, headers: ["ETag": "\"v1\"", "Last-Modified": "Sun, 29 Nov 2026 03:00:00 GMT"])
        }
        let first = await fetcher.fetch(request("/feed.xml"))
        #expect(first.outcome.document?.body == feed)
        #expect(first.state.etag == "\"v1\"")
        #expect(first.state.lastModified == "Sun, 29 Nov 2026 03:00:00 GMT")

        let second = await fetcher.fetch(request("/feed.xml", state: first.state))
        #expect(second.outcome == .notModified)
        #expect(second.state.etag == "\"v1\"")
        #expect(second.state.bodyHash == first.state.bodyHash)
        #expect(server.responseCount("/feed.xml", status: 200) == 1)
        #expect(server.responseCount("/feed.xml", status: 304) == 1)
        let sent = try #require(server.requests("/feed.xml").last)
        #expect(sent.header("If-None-Match") == "\"v1\"")
        #expect(sent.header("If-Modified-Since") == "Sun, 29 Nov 2026 03:00:00 GMT")
    }

    @Test func identicalBodyIsUnchangedAndANewOneIsFetched() async throws {
        let feed = try FetchTestSupport.sampleFeed()
        let version = Counter()
        server.route("/feed.xml") { _ in version.value < 2 ? .ok(feed) : .ok(feed + Data("<!-- new -->".utf8)) }
        let first = await fetcher.fetch(request("/feed.xml"))
        version.increment()
        let second = await fetcher.fetch(request("/feed.xml", state: first.state))
        version.increment()
        let third = await fetcher.fetch(request("/feed.xml", state: second.state))
        #expect(first.outcome.document != nil)
        #expect(second.outcome == .unchanged)
        #expect(second.state.bodyHash == first.state.bodyHash)
        #expect(third.outcome.document != nil)
        #expect(third.state.bodyHash != first.state.bodyHash)
    }

    // MARK: Compression

    @Test(arguments: [("gzip", "Fetch/sample-feed.xml.gz"), ("deflate", "Fetch/sample-feed.xml.deflate")])
    func compressedBodiesArriveDecoded(encoding: String, fixture: String) async throws {
        let compressed = try Fixtures.data(fixture)
        server.route("/feed.xml", .ok(compressed, headers: ["Content-Encoding": encoding]))
        let result = await fetcher.fetch(request("/feed.xml"))
        #expect(result.outcome.document?.body == (try FetchTestSupport.sampleFeed()))
        let accept = try #require(server.requests("/feed.xml").first?.header("Accept-Encoding"))
        #expect(accept.contains("gzip") && accept.contains("deflate"))
    }

    @Test func gzipBombIsCutOffAtTheDecodedSizeLimit() async throws {
        // 32 KiB on the wire, 32 MiB decoded; the limit is 1 MiB.
        server.route("/bomb.xml", .ok(try Fixtures.data("Fetch/gzip-bomb-32MiB.gz"), headers: ["Content-Encoding": "gzip"]))
        let (result, seconds) = await FetchTestSupport.timed { await fetcher.fetch(request("/bomb.xml")) }
        #expect(result.outcome == .failed(.tooLarge(limit: 1 << 20, url: server.url("/bomb.xml"))))
        #expect(seconds < 3)
    }

    // MARK: Limits

    @Test(arguments: ["announced", "chunked"])
    func bodyOverTheLimitFails(framing: String) async throws {
        let big = Data(repeating: 0x41, count: (1 << 20) + 1)
        let response: LoopbackHTTPServer.Response =
            framing == "announced"
            ? .ok(big)
            : LoopbackHTTPServer.Response(status: 200, body: .chunked([big.prefix(600_000), big.suffix(from: 600_000)], delay: 0))
        server.route("/big.xml", response)
        let result = await fetcher.fetch(request("/big.xml"))
        #expect(result.outcome.failure == .tooLarge(limit: 1 << 20, url: server.url("/big.xml")))
        #expect(result.state.consecutiveFailures == 1)
    }

    @Test func bodyExactlyAtTheLimitIsAccepted() async throws {
        let exact = Data(repeating: 0x41, count: 1 << 20)
        server.route("/exact.xml", LoopbackHTTPServer.Response(status: 200, body: .chunked([exact], delay: 0)))
        let result = await fetcher.fetch(request("/exact.xml"))
        #expect(result.outcome.document?.body.count == 1 << 20)
    }

    @Test func endlessBodyStopsAtTheLimitQuickly() async throws {
        server.route(
            "/endless.xml", LoopbackHTTPServer.Response(status: 200, body: .endless(chunk: Data(repeating: 0x20, count: 16_384), delay: 0)))
        let (result, seconds) = await FetchTestSupport.timed { await fetcher.fetch(request("/endless.xml")) }
        #expect(result.outcome.failure == .tooLarge(limit: 1 << 20, url: server.url("/endless.xml")))
        #expect(seconds < 3)
    }

    @Test func tricklingServerHitsTheTotalDeadline() async throws {
        let slow = Fetcher(policy: FetchTestSupport.policy(totalTimeout: 1.5, requestTimeout: 5))
        server.route("/slow.xml", LoopbackHTTPServer.Response(status: 200, body: .trickle(Data(repeating: 0x20, count: 200), delay: 0.05)))
        let (result, seconds) = await FetchTestSupport.timed { await slow.fetch(request("/slow.xml")) }
        #expect(result.outcome.failure == .timeout(seconds: 1.5, url: server.url("/slow.xml")))
        #expect(seconds >= 1.4 && seconds < 3.5)
        #expect(result.state.lastError?.contains("per-feed time limit") == true)
    }

    @Test func silentServerHitsTheRequestTimeout() async throws {
        let impatient = Fetcher(policy: FetchTestSupport.policy(totalTimeout: 6, requestTimeout: 1))
        server.route("/silent.xml", LoopbackHTTPServer.Response(status: 200, body: .bytes(Data("x".utf8)), delay: 8))
        let (result, seconds) = await FetchTestSupport.timed { await impatient.fetch(request("/silent.xml")) }
        #expect(result.outcome.failure == .requestTimeout(seconds: 1, url: server.url("/silent.xml")))
        #expect(seconds < 4)
    }

    // MARK: Redirects

    @Test func permanentRedirectIsRecordedAndUsedNextTime() async throws {
        server.route("/old.xml", .redirect(301, to: "/new.xml"))
        server.route("/new.xml", .ok(try FetchTestSupport.sampleFeed()))
        let first = await fetcher.fetch(request("/old.xml"))
        #expect(first.outcome.document?.finalURL == server.url("/new.xml"))
        #expect(first.permanentRedirect == server.url("/new.xml"))
        #expect(first.state.movedTo == server.url("/new.xml").absoluteString)

        let second = await fetcher.fetch(request("/old.xml", state: first.state))
        #expect(second.requestedURL == server.url("/new.xml"))
        #expect(server.requestCount("/old.xml") == 1)
        #expect(server.requestCount("/new.xml") == 2)
    }

    @Test(arguments: [302, 307, 303])
    func temporaryRedirectIsFollowedButNotRecorded(status: Int) async throws {
        server.route("/moving.xml", .redirect(status, to: server.url("/today.xml").absoluteString))
        server.route("/today.xml", .ok(try FetchTestSupport.sampleFeed()))
        let result = await fetcher.fetch(request("/moving.xml"))
        #expect(result.outcome.document?.finalURL == server.url("/today.xml"))
        #expect(result.permanentRedirect == nil)
        #expect(result.state.movedTo == nil)
    }

    @Test func chainMixingPermanentAndTemporaryIsNotPermanent() async throws {
        server.route("/a", .redirect(308, to: "/b"))
        server.route("/b", .redirect(302, to: "/c"))
        server.route("/c", .ok(try FetchTestSupport.sampleFeed()))
        let result = await fetcher.fetch(request("/a"))
        #expect(result.outcome.document?.finalURL == server.url("/c"))
        #expect(result.permanentRedirect == nil)
    }

    @Test func permanentRedirectToAFailureIsNotRecorded() async throws {
        server.route("/old.xml", .redirect(301, to: "/missing.xml"))
        let result = await fetcher.fetch(request("/old.xml"))
        #expect(result.outcome.failure?.status == 404)
        #expect(result.state.movedTo == nil)
    }

    @Test func redirectLoopIsDetected() async throws {
        server.route("/a", .redirect(302, to: "/b"))
        server.route("/b", .redirect(302, to: "/a"))
        let result = await fetcher.fetch(request("/a"))
        #expect(result.outcome.failure == .redirectLoop(url: server.url("/a")))
        #expect(server.requestCount() == 2)
    }

    @Test func moreThanFiveRedirectsFail() async throws {
        for hop in 0..<7 { server.route("/r\(hop)", .redirect(302, to: "/r\(hop + 1)")) }
        server.route("/r7", .ok(try FetchTestSupport.sampleFeed()))
        let result = await fetcher.fetch(request("/r0"))
        #expect(result.outcome.failure == .tooManyRedirects(limit: 5, url: server.url("/r0")))
        #expect(server.requestCount() == 6)
    }

    @Test func redirectWithoutLocationFails() async throws {
        server.route("/nowhere", .status(302))
        let result = await fetcher.fetch(request("/nowhere"))
        #expect(result.outcome.failure == .badRedirect(status: 302, location: nil, url: server.url("/nowhere")))
    }

    // MARK: Status codes

    @Test(arguments: [404, 500, 502, 401])
    func errorStatusFailsThatFeedWithTheReason(status: Int) async throws {
        server.route("/broken.xml", .status(status))
        let result = await fetcher.fetch(request("/broken.xml"))
        #expect(result.outcome.failure == .httpStatus(status, url: server.url("/broken.xml")))
        #expect(result.state.lastStatus == status)
        #expect(result.state.consecutiveFailures == 1)
        let message = try #require(result.state.lastError)
        #expect(message.contains(server.url("/broken.xml").absoluteString) && message.contains("\(status)"))
    }

    @Test func goneMarksTheFeedGoneAndNotDue() async throws {
        server.route("/gone.xml", .status(410))
        let result = await fetcher.fetch(request("/gone.xml"))
        #expect(result.outcome == .gone)
        #expect(result.state.gone)
        #expect(result.state.nextFetch == nil)
        #expect(!FetchSchedule.isDue(result.state, now: Date().addingTimeInterval(365 * 86_400)))
        #expect(FetchSchedule.isDue(result.state, now: Date(), force: true))
    }

    @Test(arguments: [429, 503])
    func retryAfterSecondsPostponesTheNextFetch(status: Int) async throws {
        server.route("/busy.xml", .status(status, headers: ["Retry-After": "7200"]))
        let result = await fetcher.fetch(request("/busy.xml"))
        #expect(result.outcome.failure == .httpStatus(status, url: server.url("/busy.xml"), retryAfter: 7200))
        let attempt = try #require(result.state.lastAttempt)
        let next = try #require(result.state.nextFetch)
        #expect(abs(next.timeIntervalSince(attempt) - 7200) < 1)
    }

    @Test func retryAfterHTTPDatePostponesTheNextFetch() async throws {
        let until = Date().addingTimeInterval(3 * 3600)
        server.route("/busy.xml", .status(429, headers: ["Retry-After": HTTPDate.format(until)]))
        let result = await fetcher.fetch(request("/busy.xml"))
        let next = try #require(result.state.nextFetch)
        #expect(abs(next.timeIntervalSince(until)) <= 1)  // HTTP dates have whole seconds
        guard case .httpStatus(429, _, let retryAfter?) = result.outcome.failure else {
            Issue.record("expected a 429 failure with Retry-After, got \(result.outcome)")
            return
        }
        #expect(abs(retryAfter - 3 * 3600) <= 1)
    }

    @Test func emptyOKBodyIsAFailureWithAClearMessage() async throws {
        server.route("/empty.xml", .ok(Data()))
        let result = await fetcher.fetch(request("/empty.xml"))
        #expect(result.outcome.failure == .emptyBody(status: 200, url: server.url("/empty.xml")))
        #expect(result.state.bodyHash == nil)
    }

    @Test func connectionResetMidBodyFailsAsANetworkError() async throws {
        server.route(
            "/reset.xml",
            LoopbackHTTPServer.Response(status: 200, body: .resetMidBody(Data(repeating: 0x3c, count: 5000), announcedLength: 50_000)))
        let result = await fetcher.fetch(request("/reset.xml"))
        guard case .network(let message, let url)? = result.outcome.failure else {
            Issue.record("expected a network failure, got \(result.outcome)")
            return
        }
        #expect(url == server.url("/reset.xml"))
        #expect(!message.isEmpty)
        #expect(result.state.lastStatus == 0)
    }

    @Test func connectionClosedMidBodyIsSaidInPlainWords() async throws {
        server.route(
            "/cut.xml",
            LoopbackHTTPServer.Response(status: 200, body: .closeMidBody(Data(repeating: 0x3c, count: 5000), announcedLength: 50_000)))
        let result = await fetcher.fetch(request("/cut.xml"))
        #expect(
            result.outcome.failure
                == .network(
                    message: "the server closed the connection before the whole response arrived; Gazette will try again next run",
                    url: server.url("/cut.xml")), "\(result.outcome)")
    }

    // MARK: Identity, headers, charset

    @Test func sendsIdentityAcceptAndTheFeedsOwnHeaders() async throws {
        server.route("/private.xml", .ok(try FetchTestSupport.sampleFeed()))
        let headers = ["Authorization": "Basic dXNlcjpwYXNz", "X-Api-Key": "secret"]
        _ = await fetcher.fetch(request("/private.xml", headers: headers))
        let sent = try #require(server.requests("/private.xml").first)
        #expect(sent.header("User-Agent") == GazetteVersion.userAgent)
        #expect(sent.header("User-Agent")?.contains(GazetteVersion.projectURL) == true)
        #expect(sent.header("Accept")?.contains("application/atom+xml") == true)
        #expect(sent.header("Accept")?.contains("application/rss+xml") == true)
        #expect(sent.header("Authorization") == "Basic dXNlcjpwYXNz")
        #expect(sent.header("X-Api-Key") == "secret")
    }

    @Test func feedHeadersAreNotCarriedToAnotherHost() async throws {
        let other = try LoopbackHTTPServer(address: "127.0.0.2")
        defer { other.stop() }
        other.route("/feed.xml", .ok(try FetchTestSupport.sampleFeed()))
        server.route("/moved.xml", .redirect(302, to: other.url("/feed.xml").absoluteString))
        let result = await fetcher.fetch(request("/moved.xml", headers: ["Authorization": "Bearer token"]))
        #expect(result.outcome.document != nil)
        #expect(server.requests("/moved.xml").first?.header("Authorization") == "Bearer token")
        let forwarded = try #require(other.requests("/feed.xml").first)
        #expect(forwarded.header("Authorization") == nil)
    }

    @Test func charsetFromContentTypeIsHandedOn() async throws {
        server.route(
            "/latin1.xml",
            .ok(
                Data("<rss version=\"2.0\"><channel><title>caf\u{e9}</title></channel></rss>".utf8),
                type: "application/rss+xml; charset=\"ISO-8859-1\""))
        let document = try #require(await fetcher.fetch(request("/latin1.xml")).outcome.document)
        #expect(document.contentType == "application/rss+xml")
        #expect(document.charset == "ISO-8859-1")
    }

    // MARK: Autodiscovery

    @Test func htmlPageLeadsToItsFirstFeed() async throws {
        server.route("/blog/", .ok(try Fixtures.data("Fetch/page-with-feed-links.html"), type: "text/html; charset=utf-8"))
        server.route("/feeds/atom.xml", .ok(try FetchTestSupport.sampleFeed(), type: "application/atom+xml"))
        let result = await fetcher.fetch(request("/blog/"))
        let document = try #require(result.outcome.document)
        #expect(document.finalURL == server.url("/feeds/atom.xml"))
        #expect(document.discoveredFrom == server.url("/blog/"))
        #expect(
            result.discovered.map(\.url) == [
                server.url("/feeds/atom.xml"), server.url("/blog/feeds/rss.xml"), URL(string: "https://elsewhere.example/feed.json")!,
            ])
        #expect(result.state.bodyHash == document.bodyHash)
    }

    @Test func htmlPageWithoutFeedLinksFails() async throws {
        server.route("/plain/", .ok(try Fixtures.data("Fetch/page-without-feed-link.html"), type: "text/html"))
        let result = await fetcher.fetch(request("/plain/"))
        #expect(result.outcome.failure == .noFeedInPage(url: server.url("/plain/")))
    }
}

/// A thread-safe counter a route handler can read.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}
