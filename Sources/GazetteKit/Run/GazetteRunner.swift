import Foundation
import Logging

/// The job cron runs: fetch the feeds that are due, store what is new, republish the sections.
///
/// It holds the run lock for its whole duration, so overlapping cron runs cannot interleave;
/// a feed's failure is reported in the summary and never stops the others.
public struct GazetteRunner: Sendable {
    public var config: GazetteConfig
    public var options: RunOptions
    public var logger: Logger

    public init(config: GazetteConfig, options: RunOptions = RunOptions(), logger: Logger = Logger(label: "gazette")) {
        self.config = config
        self.options = options
        self.logger = logger
    }

    /// Loads and validates `feeds.json` (including every HTML rule's XPath), reporting every problem at once.
    public static func loadConfig(from file: URL) throws(RunError) -> GazetteConfig {
        do {
            return try GazetteConfig.load(from: file)
        } catch {
            throw .configuration(error)
        }
    }

    /// Runs fetch → parse → store → publish once. `progress(done, total)` is called as feeds finish.
    public func run(now: Date = Date(), progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async throws(RunError)
        -> RunSummary
    {
        let started = Date()
        var summary = RunSummary()
        summary.dryRun = options.dryRun
        summary.feedsConfigured = config.feeds.count
        let databasePath = options.databasePath(for: config)
        try checkPaths()

        // The lock first: a second run must leave at once without touching anything.
        let lock: RunLock?
        do {
            lock = options.dryRun ? nil : try RunLock.acquire(forDatabaseAt: databasePath, now: now)
        } catch {
            if case .runInProgress = error { throw .locked(error) }
            throw .database(error)
        }
        defer { lock?.release() }

        // A dry run works on a scratch copy of the store, so it can say what each section would gain
        // and lose without touching the real one.
        let store: ArticleStore?
        var dryRunCopy: DryRunStore?
        do {
            if options.dryRun {
                let copy = try DryRunStore(copying: databasePath)
                dryRunCopy = copy
                store = copy.store
            } else {
                store = try ArticleStore(path: databasePath)
            }
        } catch {
            throw .database(error)
        }
        defer { dryRunCopy?.remove() }
        summary.now = now
        // What each section shows now, for a dry run to compare with.
        var before: [SectionInput] = []
        if let copy = dryRunCopy {
            do {
                before = try SectionAssembler(config: config, store: copy.store).sectionInputs()
            } catch {
                throw .database(error)
            }
        }

        // Which feeds are due.
        let states: [String: FeedFetchState]
        do {
            states = Dictionary(try store?.allFetchStates().map { ($0.feedKey, $0) } ?? []) { a, _ in a }
        } catch {
            throw .database(error)
        }
        var due: [(index: Int, feed: FeedConfig, request: FetchRequest)] = []
        for (index, feed) in config.feeds.enumerated() {
            let request = FetchRequest(feed: feed, state: states[feed.key])
            let longestWait = max(options.fetchPolicy.maxBackoff, config.interval(for: feed))
            if FetchSchedule.isDue(request.state, now: now, force: options.force, longestWait: longestWait) {
                due.append((index, feed, request))
            } else if request.state?.gone == true {
                logger.debug("skipping \(feed.key): gone (410); --force checks it again")
            } else if let next = request.state?.nextFetch, next < (summary.nextDueDate ?? .distantFuture) {
                summary.nextDueDate = next
                summary.nextDueSource = feed.name ?? request.state?.title ?? feed.key
            }
        }
        summary.feedsAttempted = due.count
        logger.debug("\(due.count) of \(config.feeds.count) feeds are due")

        // Feeds without their own interval wait feeds.json's default one.
        var policy = options.fetchPolicy
        policy.defaultInterval = config.defaults.interval
        let processor = FeedResultProcessor(store: store, policy: policy, now: now)
        let collector = InOrderCollector(
            processor: processor, due: due.map { ($0.index, $0.feed) }, progress: progress)
        let logger = self.logger
        let handle: @Sendable (FetchResult) async -> Void = { result in
            logger.debug(
                "\(result.requestedURL.absoluteString): \(Self.describe(result.outcome)) in \(String(format: "%.2f", result.elapsed))s")
            await collector.submit(result)
        }
        // HTML listing pages are fetched without feed autodiscovery (the page itself is the source).
        var pagePolicy = policy
        pagePolicy.autodiscovery = false
        let feedRequests = due.filter { $0.feed.html == nil }.map(\.request)
        let pageRequests = due.filter { $0.feed.html != nil }.map(\.request)
        async let feedsDone: [FetchResult] = Fetcher(policy: policy).fetchAll(feedRequests, onResult: handle)
        async let pagesDone: [FetchResult] = Fetcher(policy: pagePolicy).fetchAll(pageRequests, onResult: handle)
        _ = await (feedsDone, pagesDone)

        let collected = await collector.result()
        if let error = collected.storeError { throw .database(error) }
        for report in collected.reports {
            switch report.status {
            case .fetched: summary.fetched += 1
            case .notModified: summary.notModified += 1
            case .unchanged: summary.unchanged += 1
            case .failed: summary.failed += 1
            case .gone: summary.gone += 1
            }
            summary.newArticles += report.ingest?.new ?? 0
            summary.updatedArticles += report.ingest?.updated ?? 0
            summary.mergedArticles += report.ingest?.merged ?? 0
            summary.problems += report.problems
            summary.notes += report.notes
            summary.itemsParsed += report.itemsParsed
        }

        let outputDirectory = options.outputDirectory(for: config)
        if let store {
            let inputs: [SectionInput]
            let sources: [SourceListing]
            do {
                try store.forgetUntrustedDates(now: now)
                let retention = try store.applyRetention(
                    now: now, maxAge: options.retention, keepPerFeed: options.keepPerFeed)
                summary.expiredArticles = retention.expiredArticleIDs.count
                let assembler = SectionAssembler(config: config, store: store)
                inputs = try assembler.sectionInputs()
                sources = try assembler.sourceListings()
            } catch {
                throw .database(error)
            }
            let publisher = Publisher(site: config.site, outputDirectory: outputDirectory)
            if options.dryRun {
                summary.sectionChanges = Self.changes(from: before, to: inputs, publisher: publisher)
            } else {
                let report: PublishReport
                do {
                    report = try publisher.publish(inputs, sources: sources, ledger: store, now: now)
                } catch {
                    throw .output(error)
                }
                summary.sectionsRewritten = config.sections.map(\.id).filter {
                    report.written.contains("\($0).xml") || report.written.contains("\($0).json")
                }
                summary.outputDirectory = outputDirectory.path
                let hubs = await notifyHubs(store: store, report: report, now: now)
                summary.notes += hubs.notes
                summary.warnings += hubs.problems
            }
        }
        let retired = RetiredSectionFiles.find(in: outputDirectory, sectionIDs: config.sections.map(\.id))
        if let warning = RetiredSectionFiles.warning(retired, in: outputDirectory) { summary.warnings.append(warning) }
        if !options.dryRun && summary.outputDirectory == nil { summary.outputDirectory = outputDirectory.path }
        summary.elapsed = Date().timeIntervalSince(started)
        return summary
    }

    /// What each section would gain and lose going from `before` to `after`, by published entry.
    static func changes(from before: [SectionInput], to after: [SectionInput], publisher: Publisher) -> [RunSummary.SectionChange] {
        let old = Dictionary(before.map { ($0.section.id, publisher.prepare($0).entries) }) { a, _ in a }
        return after.map { input in
            let new = publisher.prepare(input).entries
            let previous = old[input.section.id] ?? []
            let previousIDs = Set(previous.map(\.id))
            let newIDs = Set(new.map(\.id))
            return RunSummary.SectionChange(
                sectionID: input.section.id,
                added: new.filter { !previousIDs.contains($0.id) }.map(\.title),
                removed: previous.filter { !newIDs.contains($0.id) }.map(\.title))
        }
    }

    /// Refuses, before anything is fetched or written (the run lock included), an output folder and
    /// database that overlap, a database path that is a folder, or an output path that is a file.
    private func checkPaths() throws(RunError) {
        let output = options.outputDirectory(for: config)
        let databasePath = options.databasePath(for: config)
        if let problem = RunPaths.conflict(output: output, database: URL(fileURLWithPath: databasePath)) {
            throw .conflictingPaths(problem)
        }
        if let problem = ArticleStore.folderProblem(at: databasePath) { throw .database(problem) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw .output(.cannotCreateDirectory(path: output.path, reason: "it is a file, not a folder"))
        }
    }

    /// Republishes every section from the store without fetching (`gazette publish`), under the run lock.
    public func publish(now: Date = Date()) throws(RunError) -> PublishReport {
        let databasePath = options.databasePath(for: config)
        try checkPaths()
        let lock: RunLock
        do {
            lock = try RunLock.acquire(forDatabaseAt: databasePath)
        } catch {
            if case .runInProgress = error { throw .locked(error) }
            throw .database(error)
        }
        defer { lock.release() }
        let inputs: [SectionInput]
        let sources: [SourceListing]
        let store: ArticleStore
        do {
            store = try ArticleStore(path: databasePath)
            try store.forgetUntrustedDates(now: now)
            let assembler = SectionAssembler(config: config, store: store)
            inputs = try assembler.sectionInputs()
            sources = try assembler.sourceListings()
        } catch {
            throw .database(error)
        }
        let report: PublishReport
        do {
            report = try Publisher(site: config.site, outputDirectory: options.outputDirectory(for: config))
                .publish(inputs, sources: sources, ledger: store, now: now)
        } catch {
            throw .output(error)
        }
        // Hubs are told on the next `gazette run`, which sends queued pings.
        queueHubPings(store: store, report: report, now: now)
        return report
    }

    static func describe(_ outcome: FetchOutcome) -> String {
        switch outcome {
        case .fetched(let document): "200, \(document.body.count) bytes"
        case .notModified: "304 not modified"
        case .unchanged: "200, body unchanged"
        case .failed(let failure): "failed: \(failure.description)"
        case .gone: "410 gone"
        }
    }
}

/// Processes fetch results in the order `feeds.json` lists the feeds, whatever order they land in, so
/// a story carried by several feeds in one run keeps the id of the copy from the feed listed first, and
/// two runs over the same inputs store the same thing. Also drives the progress callback.
private actor InOrderCollector {
    let processor: FeedResultProcessor
    let due: [(index: Int, feed: FeedConfig)]
    let positionByKey: [String: Int]
    let progress: @Sendable (Int, Int) -> Void
    var waiting: [Int: FetchResult] = [:]
    var next = 0
    var arrived = 0
    var reports: [FeedResultProcessor.FeedRunReport] = []
    var storeError: StoreError?

    init(processor: FeedResultProcessor, due: [(index: Int, feed: FeedConfig)], progress: @escaping @Sendable (Int, Int) -> Void) {
        self.processor = processor
        self.due = due
        self.positionByKey = Dictionary(due.enumerated().map { ($1.feed.key, $0) }) { a, _ in a }
        self.progress = progress
    }

    func submit(_ result: FetchResult) {
        guard let position = positionByKey[result.feedKey] else { return }
        waiting[position] = result
        arrived += 1
        progress(arrived, due.count)
        while let ready = waiting.removeValue(forKey: next) {
            let (index, feed) = due[next]
            next += 1
            do throws(StoreError) {
                reports.append(try processor.process(ready, feed: feed, index: index))
            } catch {
                if storeError == nil { storeError = error }
            }
        }
    }

    func result() -> (reports: [FeedResultProcessor.FeedRunReport], storeError: StoreError?) { (reports, storeError) }
}
