/// Where one feed document sits in its section's RFC 5005 §4 archive chain, so the writers can
/// emit `prev-archive`, `next-archive`, `current` and `fh:archive` (and JSON Feed's `next_url`).
///
/// The head (subscription document) has `period == nil` and links `previous` to the newest archive;
/// an archive document links the month before it and, once its month has closed, the month after.
struct FeedHistory: Sendable, Hashable {
    /// The archive month this document holds; nil for the head.
    var period: ArchivePeriod?
    /// The archive before this document (`prev-archive`, JSON Feed `next_url`).
    var previous: ArchivePeriod?
    /// The archive after this one (`next-archive`); nil for the head and the open month.
    var next: ArchivePeriod?

    /// The RFC 5005 namespace of `fh:archive`.
    static let namespace = "http://purl.org/syndication/history/1.0"
}

extension PublishedSection {
    /// True for an archive document.
    var isArchive: Bool { history?.period != nil }

    /// The path of an archive document below the output folder: `<section>/archive/<YYYY-MM>.<ext>`.
    static func archivePath(section: String, period: ArchivePeriod, ext: String) -> String {
        section + "/archive/" + period.name + "." + ext
    }

    /// The public URL of this section's archive document for `period`.
    func archiveURL(_ period: ArchivePeriod, ext: String) -> String {
        siteURL + PublishedSection.archivePath(section: id, period: period, ext: ext)
    }

    /// This document's own Atom URL (`rel="self"`): the head's, or the archive month's.
    var selfAtomURL: String { history?.period.map { archiveURL($0, ext: "xml") } ?? atomURL }

    /// This document's own JSON Feed URL.
    var selfJSONURL: String { history?.period.map { archiveURL($0, ext: "json") } ?? jsonURL }

    /// The archive document for `period` of this section: its entries, `updated` (the newest entry's,
    /// else the month's first instant) and links; the title names the month.
    func archive(_ period: ArchivePeriod, previous: ArchivePeriod?, next: ArchivePeriod?, entries: [PublishedEntry])
        -> PublishedSection
    {
        var archive = self
        archive.entries = entries.sorted { a, b in
            a.updated != b.updated ? a.updated > b.updated : a.id.unicodeScalars.lexicographicallyPrecedes(b.id.unicodeScalars)
        }
        archive.updated = archive.entries.map(\.updated).max() ?? period.start
        archive.title = title + " (archive " + period.name + ")"
        archive.hubs = []
        archive.history = FeedHistory(period: period, previous: previous, next: next)
        return archive
    }
}
