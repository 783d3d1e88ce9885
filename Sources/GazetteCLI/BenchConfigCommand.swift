import ArgumentParser
import Foundation
import GazetteKit

/// `gazette bench config`: how fast section routing and feed filters match items, against a regex baseline.
///
/// Routing runs for every item against every section on every run, so it must stay cheap.
struct BenchConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Measure keyword matching (section routes, feed filters) on synthetic items."
    )

    @Option(help: "Synthetic items to match.")
    var items = 20_000

    @Option(help: "Sections, each with a route of 6 include keywords, 2 categories and 2 exclude keywords.")
    var sections = 8

    @Option(help: "Seed for the synthetic text.")
    var seed: UInt64 = 42

    @Option(help: "Also time loading and validating this feeds.json (100 times).")
    var config: String?

    func run() throws {
        if let config {
            let url = URL(fileURLWithPath: config)
            let start = Date()
            var feeds = 0
            for _ in 0..<100 { feeds = try GazetteConfig.load(from: url).feeds.count }
            let each = Date().timeIntervalSince(start) / 100
            print(String(format: "load+validate %@ (%d feeds): %.2f ms", config, feeds, each * 1000))
        }
        var random = SplitMix64(seed: seed)
        let vocabulary = Self.vocabulary
        func words(_ count: Int) -> String {
            (0..<count).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }.joined(separator: " ")
        }
        let corpus = (0..<items).map { _ in
            (title: words(9), summary: words(45), categories: [Self.categories[Int(random.next() % UInt64(Self.categories.count))]])
        }
        let routes = (0..<sections).map { _ in
            KeywordFilter(
                include: (0..<6).map { i in i % 3 == 0 ? words(2) : words(1) },
                exclude: [words(1), words(2)],
                categories: (0..<2).map { _ in Self.categories[Int(random.next() % UInt64(Self.categories.count))] })
        }

        // Gazette: normalize each item once, then test it against every route.
        let start = Date()
        let subjects = corpus.map { KeywordFilter.Subject(title: $0.title, summary: $0.summary, categories: $0.categories) }
        let prepared = Date()
        var gazetteHits = 0
        for subject in subjects {
            for route in routes where route.matches(subject) { gazetteHits += 1 }
        }
        let gazetteSeconds = Date().timeIntervalSince(start)
        let prepareSeconds = prepared.timeIntervalSince(start)

        // Baseline: one case-insensitive \b…\b alternation regex per keyword list, as a first version might do.
        func regex(_ keywords: [String]) throws -> NSRegularExpression? {
            guard !keywords.isEmpty else { return nil }
            let alternation = keywords.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
            return try NSRegularExpression(pattern: "\\b(?:\(alternation))\\b", options: [.caseInsensitive])
        }
        let compiled = try routes.map {
            (include: try regex($0.include), exclude: try regex($0.exclude), categories: $0.categories.map { $0.lowercased() })
        }
        let baselineStart = Date()
        var baselineHits = 0
        for item in corpus {
            let text = item.title + "\n" + item.summary + "\n" + item.categories.joined(separator: "\n")
            let range = NSRange(text.startIndex..., in: text)
            let categories = item.categories.map { $0.lowercased() }
            for route in compiled {
                if let exclude = route.exclude, exclude.firstMatch(in: text, range: range) != nil { continue }
                if route.categories.contains(where: categories.contains)
                    || route.include.map({ $0.firstMatch(in: text, range: range) != nil }) == true
                {
                    baselineHits += 1
                }
            }
        }
        let baselineSeconds = Date().timeIntervalSince(baselineStart)

        let matches = Double(items * sections)
        print("items: \(items), sections: \(sections), item×section tests: \(items * sections)")
        print(
            String(
                format: "gazette  %.3f s  %.0f ns/test  hits %d  (normalizing items: %.3f s, %.0f µs/item; matching: %.0f ns/test)",
                gazetteSeconds, gazetteSeconds / matches * 1e9, gazetteHits, prepareSeconds, prepareSeconds / Double(items) * 1e6,
                (gazetteSeconds - prepareSeconds) / matches * 1e9))
        print(String(format: "regex    %.3f s  %.0f ns/test  hits %d", baselineSeconds, baselineSeconds / matches * 1e9, baselineHits))
        print(String(format: "speed-up %.1fx", baselineSeconds / max(gazetteSeconds, 1e-9)))
    }

    static let categories = ["Ofsted", "Safeguarding", "Housing", "Finance", "Council tax", "Adult social care", "SEND", "Planning"]

    static let vocabulary = """
        council councils children's services social care safeguarding ofsted inspection report school schools pupils \
        teachers funding budget tax housing homes homelessness temporary accommodation planning application \
        consultation cabinet committee decision adult health nhs care homes carers fostering adoption send \
        special educational needs transport roads flooding waste recycling library libraries parks leisure \
        the a of and to in for on with by from at as is are was were new plan plans year years million \
        pounds local authority authorities government minister ministers department announces published
        """.split(whereSeparator: \.isWhitespace).map(String.init)
}
