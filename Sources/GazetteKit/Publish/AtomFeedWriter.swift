/// Renders one section as an Atom 1.0 document (RFC 4287) that validates against the RFC's
/// RELAX NG schema and is byte-identical for the same input.
struct AtomFeedWriter {
    var site: SiteConfig

    /// The Atom document for `section`, as UTF-8 bytes.
    func render(_ section: PublishedSection) -> [UInt8] {
        var xml = XMLWriter()
        xml.open("feed", AtomFeedWriter.rootAttributes(section))
        xml.element("id", text: section.feedID)
        xml.element("title", [("type", "text")], text: section.title)
        if let subtitle = section.subtitle {
            xml.element("subtitle", [("type", "text")], text: subtitle)
        }
        xml.element("updated", text: PublishDate.rfc3339(section.updated))
        xml.open("author")
        xml.element("name", text: PublishedEntry.text(site.author) ?? PublishedEntry.text(site.title) ?? "Gazette")
        xml.close()
        if let selfURL = PublishedSection.siteLink(section.selfAtomURL) {
            xml.empty("link", [("rel", "self"), ("type", "application/atom+xml"), ("href", selfURL)])
        }
        writeHistoryLinks(section, to: &xml)
        if let siteURL = PublishedSection.siteLink(section.siteURL) {
            xml.empty("link", [("rel", "alternate"), ("type", "text/html"), ("href", siteURL)])
        }
        // No second `alternate` for the JSON Feed: readers such as newsboat take the last alternate as
        // the site link. index.html advertises both formats instead.
        xml.element(
            "generator", [("uri", GazetteVersion.projectURL), ("version", GazetteVersion.version)], text: "Gazette")
        if let icon = PublishedSection.siteLink(site.icon?.absoluteString) {
            xml.element("icon", text: icon)
        }
        if let logo = PublishedSection.siteLink(site.logo?.absoluteString) {
            xml.element("logo", text: logo)
        }
        for entry in section.entries {
            write(entry, in: section, to: &xml)
        }
        xml.close()
        return xml.data
    }

    private func write(_ entry: PublishedEntry, in section: PublishedSection, to xml: inout XMLWriter) {
        xml.open("entry", [("xml:lang", entry.language(differingFrom: section.language))])
        xml.element("id", text: entry.id)
        xml.element("title", [("type", "text")], text: entry.title)
        if let link = entry.link {
            xml.empty("link", [("rel", "alternate"), ("type", "text/html"), ("href", link)])
        }
        for mention in entry.mentions {
            guard let url = mention.url else { continue }
            xml.empty("link", [("rel", "related"), ("type", "text/html"), ("href", url), ("title", mention.title)])
        }
        for enclosure in entry.enclosures {
            xml.empty(
                "link",
                [
                    ("rel", "enclosure"), ("type", enclosure.type), ("href", enclosure.url),
                    ("length", enclosure.length.map { String($0) }),
                ])
        }
        xml.element("published", text: PublishDate.rfc3339(entry.published))
        xml.element("updated", text: PublishDate.rfc3339(entry.updated))
        for author in entry.authors {
            xml.open("author")
            xml.element("name", text: author.name)
            if let email = author.email { xml.element("email", text: email) }
            if let uri = author.uri { xml.element("uri", text: uri) }
            xml.close()
        }
        for category in entry.categories {
            xml.empty("category", [("term", category)])
        }
        if let image = entry.image {
            xml.empty("media:thumbnail", [("url", image)])
        }
        if let summary = entry.summaryHTML {
            xml.element("summary", [("type", "html")], text: summary)
        }
        if let content = entry.contentHTML {
            xml.element("content", [("type", "html")], text: content)
        } else if entry.link == nil {
            // RFC 4287 §4.1.1: an entry needs an alternate link or content; the title stands in.
            xml.element("content", [("type", "text")], text: entry.title)
        }
        if let source = entry.source {
            xml.open("source")
            if let id = source.id { xml.element("id", text: id) }
            if let title = source.title { xml.element("title", [("type", "text")], text: title) }
            // The source feed was modified at least when this entry was: a stable value, unlike the
            // feed's own latest `updated`, which would rewrite every section on every fetch.
            xml.element("updated", text: PublishDate.rfc3339(entry.updated))
            if let link = source.link { xml.empty("link", [("rel", "alternate"), ("type", "text/html"), ("href", link)]) }
            if let feedURL = source.feedURL { xml.empty("link", [("rel", "self"), ("href", feedURL)]) }
            xml.close()
        }
        xml.close()
    }
}
