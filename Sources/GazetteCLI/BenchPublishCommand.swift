import ArgumentParser
import Foundation
import GazetteKit

/// `gazette bench publish`: how long publishing takes for a synthetic site, first run and re-runs.
struct BenchPublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Time the publisher (ordering, caps, Atom/JSON/index/OPML rendering, atomic writes).",
        discussion: """
            Builds deterministic synthetic articles (about 2 KB of HTML each), then times, in wall-clock
            seconds (median of N): a first publish into an empty folder, a re-publish of the same input
            (every file unchanged), and a re-publish where one section gained an article. Last line:
            gazette-publish sections candidates entries bytes first_s unchanged_s one_changed_s
            """)

    @Option(help: "Sections.") var sections = 10
    @Option(help: "Candidate articles per section.") var candidates = 1_000
    @Option(help: "Sources the candidates are spread over.") var sources = 20
    @Option(help: "Entries per section (maxEntries).") var maxEntries = 50
    @Option(help: "Timed repetitions.") var `repeat` = 5

    func run() throws {
        let site = SiteConfig(title: "Bench", url: URL(string: "https://bench.example/")!, author: "Bench")
        let inputs = (0..<sections).map { Self.section($0, candidates: candidates, sources: sources, maxEntries: maxEntries) }
        let listings = (0..<sources).map {
            SourceListing(title: "Source \($0)", feedURL: "https://s\($0).example/feed", sectionIDs: ["section-\($0 % max(1, sections))"])
        }
        var changed = inputs
        if var first = changed.first?.articles.first {
            first.id = "https://bench.example/new"
            first.published = Date(timeIntervalSince1970: 2_000_000_000)
            changed[0].articles.append(first)
        }
        var firsts: [Double] = [], unchangedRuns: [Double] = [], oneChanged: [Double] = []
        var entries = 0
        var bytes = 0
        for _ in 0..<max(1, `repeat`) {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-bench-publish-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: dir) }
            let publisher = Publisher(site: site, outputDirectory: dir)
            let clock = ContinuousClock()
            var report = PublishReport()
            firsts.append(Self.seconds(try clock.measure { report = try publisher.publish(inputs, sources: listings) }))
            entries = report.entryCounts.values.reduce(0, +)
            bytes = try FileManager.default.contentsOfDirectory(atPath: dir.path).reduce(0) {
                $0 + ((try? FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent($1).path)[.size] as? Int) ?? 0)
            }
            unchangedRuns.append(Self.seconds(try clock.measure { report = try publisher.publish(inputs, sources: listings) }))
            guard report.written.isEmpty else { throw ValidationError("an unchanged re-publish rewrote \(report.written)") }
            oneChanged.append(Self.seconds(try clock.measure { report = try publisher.publish(changed, sources: listings) }))
        }
        let median = { (values: [Double]) in values.sorted()[values.count / 2] }
        print(
            String(
                format: "gazette-publish %d %d %d %d %.4f %.4f %.4f", sections, candidates, entries, bytes,
                median(firsts), median(unchangedRuns), median(oneChanged)))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func section(_ index: Int, candidates: Int, sources: Int, maxEntries: Int) -> SectionInput {
        let paragraph = "<p>" + String(repeating: "Lorem ipsum dolor sit amet &amp; consectetur. ", count: 8) + "</p>\n"
        let articles = (0..<candidates).map { n -> Article in
            let source = (n * 7 + index) % max(1, sources)
            let when = Date(timeIntervalSince1970: 1_700_000_000 + Double((n * 7_919) % 1_000_003) * 60)
            return Article(
                id: "https://s\(source).example/\(index)/\(n)", title: "Headline \(n) of section \(index) <& co>",
                link: "https://s\(source).example/\(index)/\(n)", published: when, firstSeen: when,
                authors: [Person(name: "Writer \(n % 13)")], content: String(repeating: paragraph, count: 5),
                categories: ["c\(n % 5)"],
                sources: [
                    ArticleSource(
                        feedKey: "https://s\(source).example/feed", feedTitle: "Source \(source)", entryID: "\(n)", firstSeen: when)
                ])
        }
        return SectionInput(
            section: SectionConfig(id: "section-\(index)", title: "Section \(index)", maxEntries: maxEntries), articles: articles)
    }
}
