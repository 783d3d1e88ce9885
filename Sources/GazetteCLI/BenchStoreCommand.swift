import ArgumentParser
import Foundation
import GazetteKit

#if canImport(Glibc)
    import Glibc
#endif

/// `gazette bench store`: measures ingest throughput and memory of the state database on a
/// deterministic synthetic workload (first run: everything new; second run: everything unchanged).
///
/// With `--scales 10000,100000,1000000`: for each size, fills a fresh database with that many
/// articles (in 500-item documents), then ingests `--probe-feeds` × 20 new items with dedup on
/// (a fifth of them copies of recent stored articles under edited titles) and reports the cost per
/// item, so one can see it does not grow with the store (`StoreScaleWorkload`).
struct BenchStoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Ingest synthetic feeds into a fresh state database twice; report articles/s and peak memory.")

    @Option(help: "Comma-separated stored-article counts: measure ingest with dedup against stores of these sizes.")
    var scales: String?

    @Option(help: "With --scales: probe feeds of 20 new items each, ingested after filling.")
    var probeFeeds = 250

    @Option(help: "Number of synthetic feeds.")
    var feeds = 1_000

    @Option(help: "Items per feed.")
    var items = 100

    @Option(help: "Database path (default: a fresh file in the temporary folder, removed afterwards).")
    var path: String?

    func run() throws {
        if let scales {
            let sizes = scales.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !sizes.isEmpty, sizes.allSatisfy({ $0 > 0 }) else {
                throw ValidationError("--scales needs positive counts separated by commas, e.g. 10000,100000,1000000")
            }
            try runScales(sizes)
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-bench-\(getpid())")
        let databasePath = path ?? directory.appendingPathComponent("state.sqlite").path
        defer { if path == nil { try? FileManager.default.removeItem(at: directory) } }
        let store = try ArticleStore(path: databasePath)
        let generator = SyntheticFeeds(itemsPerFeed: items)
        let total = feeds * items
        print("gazette bench store: \(feeds) feeds x \(items) items = \(total) entries, database \(databasePath)")

        for run in 1...2 {
            var seconds = 0.0
            var cpuSeconds = 0.0
            var counts = (new: 0, merged: 0, updated: 0, unchanged: 0)
            for feed in 0..<feeds {
                let parsed = generator.feed(feed)
                let key = "https://feed\(feed).bench.example/rss"
                let state = FeedFetchState(feedKey: key, etag: "\"\(feed)-\(run)\"", lastStatus: 200, itemCount: items)
                let start = DispatchTime.now().uptimeNanoseconds
                let cpuStart = Self.cpuTime()
                let report = try store.ingest(
                    feedKey: key, feedTitle: "Bench feed \(feed)", parsed: parsed, fetchState: state,
                    now: SyntheticFeeds.base.addingTimeInterval(Double(run) * 3_600))
                seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                cpuSeconds += Self.cpuTime() - cpuStart
                counts.new += report.new
                counts.merged += report.merged
                counts.updated += report.updated
                counts.unchanged += report.unchanged
            }
            print(
                String(
                    format: "run %d: %.2f s wall, %.0f articles/s; %.2f s CPU, %.0f articles per CPU-second "
                        + "(new %d, merged %d, updated %d, unchanged %d)",
                    run, seconds, Double(total) / seconds, cpuSeconds, Double(total) / cpuSeconds,
                    counts.new, counts.merged, counts.updated, counts.unchanged))
        }
        var usage = rusage()
        _ = getrusage(RUSAGE_SELF.rawValue, &usage)
        let size = (try? FileManager.default.attributesOfItem(atPath: databasePath)[.size] as? Int) ?? 0
        print(
            String(
                format: "peak memory (ru_maxrss): %.1f MiB; articles stored: %d; database size: %.1f MiB",
                Double(usage.ru_maxrss) / 1024, try store.articleCount(), Double(size) / 1_048_576))
    }
}

