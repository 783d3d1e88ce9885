import Foundation

/// What one run did, for the report at the end and for tests.
public struct RunSummary: Sendable, Hashable {
    /// Feeds in `feeds.json`.
    public var feedsConfigured = 0
    /// Feeds that were due (or all, with `--force`) and were fetched.
    public var feedsAttempted = 0
    /// Feeds whose new body was parsed and stored.
    public var fetched = 0
    /// Feeds that answered 304 Not Modified.
    public var notModified = 0
    /// Feeds that answered 200 with the very body parsed last time (nothing to parse).
    public var unchanged = 0
    /// Feeds that failed (fetch or parse) this time.
    public var failed = 0
    /// Feeds that answered 410 Gone.
    public var gone = 0
    /// Items parsed from fetched feeds (after filters); what a dry run reports.
    public var itemsParsed = 0
    public var newArticles = 0
    public var updatedArticles = 0
    /// Items that joined an article already known from another feed.
    public var mergedArticles = 0
    /// Articles expired by retention.
    public var expiredArticles = 0
    /// Section ids whose Atom or JSON Feed file was rewritten (a run after a failed write may only need one).
    public var sectionsRewritten: [String] = []
    /// Problems with sources a person should look at: failed feeds, moved feeds, layout changes.
    public var problems: [RunProblem] = []
    /// Problems that belong to no one source (files in the output folder that no section owns…).
    public var warnings: [String] = []
    /// Informational notes (autodiscovered feeds, a feed whose malformed XML is now recovered…).
    public var notes: [String] = []
    public var dryRun = false
    /// With `--dry-run`: what each section would gain and lose.
    public var sectionChanges: [SectionChange] = []
    /// When no feed was due: the earliest time one will be…
    public var nextDueDate: Date?
    /// … and that feed's name.
    public var nextDueSource: String?
    /// The run's clock (`nextDue` is reported relative to it).
    public var now = Date()
    /// The folder the published files are in (nil for a dry run).
    public var outputDirectory: String?
    /// Wall-clock seconds the run took.
    public var elapsed: TimeInterval = 0

    public init() {}

    /// What `--dry-run` found one section would gain and lose, by entry title.
    public struct SectionChange: Sendable, Hashable {
        public var sectionID: String
        public var added: [String]
        public var removed: [String]

        public init(sectionID: String, added: [String], removed: [String]) {
            self.sectionID = sectionID
            self.added = added
            self.removed = removed
        }
    }

    /// The warning lines (without `warning: `): source problems, a host that is down once, then the rest.
    public var problemLines: [String] { RunProblem.reportLines(problems) + warnings }

    /// The lines printed at the end of a run: with `--dry-run`, what each section would gain and
    /// lose; then the one-line summary.
    public var lines: [String] {
        var lines: [String] = []
        if dryRun {
            for change in sectionChanges {
                if change.added.isEmpty && change.removed.isEmpty {
                    lines.append("\(change.sectionID): no change")
                    continue
                }
                lines.append(
                    "\(change.sectionID): would add \(Self.count(change.added.count, "entry", "entries")), "
                        + "remove \(Self.count(change.removed.count, "entry", "entries"))")
                let shown = 10
                for title in change.added.prefix(shown) { lines.append("  + \(title)") }
                if change.added.count > shown { lines.append("  + … and \(change.added.count - shown) more") }
                for title in change.removed.prefix(shown) { lines.append("  - \(title)") }
                if change.removed.count > shown { lines.append("  - … and \(change.removed.count - shown) more") }
            }
        }
        lines.append(line)
        return lines
    }

    /// The one line that ends a run.
    public var line: String {
        let prefix = dryRun ? "dry run: " : ""
        let due = "\(prefix)\(feedsAttempted) of \(Self.count(feedsConfigured, "feed", "feeds")) due"
        if feedsAttempted == 0 && !dryRun {
            var text = due
            if let date = nextDueDate {
                text += "; the next, \(nextDueSource ?? "a feed"), is due \(Self.when(date, now: now))"
            }
            text += "; `gazette run --force` fetches every feed now"
            if !sectionsRewritten.isEmpty {
                text += "; \(Self.count(sectionsRewritten.count, "section", "sections")) rewritten (feeds.json changed)"
            }
            if let outputDirectory { text += "; files in \(outputDirectory)" }
            return text
        }
        var text = due + ": \(fetched) fetched, \(notModified) not modified"
        if unchanged > 0 { text += ", \(unchanged) unchanged" }
        text += ", \(failed) failed"
        if gone > 0 { text += ", \(gone) gone" }
        if dryRun {
            text += "; \(Self.count(itemsParsed, "item", "items")) parsed; nothing written"
        } else {
            text += "; \(newArticles) new, \(updatedArticles) updated"
            if mergedArticles > 0 { text += ", \(mergedArticles) merged into known" }
            text += " articles"
            text += "; \(Self.count(sectionsRewritten.count, "section", "sections")) rewritten"
        }
        text += " in " + String(format: "%.1fs", elapsed)
        if !dryRun, let outputDirectory { text += "; files in \(outputDirectory)" }
        return text
    }

    /// `1 feed`, `2 feeds`.
    public static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(value) \(value == 1 ? singular : plural)"
    }

    /// `in 28m (at 14:05)`, local time; `now` when it is already due.
    static func when(_ date: Date, now: Date) -> String {
        guard date > now else { return "now" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = date.timeIntervalSince(now) < 86_400 ? "HH:mm" : "yyyy-MM-dd HH:mm"
        return "\(SourceHealth.relative(date, now: now)) (at \(formatter.string(from: date)))"
    }
}
