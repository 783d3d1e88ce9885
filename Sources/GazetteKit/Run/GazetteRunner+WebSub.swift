import Foundation

/// WebSub publishing after a run: which feeds changed, and telling `site.hubs` about them.
extension GazetteRunner {
    /// The self URLs of the head feeds (`<id>.xml`, `<id>.json`) that `report` rewrote, in section order.
    static func changedTopics(config: GazetteConfig, report: PublishReport) -> [String] {
        let base = PublishedSection.baseURL(of: config.site)
        let written = Set(report.written)
        return config.sections.flatMap { section in
            ["xml", "json"].filter { written.contains(section.id + "." + $0) }.map { base + section.id + "." + $0 }
        }
    }

    /// Queues a ping to every hub for every changed feed (and forgets pings to hubs no longer
    /// configured); a failure is logged, never thrown.
    func queueHubPings(store: ArticleStore, report: PublishReport, now: Date) {
        let hubs = config.site.hubs.map(\.absoluteString)
        do {
            try store.forgetHubPings(except: hubs)
            try store.queueHubPings(hubs: hubs, topics: Self.changedTopics(config: config, report: report), now: now)
        } catch {
            logger.warning("WebSub: cannot queue pings: \(error.description)")
        }
    }

    /// Queues pings for what this run changed, then sends every due ping (this run's and earlier
    /// failed ones whose backoff has passed). Returns notes and problems for the summary; never throws.
    func notifyHubs(store: ArticleStore, report: PublishReport, now: Date) async -> (notes: [String], problems: [String]) {
        queueHubPings(store: store, report: report, now: now)
        let due: [WebSubNotifier.Ping]
        do {
            due = try store.dueHubPings(now: now)
        } catch {
            return ([], ["WebSub: cannot read queued pings: \(error.description)"])
        }
        guard !due.isEmpty else { return ([], []) }
        let outcomes = await options.webSub.send(due)
        var notes: [String] = []
        var problems: [String] = []
        let accepted = outcomes.filter { $0.failure == nil }.count
        if accepted > 0 { notes.append("WebSub: \(accepted) hub notification\(accepted == 1 ? "" : "s") accepted") }
        let dropped: [WebSubNotifier.Ping]
        do {
            dropped = try store.recordHubPingOutcomes(outcomes, now: now)
        } catch {
            return (notes, problems + ["WebSub: cannot record ping results: \(error.description)"])
        }
        for outcome in outcomes {
            guard let failure = outcome.failure else { continue }
            let ping = outcome.ping
            if dropped.contains(ping) {
                problems.append(
                    "WebSub hub \(ping.hub) did not accept the ping for \(ping.topic) (\(failure)); gave up after \(WebSubNotifier.maxAttempts) attempts"
                )
            } else {
                let wait = Int(WebSubNotifier.retryDelay(afterFailures: ping.attempts + 1) / 60)
                problems.append(
                    "WebSub hub \(ping.hub) did not accept the ping for \(ping.topic) (\(failure)); retrying on a run at least \(wait) minutes from now"
                )
            }
        }
        return (notes, problems)
    }
}
