import Foundation

/// Writes what Gazette's readers subscribe to: per-section Atom and JSON Feed files, `index.html`
/// and `sources.opml`, atomically and only when their bytes change.
///
/// ```swift
/// let publisher = Publisher(site: config.site, outputDirectory: outputURL)
/// let report = try publisher.publish(sections, sources: listings)
/// ```
///
/// Output is a pure function of the inputs (no run time anywhere, except the month that decides
/// which archive is open), so an unchanged section keeps byte-identical files with their old
/// modification times and web servers keep answering 304.
/// Files of sections no longer configured are left in place (never deleted).
///
/// Decisions readers can rely on:
/// - Feed `id` = the self URL, `<site URL>/<section id>.xml` (a site URL change is a new feed anyway).
/// - Feed `updated` = the newest published entry's `updated`; an empty section uses the Unix epoch.
/// - Entry `id` = the article id when it is an absolute IRI (not `javascript:`/`data:`/`file:`…), else
///   `urn:uuid:` version 5 of the first source's feed key and the article id: stable forever.
/// - Entries: newest `effectiveUpdated` first, ties by id; `maxEntries` per section and
///   `maxPerSource` per first source. Undated articles use their first-seen time; a date more than
///   a day ahead of the fetch that brought it was never stored (`TrustedDates`).
/// - Entry `published` = `Article.effectivePublished`: the source's publication date, else its
///   earliest date (or the first-seen time when earlier), never later than `updated`.
/// - A merged article's other sources: an "Also reported by: …" paragraph at the end of the content
///   and one `link rel="related"` each (not `via`, which Gazette's own parser reads as the original
///   link); the first source is the entry's `atom:source` (always with an `id`: the feed's id, else
///   its URL, else a `urn:uuid:` of its key; no `updated`, which the store only knows as the feed's
///   latest value: it would change every section on every fetch) and the one credited when the
///   article names no author.
/// - With a `PublicationLedger` (a real run), each section also gets RFC 5005 monthly archives
///   (`SectionArchiver`) and its head links `prev-archive` to the current month's; `site.hubs` are
///   named as `rel="hub"`; `xml:lang` is the section's language, an entry's own only when it differs.
/// - Links, enclosures, images and author URIs are published only when they are `http(s)` URLs, and
///   as URIs (`PublishURL.uri(_:)`: IDNA hosts, UTF-8 percent-encoding); an entry's link loses
///   click-tracking parameters. Forbidden XML characters are removed from every value; article HTML
///   is escaped as text, and HTML that still looks active (see `UnsanitizedHTMLGuard`) is shown as
///   visible source instead.
public struct Publisher: Sendable {
    public var site: SiteConfig
    public var outputDirectory: URL
    /// Headlines listed per section on `index.html`.
    public var headlinesPerSection: Int

    /// A publisher for `site` writing into `outputDirectory` (created when missing).
    public init(site: SiteConfig, outputDirectory: URL, headlinesPerSection: Int = 10) {
        self.site = site
        self.outputDirectory = outputDirectory
        self.headlinesPerSection = headlinesPerSection
    }

    /// Publishes every section (ordering and capping its candidate articles) plus the index page
    /// and the OPML list of `sources`; returns which files were rewritten and which were unchanged.
    ///
    /// Files are written in order (archives, sections, then `index.html`, then `sources.opml`); when one
    /// cannot be written the error names it and files already replaced stay valid.
    public func publish(_ sections: [SectionInput], sources: [SourceListing]) throws(PublishError) -> PublishReport {
        try publish(sections, sources: sources, ledger: nil, now: Date())
    }

    /// Publishes as above and, with a `ledger`, also each section's RFC 5005 archive documents
    /// (see `SectionArchiver`), recording the heads in the ledger as the run at `now`. Archive files
    /// are written before the heads that link to them.
    func publish(_ sections: [SectionInput], sources: [SourceListing], ledger: (any PublicationLedger)?, now: Date)
        throws(PublishError) -> PublishReport
    {
        var seen: Set<String> = []
        for input in sections {
            guard Publisher.isValidSectionID(input.section.id) else { throw .invalidSectionID(input.section.id) }
            guard seen.insert(input.section.id).inserted else { throw .duplicateSectionID(input.section.id) }
        }
        var published = sections.map(prepare)
        try createOutputDirectory()

        var files: [(name: String, bytes: [UInt8])] = []
        let history = try planArchives(&published, ledger: ledger, now: now)
        files += history.files
        let atom = AtomFeedWriter(site: site)
        let json = JSONFeedWriter(site: site)
        for section in published {
            files.append((section.id + ".xml", atom.render(section)))
            files.append((section.id + ".json", json.render(section)))
        }
        files.append(
            (
                "index.html",
                IndexPageWriter(site: site, headlinesPerSection: headlinesPerSection, archivedSections: history.archivedSections)
                    .render(published)
            ))
        files.append(("sources.opml", OPMLWriter(site: site).render(sections: published, sources: sources)))

        var report = PublishReport()
        for section in published {
            report.entryCounts[section.id] = section.entries.count
        }
        let writer = AtomicFileWriter()
        report.removedLeftovers = writer.removeLeftovers(in: outputDirectory)
        for id in history.archivedSections.sorted() {
            let folder = outputDirectory.appendingPathComponent(id + "/archive", isDirectory: true)
            try createDirectory(folder)
            report.removedLeftovers += writer.removeLeftovers(in: folder).map { id + "/archive/" + $0 }
        }
        for file in files {
            switch try writer.write(file.bytes, to: outputDirectory.appendingPathComponent(file.name)) {
            case .written: report.written.append(file.name)
            case .unchanged: report.unchanged.append(file.name)
            }
        }
        if let ledger {
            for (section, period) in history.finalizing {
                try ledger.markFinalized(section: section, period: period)
            }
        }
        return report
    }

    /// Orders and caps one section's candidates, then prepares its entries.
    func prepare(_ input: SectionInput) -> PublishedSection {
        let chosen = EntrySelection.select(
            input.articles, maxEntries: input.section.maxEntries, maxPerSource: input.section.maxPerSource)
        return PublishedSection(section: input.section, site: site, articles: chosen)
    }

    /// True when `id` is safe as a file name: 1–100 characters from `A-Z a-z 0-9 . _ -`, not starting with `.`.
    static func isValidSectionID(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= 100, !id.hasPrefix(".") else { return false }
        return id.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "." || scalar == "_" || scalar == "-"
        }
    }

    private func createOutputDirectory() throws(PublishError) {
        try createDirectory(outputDirectory)
    }

    func createDirectory(_ url: URL) throws(PublishError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateDirectory(path: url.path, reason: error.localizedDescription)
        }
    }
}
