import Foundation

/// One line per source for `gazette list`: last success, last error, items, next fetch, moved/gone.
public struct SourceHealth: Sendable {
    /// A printable line, flagged when it shows a problem (`--quiet` prints only those).
    public struct Line: Sendable {
        public var text: String
        public var isProblem: Bool
    }

    /// The lines for every source in `config`, using the stored fetch states.
    public static func lines(config: GazetteConfig, states: [String: FeedFetchState], now: Date) -> [Line] {
        config.feeds.map { feed in
            let state = states[feed.key]
            var parts: [String] = []
            var problem = false
            // Each source names its URL once: after its name, or alone when it has none yet.
            let name = (feed.name ?? state?.title).map { "\($0) <\(feed.key)>" } ?? feed.key
            parts.append("\(name) [\(feed.sections.joined(separator: ", "))]")
            guard let state else {
                parts.append("never fetched")
                return Line(text: parts.joined(separator: " — "), isProblem: false)
            }
            parts.append("last success " + (state.lastSuccess.map { relative($0, now: now) } ?? "never"))
            if let count = state.itemCount { parts.append(RunSummary.count(count, "item", "items")) }
            if let error = state.lastError {
                problem = true
                parts.append("ERROR (\(state.consecutiveFailures)×): \(Self.withoutURL(error, of: feed))")
            }
            if state.gone {
                problem = true
                parts.append("GONE (410): no longer polled")
            } else if let next = state.nextFetch {
                parts.append("next fetch " + (next <= now ? "due now" : relative(next, now: now)))
            }
            if let moved = state.movedTo {
                problem = true
                parts.append("MOVED permanently to \(moved): update feeds.json")
            }
            if let recovered = state.recoveredXML {
                parts.append("malformed XML, recovered (\(recovered))")
            }
            if feed.html != nil, state.lastMatchCount == 0 {
                problem = true
                parts.append("the item rule matched nothing last time: the page layout may have changed")
            }
            return Line(text: parts.joined(separator: " — "), isProblem: problem)
        }
    }

    /// `error` without a leading `<feed URL>: `, which the line already shows.
    static func withoutURL(_ error: String, of feed: FeedConfig) -> String {
        for prefix in [feed.key + ": ", feed.url.absoluteString + ": "] where error.hasPrefix(prefix) {
            return String(error.dropFirst(prefix.count))
        }
        return error
    }

    static func relative(_ date: Date, now: Date) -> String {
        let seconds = Int(date.timeIntervalSince(now).rounded())
        let magnitude = abs(seconds)
        let amount: String
        switch magnitude {
        case ..<60: amount = "\(magnitude)s"
        case ..<3600: amount = "\(magnitude / 60)m"
        case ..<86_400: amount = "\(magnitude / 3600)h\(magnitude % 3600 / 60 > 0 ? " \(magnitude % 3600 / 60)m" : "")"
        default: amount = "\(magnitude / 86_400)d"
        }
        return seconds <= 0 ? "\(amount) ago" : "in \(amount)"
    }
}
