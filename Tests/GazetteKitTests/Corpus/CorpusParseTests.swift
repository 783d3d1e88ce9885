import Foundation
import Testing

@testable import GazetteKit

/// Opt-in (needs `GAZETTE_SHARED`): every real-world feed of both corpus folders parses, without
/// crashing, and every item has an id.
@Suite struct CorpusParseTests {
    @Test(Fixtures.needsShared, arguments: ["realworld", "realworld-more"])
    func everyRealWorldFeedParses(folder: String) throws {
        let shared = try #require(Fixtures.shared)
        let dir = shared.appendingPathComponent("corpus/\(folder)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasSuffix(".xml") || $0.hasSuffix(".json") || $0.hasSuffix(".rss") || $0.hasSuffix(".atom") }
        var failures: [String] = []
        for name in files.sorted() {
            let url = dir.appendingPathComponent(name)
            let data = try Data(contentsOf: url)
            do {
                let feed = try FeedParser().parse(data, url: URL(string: "https://example.org/feed"))
                for item in feed.items where item.id.isEmpty { failures.append("\(name): empty id") }
            } catch {
                failures.append("\(name): \(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(files.count > 0)
    }
}
