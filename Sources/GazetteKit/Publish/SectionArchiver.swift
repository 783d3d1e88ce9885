import Foundation

/// Decides which of a section's RFC 5005 archive documents to write on this run, and renders them.
///
/// Layout: `<section>/archive/<YYYY-MM>.xml` (Atom, `fh:archive`), `.json` (JSON Feed) and `.html`
/// (the month's headlines) for every month from the section's first published entry to the current
/// one, even a month with no entries, so each document's neighbours are known when it is written.
///
/// - The open (current) month is rewritten whenever its entries change.
/// - A month that has ended is written one last time (now with `next-archive`) and then never
///   again: on later runs its files are only recreated if they are missing.
/// - The head links `prev-archive` to the open month.
struct SectionArchiver {
    var site: SiteConfig
    var ledger: any PublicationLedger
    var now: Date

    /// The files to write for `section` (paths relative to the output folder), the months to mark
    /// finalized once they are written, and the head with its archive links.
    struct Plan {
        var head: PublishedSection
        var files: [(name: String, bytes: [UInt8])] = []
        var finalizing: [ArchivePeriod] = []
        var state: SectionArchiveState?
    }

    func plan(_ section: PublishedSection, outputDirectory: URL) throws(PublishError) -> Plan {
        var plan = Plan(head: section)
        guard
            let state = try ledger.recordHead(
                section: section.id, entries: section.entries, period: ArchivePeriod(containing: now), now: now)
        else { return plan }
        plan.state = state
        plan.head.history = FeedHistory(period: nil, previous: state.open, next: nil)
        let periods = state.periods
        for (index, period) in periods.enumerated() {
            let previous = index > 0 ? periods[index - 1] : nil
            let isOpen = period == state.open
            let next = isOpen ? nil : periods[index + 1]
            let names = ["xml", "json", "html"].map { PublishedSection.archivePath(section: section.id, period: period, ext: $0) }
            var wanted = names
            if state.finalized.contains(period) {
                wanted = names.filter { !FileManager.default.fileExists(atPath: outputDirectory.appendingPathComponent($0).path) }
                if wanted.isEmpty { continue }
            } else if !isOpen {
                plan.finalizing.append(period)
            }
            let entries = try ledger.archivedEntries(section: section.id, period: period)
            let archive = section.archive(period, previous: previous, next: next, entries: entries)
            for name in wanted {
                let bytes: [UInt8]
                if name.hasSuffix(".xml") {
                    bytes = AtomFeedWriter(site: site).render(archive)
                } else if name.hasSuffix(".json") {
                    bytes = JSONFeedWriter(site: site).render(archive)
                } else {
                    bytes = ArchivePageWriter(site: site).renderMonth(archive)
                }
                plan.files.append((name, bytes))
            }
        }
        plan.files.append(
            (section.id + "/archive/index.html", ArchivePageWriter(site: site).renderIndex(plan.head, periods: periods)))
        return plan
    }
}
