import Foundation

/// Turns one feed's fetch result into stored articles: parse (or scrape), filter, tidy, ingest.
///
/// Everything that can go wrong with one feed ends here as a problem in its `FeedRunReport`,
/// never as a thrown error, so one broken feed never stops the others. Only a failing database
/// write is thrown: that is the run's problem, not the feed's.
struct FeedResultProcessor: Sendable {
    var store: ArticleStore?
    var policy: FetchPolicy
    var dryRun: Bool
    var now: Date

    /// What happened to one feed in this run.
    struct FeedRunReport: Sendable {
        enum Status: Sendable { case fetched, notModified, failed, gone }
        var status: Status
        var ingest: IngestReport?
        var itemsParsed = 0
        var problems: [String] = []
        var notes: [String] = []
    }

    private let parser = FeedParser()
    private let sanitizer = HTMLSanitizer()
    private let collapser = DuplicateTextCollapser()

    init(store: ArticleStore?, policy: FetchPolicy, dryRun: Bool, now: Date) {
        self.store = store
        self.policy = policy
        self.dryRun = dryRun
        self.now = now
    }

    func process(_ result: FetchResult, feed: FeedConfig, index: Int) throws(StoreError) -> FeedRunReport {
        let label = feed.name.map { "\($0) (\(feed.key))" } ?? feed.key
        var report = FeedRunReport(status: .fetched)
        var state = result.state
        state.feedKey = feed.key
        if let moved = result.permanentRedirect {
            report.problems.append(
                "\(label): moved permanently to \(moved.absoluteString); Gazette now fetches the new address "
                    + "— update feeds.json when convenient")
        }
        for found in result.discovered.prefix(1) {
            report.notes.append("\(label): the address is a web page; using its feed \(found.url.absoluteString)")
        }
        switch result.outcome {
        case .fetched(let document):
            do {
                var parsed = try parse(document, feed: feed, index: index, previous: result.state, state: &state, report: &report)
                parsed.items = tidy(parsed.items, filter: feed.filter)
                report.itemsParsed = parsed.items.count
                state = FetchSchedule.applyingRefreshInterval(parsed.refreshInterval, to: state, policy: policy)
                state.itemCount = parsed.items.count
                state.title = parsed.title
                state.siteLink = parsed.link
                if parsed.recovered {
                    let first = parsed.diagnostics.first.map { ": \($0)" } ?? ""
                    report.problems.append("\(label): the feed is malformed XML and was recovered\(first)")
                }
                if !dryRun, let store {
                    report.ingest = try store.ingest(
                        feedKey: feed.key, feedTitle: feed.name, parsed: parsed, fetchState: state, now: now)
                }
                return report
            } catch let failure as ParseFailure {
                report.status = .failed
                report.problems.append("\(label): \(failure.message)")
                state.lastError = failure.message
                state.consecutiveFailures += 1
                state.bodyHash = nil  // parse it again next time even if the body is unchanged
                state.nextFetch = now.addingTimeInterval(
                    FetchSchedule.failureDelay(
                        failures: state.consecutiveFailures, interval: feed.interval ?? policy.defaultInterval,
                        cap: policy.maxBackoff))
            } catch let error as StoreError {
                // The store could not take the feed (disk full, read-only, damaged): a run-level failure.
                // Its fetch state is not saved either, so the body is fetched and stored again next run
                // instead of being skipped as unchanged.
                throw error
            } catch {
                report.status = .failed
                report.problems.append("\(label): \(error)")
            }
        case .notModified, .unchanged:
            report.status = .notModified
        case .failed(let failure):
            report.status = .failed
            report.problems.append("\(label): \(failure.description)")
        case .gone:
            report.status = .gone
            report.problems.append(
                "\(label): the server says the feed is gone (410); Gazette stops polling it. "
                    + "Remove it with `gazette remove \(feed.key)`")
        }
        if !dryRun, let store { try store.saveFetchState(state) }
        return report
    }

    /// A feed-level failure after a successful fetch (not a feed, invalid rule…).
    private struct ParseFailure: Error { var message: String }

    private func parse(
        _ document: FetchedDocument, feed: FeedConfig, index: Int, previous: FeedFetchState,
        state: inout FeedFetchState, report: inout FeedRunReport
    ) throws -> ParsedFeed {
        if let rule = feed.html {
            let scraper = HTMLListingScraper(keyPath: "feeds[\(index)].html")
            let scraped: HTMLScrapeReport
            do {
                scraped = try scraper.scrapeReport(
                    document.body, url: document.finalURL, rule: rule, httpCharset: document.charset)
            } catch {
                throw ParseFailure(message: error.description)
            }
            if let warning = HTMLListingScraper.layoutChangeWarning(
                source: feed.name ?? feed.key, previousMatchCount: previous.lastMatchCount,
                currentMatchCount: scraped.matchCount)
            {
                report.problems.append(warning)
            }
            state.lastMatchCount = scraped.matchCount
            return scraped.feed
        }
        do {
            return try parser.parse(document.body, url: document.finalURL, httpCharset: document.charset)
        } catch {
            throw ParseFailure(message: error.description)
        }
    }

    /// Applies the source's keyword filter and collapses text an item repeats within itself.
    private func tidy(_ items: [FeedItem], filter: KeywordFilter?) -> [FeedItem] {
        var kept: [FeedItem] = []
        kept.reserveCapacity(items.count)
        for var item in items {
            if let filter {
                let summaryText = item.summary.map { sanitizer.plainText(fromHTML: $0) }
                guard filter.matches(title: item.title, summary: summaryText, categories: item.categories) else { continue }
            }
            if item.content != nil {
                item.content = collapser.collapse(summary: item.summary, content: item.content)
            }
            kept.append(item)
        }
        return kept
    }
}
