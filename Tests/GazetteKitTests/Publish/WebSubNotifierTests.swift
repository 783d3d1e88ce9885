import Foundation
import Testing

@testable import GazetteKit

/// The publish ping's wire format and the retry schedule; delivery is tested end to end in
/// `GazetteRunnerWebSubTests`.
@Suite struct WebSubNotifierTests {
    @Test func thePingIsAFormWithModeAndTopic() {
        let body = String(decoding: WebSubNotifier.body(topic: "https://x.example/feeds/news.xml?a=1&b=2 3"), as: UTF8.self)
        #expect(body == "hub.mode=publish&hub.url=https%3A%2F%2Fx.example%2Ffeeds%2Fnews.xml%3Fa%3D1%26b%3D2+3")
    }

    @Test func retriesBackOffFromFiveMinutesToADay() {
        #expect(WebSubNotifier.retryDelay(afterFailures: 1) == 300)
        #expect(WebSubNotifier.retryDelay(afterFailures: 2) == 600)
        #expect(WebSubNotifier.retryDelay(afterFailures: 3) == 1_200)
        #expect(WebSubNotifier.retryDelay(afterFailures: 20) == 86_400)
    }

    @Test func pingsAreSentConcurrentlyAndReportedInOrder() async throws {
        let hub = try LoopbackHTTPServer()
        defer { hub.stop() }
        hub.route("/ok", .status(204))
        hub.route("/busy", .status(429))
        let pings = (0..<6).map {
            WebSubNotifier.Ping(hub: hub.url($0 % 2 == 0 ? "/ok" : "/busy").absoluteString, topic: "https://t.example/\($0)")
        }
        let outcomes = await WebSubNotifier(timeout: 5, concurrency: 3).send(pings)
        #expect(outcomes.map(\.ping) == pings)
        #expect(outcomes.map(\.failure) == [nil, "HTTP 429", nil, "HTTP 429", nil, "HTTP 429"])
        #expect(hub.requestCount() == 6)
        #expect(hub.maxConcurrentRequests <= 3)
    }

    @Test func aHubThatIsNotHTTPIsRefusedWithoutARequest() async {
        let outcomes = await WebSubNotifier().send([WebSubNotifier.Ping(hub: "ftp://hub.example/", topic: "https://t.example/")])
        #expect(outcomes.map(\.failure) == ["not an http(s) URL"])
    }
}
