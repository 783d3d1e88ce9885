import Foundation
import Testing
@testable import GazetteKit

/// Runs the parser over the shared real-world corpus: every file must parse, without crashing.
@Suite struct FeedParserCorpusTests {
    @Test func everyRealWorldFeedParses() throws {
        guard let shared = Fixtures.shared else {
            print("skipped: ../shared is absent")
            return
        }
        let dir = shared.appendingPathComponent("corpus/realworld")
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