extension BenchStoreCommand {
    /// Ingest with dedup against stores of each size in `sizes` (see the type's documentation).
    func runScales(_ sizes: [Int]) throws {
        print("gazette bench store --scales: \(probeFeeds * 20) new items per size, dedup on")
        print("stored      fill s   probe wall µs/item   probe CPU µs/item   merged   new   database MiB")
        for size in sizes {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-bench-scale-\(getpid())-\(size)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let databasePath = directory.appendingPathComponent("state.sqlite").path
            let store = try ArticleStore(path: databasePath)
            let workload = StoreScaleWorkload(stored: size)
            let fillStart = DispatchTime.now().uptimeNanoseconds
            for feed in 0..<((size + workload.perFeed - 1) / workload.perFeed) {
                let key = "https://stored\(feed).scale.example/rss"
                _ = try store.ingest(
                    feedKey: key, feedTitle: nil, parsed: workload.storedFeed(feed),
                    fetchState: FeedFetchState(feedKey: key, lastStatus: 200), now: StoreScaleWorkload.base)
            }
            let fillSeconds = Double(DispatchTime.now().uptimeNanoseconds - fillStart) / 1e9
            var seconds = 0.0
            var cpuSeconds = 0.0
            var merged = 0
            var new = 0
            for feed in 0..<probeFeeds {
                let key = "https://probe\(feed).scale.example/rss"
                let parsed = workload.probeFeed(feed)
                let start = DispatchTime.now().uptimeNanoseconds
                let cpuStart = Self.cpuTime()
                let report = try store.ingest(
                    feedKey: key, feedTitle: nil, parsed: parsed, fetchState: FeedFetchState(feedKey: key, lastStatus: 200),
                    now: StoreScaleWorkload.base.addingTimeInterval(3_600))
                seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                cpuSeconds += Self.cpuTime() - cpuStart
                merged += report.merged
                new += report.new
            }
            let items = Double(probeFeeds * 20)
            let size = (try? FileManager.default.attributesOfItem(atPath: databasePath)[.size] as? Int) ?? 0
            print(
                String(
                    format: "%-10d %7.1f   %18.1f   %17.1f   %6d   %4d   %12.1f", workload.stored, fillSeconds,
                    seconds / items * 1e6, cpuSeconds / items * 1e6, merged, new, Double(size) / 1_048_576))
        }
    }

    /// User + system CPU time of this process, in seconds (wall time is unreliable on a shared machine).
    static func cpuTime() -> Double {
        var usage = rusage()
        _ = getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}

/// Deterministic synthetic feeds: plausible local-news entries. In every odd-numbered feed, 10% of
/// the entries declare the previous feed's entry as their original link and 4% repeat its title and
/// text under their own link, so both cross-feed rules run (7% of all entries are merged copies).
struct SyntheticFeeds {
    static let base = Date(timeIntervalSince1970: 1_741_597_200)
    let itemsPerFeed: Int

    private static let words = """
        council residents plans approved budget school road library park housing planning committee \
        consultation funding million pounds county borough district parish mayor councillor scheme \
        community centre services bus route hospital flood defence bins recycling waste collection \
        leisure pool repairs closure reopen new homes affordable transport cycle lane traffic works \
        town city village market high street trees woodland volunteers award green space events \
        festival museum exhibition heritage listed building care social adult children education \
        pupils teachers police safety lighting cameras grant government report review vote meeting \
        cabinet motion agenda public health energy climate carbon solar heating insulation tenants \
        landlords licence fees parking charges permit spring summer autumn winter week month year
        """.split(separator: " ").map(String.init)

    func feed(_ feed: Int) -> ParsedFeed {
        let items = (0..<itemsPerFeed).map { index -> FeedItem in
            if feed % 2 == 1 && index % 10 == 7 {
                var item = entry(feed: feed, index: index)
                item.originalLink = entry(feed: feed - 1, index: index).link
                return item
            }
            if feed % 2 == 1 && index % 25 == 13 {
                var item = entry(feed: feed - 1, index: index)
                item.id = "https://feed\(feed).bench.example/copy/\(index)"
                item.link = item.id
                return item
            }
            return entry(feed: feed, index: index)
        }
        return ParsedFeed(
            format: .rss20, title: "Bench feed \(feed)", link: "https://feed\(feed).bench.example/", items: items)
    }

    private func entry(feed: Int, index: Int) -> FeedItem {
        var random = SplitMix64(seed: UInt64(feed) &* 1_000_003 &+ UInt64(index))
        func words(_ count: Int) -> String {
            (0..<count).map { _ in Self.words[Int(random.next() % UInt64(Self.words.count))] }.joined(separator: " ")
        }
        let title = words(6 + Int(random.next() % 5)).capitalizedFirst
        let paragraphs = (0..<3).map { _ in "<p>" + words(30 + Int(random.next() % 20)).capitalizedFirst + ".</p>" }
        let link = "https://feed\(feed).bench.example/news/\(index)-\(random.next() % 100_000)"
        return FeedItem(
            id: link, title: title, link: link,
            published: Self.base.addingTimeInterval(-Double(index) * 3_600 - Double(feed) * 60),
            authors: [Person(name: "Reporter \(feed % 37)")], summary: paragraphs[0],
            content: paragraphs.joined(), categories: [Self.words[feed % Self.words.count]])
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
