import Foundation

/// A section made ready for publishing: its public URLs, stable feed id, `updated` and entries.
struct PublishedSection: Sendable, Hashable {
    var id: String
    var title: String
    var subtitle: String?
    /// The site's public URL, always ending in `/` (the alternate link of every feed).
    var siteURL: String
    /// Where `<id>.xml` is served: `siteURL + id + ".xml"`; also the Atom feed's `id`.
    var atomURL: String
    /// Where `<id>.json` is served.
    var jsonURL: String
    /// The feed id: `atomURL` when it is a usable IRI, else a `urn:uuid:` derived from it.
    var feedID: String
    /// The newest entry's `updated`; `PublishDate.emptySectionUpdated` (the epoch) when empty. Never the run time.
    var updated: Date
    var entries: [PublishedEntry]
    /// The feed's language (`xml:lang`, JSON Feed `language`, index `lang`): the section's, else the site's.
    var language: String?
    /// WebSub hubs the head feed names (`rel="hub"`), http(s) only.
    var hubs: [String] = []
    /// Where this document sits in the section's RFC 5005 archive chain; nil when there are no archives.
    var history: FeedHistory?

    init(section: SectionConfig, site: SiteConfig, articles: [Article]) {
        id = section.id
        title = PublishedEntry.text(section.title) ?? section.id
        subtitle = PublishedEntry.text(section.description)
        siteURL = PublishedSection.baseURL(of: site)
        atomURL = siteURL + section.id + ".xml"
        jsonURL = siteURL + section.id + ".json"
        feedID = PublishedSection.siteLink(atomURL) ?? NameBasedUUID.urn(name: atomURL)
        entries = articles.map(PublishedEntry.init(article:))
        updated = entries.map(\.updated).max() ?? PublishDate.emptySectionUpdated
        language = section.language ?? site.language
        hubs = site.hubs.compactMap { PublishURL.web($0.absoluteString) }
    }

    /// The site URL as text with exactly one trailing `/`.
    static func baseURL(of site: SiteConfig) -> String {
        let text = site.url.absoluteString
        return text.hasSuffix("/") ? text : text + "/"
    }

    /// A URL derived from the site configuration, as a URI (see `PublishURL.uri(_:)`), when it is an
    /// absolute IRI without a script-like scheme (`file:` is allowed here, for sites previewed from disk).
    static func siteLink(_ text: String?) -> String? {
        guard let text, let uri = PublishURL.uri(text), let scheme = PublishURL.absoluteIRIScheme(uri),
            !["javascript", "vbscript", "data"].contains(scheme)
        else { return nil }
        return uri
    }
}
