import Foundation
import Testing
@testable import GazetteKit

@Suite struct PublisherTests {
    static let allFiles = ["empty.json", "empty.xml", "index.html", "science.json", "science.xml", "sources.opml", "tech.json", "tech.xml"]

    @Test func writesEveryFileOnFirstRun() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let report = try PublishFixture.load("publish-basic.json").publish(into: dir.url)
        #expect(report.written.sorted() == Self.allFiles)
        #expect(report.unchanged.isEmpty)
        #expect(report.entryCounts == ["tech": 5, "science": 2, "empty": 0])
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted()
        #expect(names == Self.allFiles, "no temporary files may be left behind")
        if let path = ProcessInfo.processInfo.environment["GAZETTE_PUBLISH_DUMP"] {
            try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.copyItem(at: dir.url, to: URL(fileURLWithPath: path))
        }
    }
}
