import Foundation

/// Renders one section as JSON Feed 1.1 (https://jsonfeed.org/version/1.1), carrying the same
/// entries as the Atom file, byte-identical for the same input.
///
/// Keys are sorted, and `<`, `>` and `&` inside strings are written as `\u003c`, `\u003e` and
/// `\u0026`, so the file is safe even if served or embedded as HTML.
struct JSONFeedWriter {
    var site: SiteConfig

    /// The JSON Feed document for `section`, as UTF-8 bytes.
    func render(_ section: PublishedSection) -> [UInt8] {
        let siteURL = PublishedSection.siteLink(section.siteURL)
        let feed = Feed(
            title: section.title,
            homePageURL: siteURL,
            feedURL: PublishedSection.siteLink(section.jsonURL),
            description: section.subtitle,
            icon: PublishedSection.siteLink(site.logo?.absoluteString ?? site.icon?.absoluteString),
            favicon: PublishedSection.siteLink(site.icon?.absoluteString),
            authors: [Author(name: PublishedEntry.text(site.author) ?? PublishedEntry.text(site.title) ?? "Gazette", url: nil)],
            items: section.entries.map { item($0, in: section) },
            language: section.language,
            hubs: section.hubs.isEmpty ? nil : section.hubs.map { Hub(type: "WebSub", url: $0) },
            nextURL: JSONFeedWriter.nextURL(of: section)
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Every value is a String, Int64 or nested struct of them: encoding cannot fail.
        let data = (try? encoder.encode(feed)) ?? Data("{}".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.count + 64)
        data.withUnsafeBytes { raw in
            for byte in raw {
                switch byte {
                case UInt8(ascii: "<"): bytes += "\\u003c".utf8
                case UInt8(ascii: ">"): bytes += "\\u003e".utf8
                case UInt8(ascii: "&"): bytes += "\\u0026".utf8
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    private func item(_ entry: PublishedEntry, in section: PublishedSection) -> Item {
        Item(
            id: entry.id,
            url: entry.link,
            title: entry.title,
            contentHTML: entry.contentHTML ?? "",
            image: entry.image,
            datePublished: PublishDate.rfc3339(entry.published),
            dateModified: PublishDate.rfc3339(entry.updated),
            authors: entry.authors.isEmpty ? nil : entry.authors.map { Author(name: $0.name, url: $0.uri) },
            tags: entry.categories.isEmpty ? nil : entry.categories,
            attachments: entry.enclosures.isEmpty
                ? nil
                : entry.enclosures.map {
                    Attachment(url: $0.url, mimeType: $0.type ?? "application/octet-stream", sizeInBytes: $0.length)
                },
            gazette: GazetteExtension(
                source: entry.source.map { SourceRef(title: $0.title, homePageURL: $0.link, feedURL: $0.feedURL, url: entry.link) },
                alsoReportedBy: entry.mentions.isEmpty
                    ? nil
                    : entry.mentions.map { SourceRef(title: $0.title, homePageURL: $0.homePage, feedURL: $0.feedURL, url: $0.url) }
            ),
            language: entry.language(differingFrom: section.language)
        )
    }

    private struct Feed: Encodable {
        let version = "https://jsonfeed.org/version/1.1"
        var title: String
        var homePageURL: String?
        var feedURL: String?
        var description: String?
        var icon: String?
        var favicon: String?
        var authors: [Author]
        var items: [Item]
        var language: String?
        var hubs: [Hub]?
        var nextURL: String?

        enum CodingKeys: String, CodingKey {
            case version, title, description, icon, favicon, authors, items, language, hubs
            case homePageURL = "home_page_url", feedURL = "feed_url", nextURL = "next_url"
        }
    }

    private struct Author: Encodable {
        var name: String
        var url: String?
    }

    private struct Attachment: Encodable {
        var url: String
        var mimeType: String
        var sizeInBytes: Int64?

        enum CodingKeys: String, CodingKey {
            case url, mimeType = "mime_type", sizeInBytes = "size_in_bytes"
        }
    }

    /// A feed that carried the item, named like a JSON Feed's top level (`title`, `home_page_url`,
    /// `feed_url`), plus `url`: that feed's link to the story.
    private struct SourceRef: Encodable {
        var title: String?
        var homePageURL: String?
        var feedURL: String?
        var url: String?

        enum CodingKeys: String, CodingKey {
            case title, url, homePageURL = "home_page_url", feedURL = "feed_url"
        }
    }

    /// Gazette's JSON Feed extension (`_gazette`): where the item came from and who else carried it.
    private struct GazetteExtension: Encodable {
        let about = GazetteVersion.projectURL
        var source: SourceRef?
        var alsoReportedBy: [SourceRef]?

        enum CodingKeys: String, CodingKey {
            case about, source, alsoReportedBy = "also_reported_by"
        }
    }

    private struct Item: Encodable {
        var id: String
        var url: String?
        var title: String
        var contentHTML: String
        var image: String?
        var datePublished: String
        var dateModified: String
        var authors: [Author]?
        var tags: [String]?
        var attachments: [Attachment]?
        var gazette: GazetteExtension
        var language: String?

        enum CodingKeys: String, CodingKey {
            case id, url, title, image, authors, tags, attachments, language
            case contentHTML = "content_html", datePublished = "date_published", dateModified = "date_modified"
            case gazette = "_gazette"
        }
    }
}
