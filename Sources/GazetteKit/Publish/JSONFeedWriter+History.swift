/// JSON Feed's counterparts of WebSub and RFC 5005 links: `hubs` and `next_url` pagination.
extension JSONFeedWriter {
    /// A JSON Feed 1.1 hub object (`{"type": "WebSub", "url": …}`).
    struct Hub: Encodable {
        var type: String
        var url: String
    }

    /// The next (older) page: the head's newest archive, an archive's preceding month; nil at the oldest.
    static func nextURL(of section: PublishedSection) -> String? {
        guard let previous = section.history?.previous else { return nil }
        return PublishedSection.siteLink(section.archiveURL(previous, ext: "json"))
    }
}
