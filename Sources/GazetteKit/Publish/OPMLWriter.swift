/// Renders `sources.opml` (OPML 2.0): per section, Gazette's own feed of it, then every source that
/// feeds it, so a reader can subscribe to the digest or to the sources directly.
///
/// Every outline with an `xmlUrl` is a feed a reader can subscribe to: a scraped web page is listed
/// by its `htmlUrl` only (its stories are in the section's feed), a local file without either.
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
            xml.open("outline", [("text", section.title), ("title", section.title)])
            let own = "\(section.title) (\(PublishedEntry.text(site.title) ?? "Gazette"))"
            xml.empty(
                "outline",
                [
                    ("type", "rss"), ("text", own), ("title", own), ("xmlUrl", section.atomURL),
                    ("htmlUrl", PublishURL.web(section.siteURL)),
                ])
            for source in members { outline(source, into: &xml) }
            xml.close()
        }
        let orphans = sources.filter { !$0.sectionIDs.contains(where: known.contains) }
        if !orphans.isEmpty {
            xml.open("outline", [("text", "Other sources"), ("title", "Other sources")])
            for source in orphans { outline(source, into: &xml) }
            xml.close()
        }
        xml.close()
        xml.close()
        return xml.data
    }

    private func outline(_ source: SourceListing, into xml: inout XMLWriter) {
        let title = PublishedEntry.text(source.title) ?? PublishURL.web(source.feedURL) ?? "Untitled source"
        if source.isScrapedPage {
            xml.empty("outline", [("text", title), ("title", title), ("htmlUrl", PublishURL.web(PublishedEntry.text(source.feedURL)))])
            return
        }
        let feedURL = PublishURL.web(PublishedEntry.text(source.feedURL))
        xml.empty(
            "outline",
            [
                ("type", feedURL == nil ? nil : "rss"), ("text", title), ("title", title),
                ("xmlUrl", feedURL), ("htmlUrl", PublishURL.web(PublishedEntry.text(source.siteURL))),
            ])
    }
}
