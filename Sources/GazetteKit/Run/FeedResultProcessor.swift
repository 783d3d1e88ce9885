import Foundation

/// Turns one feed's fetch result into stored articles: parse (or scrape), filter, tidy, ingest.
///
/// Everything that can go wrong with one feed ends here as a problem in its `FeedRunReport`,
/// never as a thrown error, so one broken feed never stops the others. Only a failing database
/// write is thrown: that is the run's problem, not the feed's.
struct FeedResultProcessor: Sendable {
    var store: ArticleStore?
    var policy: FetchPolicy
    var now: Date

    /// What happened to one feed in this run.
    struct FeedRunReport: Sendable {
        enum Status: Sendable { case fetched, notModified, unchanged, failed, gone }
        var status: Status
        var ingest: IngestReport?
        var itemsParsed = 0
        var problems: [RunProblem] = []
        var notes: [String] = []
    }

    private let parser = FeedParser()
    private let sanitizer = HTMLSanitizer()
    private let collapser = DuplicateTextCollapser()

    /// `store` is the run's store (a scratch copy for `--dry-run`); nil only in tests that store nothing.
    init(store: ArticleStore?, policy: FetchPolicy, now: Date) {
        self.store = store
        self.policy = policy
        self.now = now
    }

    func process(_ result: FetchResult, feed: FeedConfig, index: Int) throws(StoreError) -> FeedRunReport {
        let label = feed.name.map { "\($0) (\(feed.key))" } ?? feed.key
        var report = FeedRunReport(status: .fetched)
        func problem(_ message: String, unreachableHost: String? = nil) {
            report.problems.append(RunProblem(feedKey: feed.key, name: feed.name, message: message, unreachableHost: unreachableHost))
        }
        var state = result.state
        state.feedKey = feed.key
        if let moved = result.permanentRedirect {
            problem(
                "moved permanently to \(moved.absoluteString); Gazette now fetches the new address "
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
                    let first = parsed.diagnostics.first ?? "not well-formed"
                    // A feed that is always malformed is reported once; `gazette list` shows it after that.
                    if result.state.recoveredXML == nil {
                        report.notes.append(
                            "\(label): the feed is malformed XML (\(first)); Gazette recovered what it could. "
                                + "This is reported once; `gazette list` shows it while it lasts")
                    }
                    state.recoveredXML = first
                } else {
                    state.recoveredXML = nil
                }
                if let store {
                    report.ingest = try store.ingest(
                        feedKey: feed.key, feedTitle: feed.name, parsed: parsed, fetchState: state, now: now)
                }
                return report
            } catch let failure as ParseFailure {
                report.status = .failed
                problem(failure.message)
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
                problem("\(error)")
            }
        case .notModified:
            report.status = .notModified
        case .unchanged:
            report.status = .unchanged
        case .failed(let failure):
            report.status = .failed
            // The feed is named once: its URL only again when the failure happened elsewhere (a redirect, a page's feed).
            let elsewhere = failure.location != feed.key && failure.location != feed.url.absoluteString
            let message = elsewhere ? failure.description : failure.reason
            let host = failure.isHostUnreachable ? URL(string: failure.location).map { RunProblem.hostName(of: $0) } : nil
            problem(message, unreachableHost: host)
        case .gone:
            report.status = .gone
            problem("the server says the feed is gone (410); Gazette stops polling it. Remove it with `gazette remove \(feed.key)`")
        }
        if let store { try store.saveFetchState(state) }
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
            if let warning = HTMLListingScraper.matchWarning(
                previousMatchCount: previous.lastMatchCount, currentMatchCount: scraped.matchCount)
            {
                report.problems.append(RunProblem(feedKey: feed.key, name: feed.name, message: warning))
            }
            state.lastMatchCount = scraped.matchCount
            return scraped.feed
        }
        do {
            return try parser.parse(document.body, url: document.finalURL, httpCharset: document.charset)
        } catch {
            // The feed is named once by the report; its address again only when the body came from elsewhere.
            let elsewhere = document.finalURL != feed.url
            switch error {
            case .notAFeed(_, let reason) where !elsewhere: throw ParseFailure(message: "not a feed: \(reason)")
            case .empty where !elsewhere: throw ParseFailure(message: "the document is empty")
            default: throw ParseFailure(message: error.description)
            }
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
