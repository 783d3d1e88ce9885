import Foundation

/// What one run did, for the one-line summary at the end and for tests.
public struct RunSummary: Sendable, Hashable {
    /// Feeds in `feeds.json`.
    public var feedsConfigured = 0
    /// Feeds that were due (or all, with `--force`) and were fetched.
    public var feedsAttempted = 0
    /// Feeds whose new body was parsed and stored.
    public var fetched = 0
    /// Feeds that answered 304 or sent the same body again.
    public var notModified = 0
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
    /// Problems a person should look at: failed feeds, moved feeds, layout changes, broken XML.
    public var problems: [String] = []
    /// Informational notes (e.g. autodiscovered feeds).
    public var notes: [String] = []
    public var dryRun = false
    /// Wall-clock seconds the run took.
    public var elapsed: TimeInterval = 0

    public init() {}

    /// The one line printed at the end of a run.
    public var line: String {
        let prefix = dryRun ? "dry run: " : ""
        let sections = dryRun ? "nothing written" : "\(sectionsRewritten.count) section\(sectionsRewritten.count == 1 ? "" : "s") rewritten"
        var text =
            "\(prefix)\(feedsAttempted) of \(feedsConfigured) feeds due: \(fetched) fetched, \(notModified) not modified, \(failed) failed"
        if gone > 0 { text += ", \(gone) gone" }
        if dryRun {
            text += "; \(itemsParsed) items parsed"
        } else {
            text += "; \(newArticles) new, \(updatedArticles) updated"
            if mergedArticles > 0 { text += ", \(mergedArticles) merged into known" }
            text += " articles"
        }
        text += "; \(sections) in " + String(format: "%.1fs", elapsed)
        return text
    }
}
