import Foundation
import Testing

@testable import GazetteKit

/// `fetchAll`: bounded concurrency overall and per host, ordered results, isolation of failures.
@Suite final class FetcherBatchTests {
    var servers: [LoopbackHTTPServer] = []

    deinit { servers.forEach { $0.stop() } }

    func server(_ address: String = "127.0.0.1") throws -> LoopbackHTTPServer {
        let server = try LoopbackHTTPServer(address: address)
        servers.append(server)
        return server
    }

    @Test func perHostLimitHoldsOnTheServer() async throws {
        let server = try server()
        let feed = try FetchTestSupport.sampleFeed()
        server.route("/slow.xml") { _ in
            usleep(100_000)
            return .ok(feed)
        }
        let fetcher = Fetcher(policy: FetchTestSupport.policy(maxConcurrent: 16, maxPerHost: 2))
        let requests = (0..<10).map { FetchRequest(feedKey: "f\($0)", url: server.url("/slow.xml?n=\($0)")) }
        let results = await fetcher.fetchAll(requests)
        #expect(results.allSatisfy { $0.outcome.document != nil })
        #expect(server.requestCount("/slow.xml") == 10)
        #expect(server.maxConcurrentRequests == 2)  // reached, never exceeded
        #expect(server.maxConcurrentConnections <= 2)
    }

    @Test func overallLimitHoldsAcrossHosts() async throws {
        let gauge = Gauge()
        let feed = try FetchTestSupport.sampleFeed()
        let hosts = try ["127.0.0.1", "127.0.0.2", "127.0.0.3"].map { try server($0) }
        for host in hosts {
            host.route("/feed.xml") { _ in
                gauge.enter()
                usleep(100_000)
                gauge.leave()
                return .ok(feed)
            }
        }
        let fetcher = Fetcher(policy: FetchTestSupport.policy(maxConcurrent: 4, maxPerHost: 2))
        let requests = (0..<18).map { FetchRequest(feedKey: "f\($0)", url: hosts[$0 % 3].url("/feed.xml?n=\($0)")) }
        let results = await fetcher.fetchAll(requests)
        #expect(results.allSatisfy { $0.outcome.document != nil })
        #expect(gauge.peak == 4)
        #expect(hosts.allSatisfy { $0.maxConcurrentRequests <= 2 })
    }

    @Test func resultsComeBackInRequestOrderAndOneFailureStopsNothing() async throws {
        let server = try server()
        server.route("/ok.xml", .ok(try FetchTestSupport.sampleFeed()))
        server.route("/gone.xml", .status(410))
        let paths = ["/ok.xml", "/missing.xml", "/gone.xml", "/ok.xml"]
        let requests = paths.enumerated().map { FetchRequest(feedKey: "\($0)", url: server.url($1)) }
        let seen = Counter()
        let fetcher = Fetcher(policy: FetchTestSupport.policy())
        let results = await fetcher.fetchAll(requests) { _ in seen.increment() }
        #expect(results.map(\.feedKey) == ["0", "1", "2", "3"])
        #expect(results[0].outcome.document != nil && results[3].outcome.document != nil)
        #expect(results[1].outcome.failure?.status == 404)
        #expect(results[2].outcome == .gone)
        #expect(seen.value == 4)
    }

    @Test func emptyBatchReturnsNothing() async {
        #expect(await Fetcher(policy: FetchTestSupport.policy()).fetchAll([]).isEmpty)
    }

    @Test func hostQueueIsRoundRobinAndBounded() {
        var queue = HostQueue(hosts: ["a", "a", "a", "b", "", ""], maxPerHost: 1)
        #expect(queue.next() == 0)  // a
        #expect(queue.next() == 3)  // b
        #expect(queue.next() == 4)  // local files: no per-host bound
        #expect(queue.next() == 5)
        #expect(queue.next() == nil)  // a and b are busy
        queue.finished(0)
        #expect(queue.next() == 1)
    }
}

/// Counts simultaneous holders and remembers the peak.
final class Gauge: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private var maximum = 0
    var peak: Int { lock.withLock { maximum } }
    func enter() {
        lock.withLock {
            current += 1; maximum = max(maximum, current)
        }
    }
    func leave() { lock.withLock { current -= 1 } }
}
