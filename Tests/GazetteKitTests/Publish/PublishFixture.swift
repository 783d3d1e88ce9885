import Foundation

@testable import GazetteKit

/// A publish input stored as a JSON fixture under `Fixtures/Publish/`: a site, sections with their
/// candidate articles (the store's `Article` JSON) and the OPML source list. Dates are RFC 3339
/// strings or seconds since 1970 (for instants RFC 3339 cannot write, such as year 10000).
struct PublishFixture: Decodable {
    struct Site: Decodable {
        var title: String
        var url: URL
        var author: String?
        var description: String?
        var icon: URL?
        var logo: URL?
    }

    struct Section: Decodable {
        var id: String
        var title: String
        var description: String?
        var maxEntries: Int?
        var maxPerSource: Int?
        var articles: [Article]
    }

    struct Source: Decodable {
        var title: String
        var feedURL: String
        var siteURL: String?
        var sectionIDs: [String]
    }

    var site: Site
    var sections: [Section]
    var sources: [Source]

    static func load(_ name: String) throws -> PublishFixture {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let seconds = try? container.decode(Double.self) { return Date(timeIntervalSince1970: seconds) }
            let text = try container.decode(String.self)
            guard let date = ISO8601DateFormatter().date(from: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not RFC 3339: \(text)")
            }
            return date
        }
        return try decoder.decode(PublishFixture.self, from: Fixtures.data("Publish/\(name)"))
    }

    var siteConfig: SiteConfig {
        SiteConfig(title: site.title, url: site.url, author: site.author, description: site.description, icon: site.icon, logo: site.logo)
    }

    var sectionInputs: [SectionInput] {
        sections.map { section in
            SectionInput(
                section: SectionConfig(
                    id: section.id, title: section.title, description: section.description,
                    maxEntries: section.maxEntries ?? 50, maxPerSource: section.maxPerSource ?? 10),
                articles: section.articles)
        }
    }

    var sourceListings: [SourceListing] {
        sources.map { SourceListing(title: $0.title, feedURL: $0.feedURL, siteURL: $0.siteURL, sectionIDs: $0.sectionIDs) }
    }

    /// Publishes this fixture into `directory`.
    @discardableResult
    func publish(into directory: URL) throws -> PublishReport {
        try Publisher(site: siteConfig, outputDirectory: directory).publish(sectionInputs, sources: sourceListings)
    }
}
