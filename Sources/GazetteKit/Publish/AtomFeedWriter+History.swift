/// The Atom elements for WebSub, RFC 5005 archives and languages: root namespaces and `xml:lang`,
/// `rel="hub"` links, `current` / `prev-archive` / `next-archive` links and `fh:archive`.
extension AtomFeedWriter {
    /// The `feed` element's attributes: the Atom namespace, `fh` for archives, `media` when an entry
    /// has a lead image, and `xml:lang` when the section has a language.
    static func rootAttributes(_ section: PublishedSection) -> [XMLWriter.Attribute] {
        var attributes: [XMLWriter.Attribute] = [("xmlns", "http://www.w3.org/2005/Atom")]
        if section.isArchive { attributes.append(("xmlns:fh", FeedHistory.namespace)) }
        if section.entries.contains(where: { $0.image != nil }) { attributes.append(("xmlns:media", "http://search.yahoo.com/mrss/")) }
        attributes.append(("xml:lang", section.language))
        return attributes
    }

    /// Hub links (head only) and the archive chain's links, right after `rel="self"`.
    func writeHistoryLinks(_ section: PublishedSection, to xml: inout XMLWriter) {
        for hub in section.hubs {
            xml.empty("link", [("rel", "hub"), ("href", hub)])
        }
        guard let history = section.history else { return }
        if history.period != nil, let current = PublishedSection.siteLink(section.atomURL) {
            xml.empty("link", [("rel", "current"), ("type", "application/atom+xml"), ("href", current)])
        }
        if let previous = history.previous, let url = PublishedSection.siteLink(section.archiveURL(previous, ext: "xml")) {
            xml.empty("link", [("rel", "prev-archive"), ("type", "application/atom+xml"), ("href", url)])
        }
        if let next = history.next, let url = PublishedSection.siteLink(section.archiveURL(next, ext: "xml")) {
            xml.empty("link", [("rel", "next-archive"), ("type", "application/atom+xml"), ("href", url)])
        }
        if history.period != nil {
            xml.empty("fh:archive")
        }
    }
}
