import Foundation

/// What the publisher needs remembered between runs to keep RFC 5005 archives: every entry a
/// section published, the archive month it belongs to, and which months are finalized.
///
/// Retention removes articles from the store; it never removes what the ledger recorded, so an
/// archive keeps what was published. `ArticleStore` is the ledger of a real run.
protocol PublicationLedger: Sendable {
    /// Records what `section`'s head carries now and returns the section's archive months.
    ///
    /// An entry seen for the first time joins `period` (or the section's newest recorded month, if
    /// that is later: the clock never reopens a month); an entry already in the open month is
    /// updated to its latest version; entries of earlier months are left exactly as they were.
    func recordHead(section: String, entries: [PublishedEntry], period: ArchivePeriod, now: Date) throws(PublishError)
        -> SectionArchiveState?

    /// The entries recorded for `section` in `period`, in any order.
    func archivedEntries(section: String, period: ArchivePeriod) throws(PublishError) -> [PublishedEntry]

    /// Remembers that `period`'s documents were written for the last time.
    func markFinalized(section: String, period: ArchivePeriod) throws(PublishError)
}

/// A section's archive months: every month from the first one with a published entry to the
/// open one (the current month, or later if the clock went back), and the finalized ones.
struct SectionArchiveState: Sendable, Hashable {
    var first: ArchivePeriod
    var open: ArchivePeriod
    var finalized: Set<ArchivePeriod>

    /// Every archive month, oldest first.
    var periods: [ArchivePeriod] { ArchivePeriod.months(from: first, through: open) }
}
