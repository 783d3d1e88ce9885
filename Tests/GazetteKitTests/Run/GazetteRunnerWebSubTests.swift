import Foundation
import Testing

@testable import GazetteKit

/// WebSub publishing end to end: real runs against a loopback hub stub that records every ping.
/// A changed section's feeds are pinged once each, an unchanged section never, a hub that is down
/// is retried on a later run after its backoff, and no hub failure ever fails a run.
@Suite(.serialized) struct GazetteRunnerWebSubTests {
    static let siteURL = "https://news.example.org/feeds/"
    /// 2026-09-10T12:00:00Z.
    static let t0 = Date(timeIntervalSince1970: 1_789_041_600)

    /// The hub's answer, switchable while the test runs.
    final class HubState: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 204
        var status: Int {
            get { lock.withLock { value } }
            set { lock.withLock { value = newValue } }
        }
    }

    struct Workspace {
        let directory: TemporaryDirectory
        let hub: LoopbackHTTPServer
        let hubState = HubState()
        var config: GazetteConfig
        var options = RunOptions(force: true)

        init(hubURL: URL? = nil) throws {
            directory = try TemporaryDirectory()
            hub = try LoopbackHTTPServer()
            let state = hubState
            hub.route("/hub") { _ in .status(state.status) }
            let feeds = directory.url.appendingPathComponent("feeds")
            try FileManager.default.createDirectory(at: feeds, withIntermediateDirectories: true)
            let json = """
                {
                  "site": { "title": "Hub Test", "url": "\(GazetteRunnerWebSubTests.siteURL)",
                            "hubs": ["\((hubURL ?? hub.url("/hub")).absoluteString)"] },
                  "sections": { "news": { "title": "News" }, "quiet": { "title": "Quiet" } },
                  "feeds": [
                    { "url": "feeds/news.xml", "section": "news" },
                    { "url": "feeds/quiet.xml", "section": "quiet" }
                  ]
                }
                """
            let file = directory.url.appendingPathComponent("feeds.json")
            try Data(json.utf8).write(to: file)
            config = try GazetteRunner.loadConfig(from: file)
            options.webSub = WebSubNotifier(timeout: 2)
            try writeFeed("news", stories: 1)
            try writeFeed("quiet", stories: 1)
        }

        func writeFeed(_ name: String, stories: Int) throws {
            var items = ""
            for n in 0..<stories {
                items += "<item><guid>https://\(name).example.com/\(n)</guid><title>\(name) story \(n)</title>"
                items += "<pubDate>Thu, 0\(1 + n % 9) Sep 2026 08:00:00 GMT</pubDate></item>\n"
            }
            let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>\(name)</title>\(items)</channel></rss>"
            try Data(rss.utf8).write(to: directory.url.appendingPathComponent("feeds/\(name).xml"))
        }

        func run(at date: Date) async throws -> RunSummary {
            try await GazetteRunner(config: config, options: options).run(now: date)
        }

        /// The topics (`hub.url`) pinged so far, in arrival order, after checking each ping's form.
        func pingedTopics() throws -> [String] {
            try hub.requests("/hub").map { request in
                #expect(request.method == "POST")
                #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
                let form = GazetteRunnerWebSubTests.form(request.body)
                #expect(form["hub.mode"] == ["publish"])
                let topics = try #require(form["hub.url"])
                #expect(topics.count == 1)
                return topics[0]
            }
        }

        func close() {
            hub.stop()
            directory.remove()
        }
    }

    /// Decodes an `application/x-www-form-urlencoded` body.
    static func form(_ body: Data) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            result[parts[0], default: []].append(parts.count > 1 ? parts[1] : "")
        }
        return result
    }

    static let newsTopics = [siteURL + "news.xml", siteURL + "news.json"]
    static let quietTopics = [siteURL + "quiet.xml", siteURL + "quiet.json"]

    @Test func aChangedSectionIsPingedOnceAndAnUnchangedOneNever() async throws {
        let workspace = try Workspace()
        defer { workspace.close() }
        _ = try await workspace.run(at: Self.t0)
        #expect(try workspace.pingedTopics().sorted() == (Self.newsTopics + Self.quietTopics).sorted())

        try workspace.writeFeed("news", stories: 2)
        let summary = try await workspace.run(at: Self.t0.addingTimeInterval(3_600))
        #expect(summary.sectionsRewritten == ["news"])
        #expect(try workspace.pingedTopics().dropFirst(4).sorted() == Self.newsTopics.sorted())

        // Nothing changed: no ping at all.
        _ = try await workspace.run(at: Self.t0.addingTimeInterval(7_200))
        #expect(workspace.hub.requestCount("/hub") == 6)

        // The feeds name the hub and themselves.
        let atom = try String(contentsOf: workspace.directory.url.appendingPathComponent("output/news.xml"), encoding: .utf8)
        #expect(atom.contains("<link rel=\"hub\" href=\"\(workspace.hub.url("/hub").absoluteString)\"/>"))
        #expect(atom.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"\(Self.siteURL)news.xml\"/>"))
        let json = try Data(contentsOf: workspace.directory.url.appendingPathComponent("output/news.json"))
        let feed = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let hubs = try #require(feed["hubs"] as? [[String: String]])
        #expect(hubs == [["type": "WebSub", "url": workspace.hub.url("/hub").absoluteString]])
    }

    @Test func aHubThatIsDownIsRetriedOnALaterRunAfterItsBackoffWithoutFailingTheRun() async throws {
        let workspace = try Workspace()
        defer { workspace.close() }
        workspace.hubState.status = 503
        let first = try await workspace.run(at: Self.t0)
        #expect(first.newArticles == 2, "the run itself succeeded")
        #expect(first.warnings.filter { $0.contains("WebSub hub") && $0.contains("HTTP 503") }.count == 4)
        #expect(workspace.hub.requestCount("/hub") == 4)

        // A minute later the backoff (5 minutes) has not passed: no request.
        workspace.hubState.status = 202
        _ = try await workspace.run(at: Self.t0.addingTimeInterval(60))
        #expect(workspace.hub.requestCount("/hub") == 4)

        // Ten minutes later each pending ping is sent once more and accepted.
        let retried = try await workspace.run(at: Self.t0.addingTimeInterval(600))
        #expect(try workspace.pingedTopics().dropFirst(4).sorted() == (Self.newsTopics + Self.quietTopics).sorted())
        #expect(retried.warnings.isEmpty)
        #expect(retried.notes.contains("WebSub: 4 hub notifications accepted"))

        // Accepted pings are forgotten.
        _ = try await workspace.run(at: Self.t0.addingTimeInterval(3_600))
        #expect(workspace.hub.requestCount("/hub") == 8)
    }

    @Test func aHubRemovedFromTheConfigurationIsNotRetried() async throws {
        var workspace = try Workspace()
        defer { workspace.close() }
        workspace.hubState.status = 500
        _ = try await workspace.run(at: Self.t0)
        #expect(workspace.hub.requestCount("/hub") == 4)
        workspace.hubState.status = 204
        workspace.config.site.hubs = []
        let later = try await workspace.run(at: Self.t0.addingTimeInterval(3_600))
        #expect(workspace.hub.requestCount("/hub") == 4)
        #expect(later.warnings.isEmpty)
    }

    @Test func aHubThatDoesNotAnswerTimesOut() async throws {
        let workspace = try Workspace()
        defer { workspace.close() }
        workspace.hub.route("/hub", .init(status: 204, delay: 8))
        var options = workspace.options
        options.webSub = WebSubNotifier(timeout: 1)
        let started = Date()
        let summary = try await GazetteRunner(config: workspace.config, options: options).run(now: Self.t0)
        #expect(Date().timeIntervalSince(started) < 7)
        #expect(summary.warnings.contains { $0.contains("WebSub hub") })
        #expect(summary.newArticles == 2)
    }

    @Test func anUnreachableHubNeverFailsTheRun() async throws {
        let closed = try LoopbackHTTPServer()
        let unreachable = closed.url("/hub")
        closed.stop()
        let workspace = try Workspace(hubURL: unreachable)
        defer { workspace.close() }
        let summary = try await workspace.run(at: Self.t0)
        #expect(summary.newArticles == 2)
        #expect(summary.sectionsRewritten.sorted() == ["news", "quiet"])
        #expect(summary.warnings.filter { $0.contains("WebSub hub \(unreachable.absoluteString)") }.count == 4)
    }
}
