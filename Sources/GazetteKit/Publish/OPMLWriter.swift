/// Renders `sources.opml` (OPML 2.0): every source grouped under the sections it feeds, so a reader
/// can subscribe to Gazette's sources directly.
struct OPMLWriter {
    var site: SiteConfig

    /// The OPML document, as UTF-8 bytes. Sections keep their order; sources keep the order given.
    /// Sources naming no published section are listed last under "Other sources".
    func render(sections: [PublishedSection], sources: [SourceListing]) -> [UInt8] {
        var xml = XMLWriter()
        xml.open("opml", [("version", "2.0")])
        xml.open("head")
        xml.element("title", text: (PublishedEntry.text(site.title) ?? "Gazette") + ": sources")
        if let owner = PublishedEntry.text(site.author) {
            xml.element("ownerName", text: owner)
        }
        xml.element("docs", text: "http://opml.org/spec2.opml")
        xml.close()
        xml.open("body")
        let known = Set(sections.map(\.id))
        for section in sections {
            let members = sources.filter { $0.sectionIDs.contains(section.id) }
            group(title: section.title, sources: members, into: &xml)
        }
        let orphans = sources.filter { !$0.sectionIDs.contains(where: known.contains) }
        if !orphans.isEmpty {
            group(title: "Other sources", sources: orphans, into: &xml)
        }
        xml.close()
        xml.close()
        return xml.data
    }

    private func group(title: String, sources: [SourceListing], into xml: inout XMLWriter) {
        guard !sources.isEmpty else {
            xml.empty("outline", [("text", title), ("title", title)])
            return
        }
        xml.open("outline", [("text", title), ("title", title)])
        for source in sources {
            let title = PublishedEntry.text(source.title) ?? PublishURL.web(source.feedURL) ?? "Untitled source"
            let feedURL = PublishURL.web(PublishedEntry.text(source.feedURL))
            xml.empty(
                "outline",
                [
                    ("type", feedURL == nil ? nil : "rss"), ("text", title), ("title", title),
                    ("xmlUrl", feedURL), ("htmlUrl", PublishURL.web(PublishedEntry.text(source.siteURL))),
                ])
        }
        xml.close()
    }
}
