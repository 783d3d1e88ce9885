import Foundation

@testable import GazetteKit

/// Small limits so fetch tests never wait on real-world timeouts.
enum FetchTestSupport {
    static func policy(
        totalTimeout: TimeInterval = 4, requestTimeout: TimeInterval = 3, maxBodyBytes: Int = 1 << 20,
        maxConcurrent: Int = 16, maxPerHost: Int = 2, defaultInterval: TimeInterval = 600
    ) -> FetchPolicy {
        FetchPolicy(
            requestTimeout: requestTimeout, totalTimeout: totalTimeout, maxBodyBytes: maxBodyBytes,
            maxConcurrent: maxConcurrent, maxPerHost: maxPerHost, defaultInterval: defaultInterval)
    }

    static func sampleFeed() throws -> Data { try Fixtures.data("Fetch/sample-feed.xml") }

    /// Seconds `body` takes to run.
    static func timed<T>(_ body: () async throws -> T) async rethrows -> (T, TimeInterval) {
        let start = Date()
        let value = try await body()
        return (value, Date().timeIntervalSince(start))
    }
}
