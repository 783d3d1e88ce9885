import Foundation
import Testing

@testable import GazetteKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Checks that `demo/` shows what its README promises: filters that drop items, routes that pick items
/// up, stories syndicated in two feeds, and an undated item. Reads the sample files with Foundation's
/// own XML and JSON readers, independently of Gazette's parser.
@Suite struct DemoConfigurationTests {
    struct SampleItem {
        var title = ""
        var link = ""
        var text = ""
        var categories: [String] = []
        var hasDate = false
    }

    static let demo = GazetteConfigLoadingTests.repositoryRoot.appendingPathComponent("demo")

    static func config() throws -> GazetteConfig {
        try GazetteConfig.load(from: demo.appendingPathComponent("feeds.json"))
    }

    static func items(of feed: FeedConfig) throws -> [SampleItem] {
        let data = try Data(contentsOf: feed.url)
        if feed.url.pathExtension == "json" {
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let items = try #require(object["items"] as? [[String: Any]])
            return items.map { item in
                let html = (item["content_html"] as? String) ?? ""
                let plain = html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
                return SampleItem(
                    title: item["title"] as? String ?? "", link: item["url"] as? String ?? "",
                    text: [item["summary"] as? String, item["content_text"] as? String, plain].compactMap { $0 }.joined(separator: " "),
                    categories: item["tags"] as? [String] ?? [], hasDate: item["date_published"] != nil)
            }
        }
        let collector = ItemCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        #expect(parser.parse(), "\(feed.key) is well-formed XML")
        return collector.items
    }

    /// The items of the feed whose key ends with `file`, and whether `filter` keeps each of them.
    static func kept(_ file: String, by filter: KeywordFilter?) throws -> [String: Bool] {
        let config = try config()
        let feed = try #require(config.feeds.first { $0.key.hasSuffix(file) })
        var result: [String: Bool] = [:]
        for item in try items(of: feed) {
            result[item.title] = filter?.matches(title: item.title, summary: item.text, categories: item.categories) ?? true
        }
        return result
    }

    @Test func careTodaysFiltersDropTheSponsoredItemAndThePodcast() throws {
        let config = try Self.config()
        let filter = try #require(config.feeds.first { $0.key.hasSuffix("care-today.xml") }?.filter)
        let kept = try Self.kept("care-today.xml", by: filter)
        #expect(kept.count == 5)
        #expect(
            kept.filter(\.value).keys.sorted() == [
                "Care homes face 'unsustainable' insurance rises, providers warn",
                "Carers' allowance earnings limit to rise in April",
                "Safeguarding adults boards report rise in self-neglect referrals",
            ])
    }

    @Test func theChroniclesExcludeFilterDropsOnlyTheWebinar() throws {
        let config = try Self.config()
        let filter = try #require(config.feeds.first { $0.key.hasSuffix("council-chronicle.rdf") }?.filter)
        let kept = try Self.kept("council-chronicle.rdf", by: filter)
        #expect(kept.filter { !$0.value }.keys.sorted() == ["Sponsored webinar: preparing for the new SEND inspection framework"])
        #expect(kept.count == 5)
    }

    @Test func routesPickUpStoriesFromOtherSectionsFeeds() throws {
        let config = try Self.config()
        var routed: [String: Set<String>] = [:]
        for feed in config.feeds {
            for item in try Self.items(of: feed) {
                for section in config.sections {
                    guard let route = section.route, !feed.sections.contains(section.id),
                        route.matches(title: item.title, summary: item.text, categories: item.categories)
                    else { continue }
                    routed[section.id, default: []].insert(item.title)
                }
            }
        }
        let children = routed["childrens-services"] ?? []
        #expect(children.contains("Ofsted rates Northshire children's services 'good'"))
        #expect(children.contains("Safeguarding partnership publishes annual report"))
        #expect(!children.contains("Safeguarding adults boards report rise in self-neglect referrals"), "excluded by the route")
        #expect(routed["housing"]?.contains("Westvale approves 400 affordable homes on former depot site") == true)
        #expect(routed["housing"]?.contains("Cabinet agrees new homelessness strategy as temporary accommodation costs double") == true)
        #expect(routed["finance"]?.contains("Council tax support scheme: have your say") == true)
        #expect(routed["health-social-care"]?.contains("Review of charges for home care and day services") == true)
    }

    @Test func twoStoriesAreSyndicatedInTwoFeedsAndOneItemHasNoDate() throws {
        let config = try Self.config()
        var all: [(feed: String, item: SampleItem)] = []
        for feed in config.feeds { all += try Self.items(of: feed).map { (feed.key, $0) } }

        func linkIdentity(_ link: String) throws -> String {
            var components = try #require(URLComponents(string: link))
            components.scheme = "https"
            components.query = nil
            return try #require(components.string)
        }
        let byLink = Dictionary(grouping: all) { (try? linkIdentity($0.item.link)) ?? $0.item.link }
        let sameLink = byLink.values.filter { Set($0.map(\.feed)).count >= 2 }
        #expect(sameLink.count == 1, "one story under http/https links with and without tracking parameters")
        #expect(sameLink.first?.map(\.item.link).contains { $0.contains("utm_source") } == true)

        let byTitle = Dictionary(grouping: all) { $0.item.title }
        let sameTitle = byTitle.values.filter { group in
            Set(group.map(\.feed)).count >= 2
                && Set(group.map { (try? linkIdentity($0.item.link)) ?? $0.item.link }).count == group.count
        }
        #expect(
            sameTitle.map { $0[0].item.title } == ["Westvale approves 400 affordable homes on former depot site"],
            "one story under two different links with the same title and text")

        #expect(all.filter { !$0.item.hasDate }.map(\.item.title) == ["Winter gritting routes confirmed"])
    }
}

/// Collects title, link, text, categories and whether a date is present from RSS 2.0, RSS 1.0 and Atom items.
private final class ItemCollector: NSObject, XMLParserDelegate {
    var items: [DemoConfigurationTests.SampleItem] = []
    private var current: DemoConfigurationTests.SampleItem?
    private var text = ""

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        text = ""
        if name == "item" || name == "entry" { current = DemoConfigurationTests.SampleItem() }
        if name == "link", let href = attributes["href"] { current?.link = href }
        if name == "category", let term = attributes["term"] { current?.categories.append(term) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard current != nil else { return }
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch name {
        case "title": current?.title = value
        case "link" where !value.isEmpty: current?.link = value
        case "description", "summary", "content": current?.text += " " + value
        case "category" where !value.isEmpty, "dc:subject": current?.categories.append(value)
        case "pubDate", "dc:date", "published", "updated": current?.hasDate = true
        case "item", "entry":
            if let item = current { items.append(item) }
            current = nil
        default: break
        }
    }
}
