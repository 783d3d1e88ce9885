import Foundation
import Testing

@testable import GazetteKit

/// The expected result stored next to each listing fixture (`<name>.json`).
struct ListingExpectation: Decodable {
    struct Item: Decodable {
        var title: String?
        var link: String?
        var derivedID: Bool?
        var date: String?
        var author: String?
        var summaryText: String?
        var summaryHTML: String?
        var categories: [String]?
        var image: String?
    }

    var url: String
    var rule: HTMLRule
    var title: String?
    var matchCount: Int
    var items: [Item]

    static func load(_ name: String) throws -> ListingExpectation {
        try JSONDecoder().decode(ListingExpectation.self, from: Fixtures.data("HTMLSource/\(name).json"))
    }
}

func isoDate(_ text: String) -> Date? {
    ISO8601DateFormatter().date(from: text)
}

@Suite struct HTMLListingScraperTests {
    static let listings = [
        "card-grid-articles", "table-listing", "list-with-time-datetime", "paginated-next-links",
        "malformed-markup", "relative-links-with-base-href", "relative-links-without-base-href",
        "windows-1252-meta-charset",
    ]

    /// Every field named in the expectation is compared; fields a fixture leaves out are not checked
    /// for that item (e.g. a summary libxml2's recovery merges with following markup).
    @Test(arguments: listings)
    func scrapesFixtureIntoExpectedArticles(name: String) throws {
        let expected = try ListingExpectation.load(name)
        let url = try #require(URL(string: expected.url))
        let report = try HTMLListingScraper().scrapeReport(
            Fixtures.data("HTMLSource/\(name).html"), url: url, rule: expected.rule, httpCharset: nil)
        let feed = report.feed
        #expect(feed.format == .html)
        #expect(feed.link == expected.url)
        #expect(feed.title == expected.title)
        #expect(report.matchCount == expected.matchCount)
        try #require(feed.items.count == expected.items.count, "\(feed.items.map { $0.title ?? "-" })")
        for (item, want) in zip(feed.items, expected.items) {
            #expect(item.title == want.title)
            #expect(item.link == want.link)
            if want.derivedID == true {
                #expect(item.idIsDerived)
                #expect(item.id.hasPrefix("urn:gazette:"))
            } else {
                #expect(!item.idIsDerived)
                #expect(item.id == want.link)
            }
            #expect(item.published == want.date.flatMap(isoDate), "\(item.title ?? "")")
            if let author = want.author { #expect(item.authors == [Person(name: author)]) }
            if let text = want.summaryText { #expect(item.summary == HTMLSanitizer.escape(text)) }
            if let html = want.summaryHTML {
                #expect(item.summary == HTMLSanitizer().sanitize(html, baseURL: url))
            }
            if let categories = want.categories { #expect(item.categories == categories) }
            if let image = want.image { #expect(item.image == image) }
        }
    }

    @Test func summariesAreEscapedTextOrSanitizedHTML() throws {
        let cards = try HTMLListingScraper().scrape(
            Fixtures.data("HTMLSource/card-grid-articles.html"),
            url: try #require(URL(string: "https://www.localgov.example/childrens-services")),
            rule: HTMLRule(item: "//article", title: ".//h2", link: ".//h2/a/@href", summary: ".//p[@class='card__standfirst']"),
            httpCharset: nil)
        let kent = try #require(cards.items.first { $0.link?.hasSuffix("kent-send-services-good") == true })
        #expect(kent.summary?.contains("<strong>significant improvement</strong>") == true)
        let parish = try HTMLListingScraper().scrape(
            Fixtures.data("HTMLSource/malformed-markup.html"),
            url: try #require(URL(string: "http://www.upper-shelsley-pc.example/news/")),
            rule: HTMLRule(item: "//div[@class='item']", title: "./h2", link: "./h2/a/@href", summary: "./p"), httpCharset: nil)
        #expect(parish.items.first?.summary == "The van will be here every Friday from 5pm &amp; until 8pm. Cash &amp; cards accepted")
    }

    @Test func skipsItemsWithNeitherTitleNorLinkAndSaysSo() throws {
        let expected = try ListingExpectation.load("card-grid-articles")
        let report = try HTMLListingScraper().scrapeReport(
            Fixtures.data("HTMLSource/card-grid-articles.html"), url: try #require(URL(string: expected.url)),
            rule: expected.rule, httpCharset: nil)
        #expect(report.skippedCount == 1)
        #expect(report.feed.diagnostics.contains { $0.contains("1 of 5 matched items had neither a title nor a link") })
    }

    @Test func ruleMatchingNothingGivesEmptyFeedWithDiagnostic() throws {
        let rule = HTMLRule(item: "//div[@class='teaser']", title: ".//h2", link: ".//a/@href")
        let report = try HTMLListingScraper().scrapeReport(
            Fixtures.data("HTMLSource/card-grid-articles.html"),
            url: try #require(URL(string: "https://www.localgov.example/childrens-services")), rule: rule,
            httpCharset: nil)
        #expect(report.matchCount == 0)
        #expect(report.feed.items.isEmpty)
        #expect(report.feed.title == "Children's services news | LocalGov Today")
        let message = try #require(report.feed.diagnostics.first)
        #expect(message.contains("html.item"))
        #expect(message.contains("//div[@class='teaser']"))
        #expect(message.contains("matched nothing"))
    }

    @Test func layoutChangeWarningOnlyWhenAPageThatMatchedNowMatchesNothing() throws {
        let warning = try #require(
            HTMLListingScraper.layoutChangeWarning(source: "https://x.example/news", previousMatchCount: 12, currentMatchCount: 0))
        #expect(warning.contains("the page layout may have changed"))
        #expect(warning.contains("12"))
        #expect(HTMLListingScraper.layoutChangeWarning(source: "s", previousMatchCount: nil, currentMatchCount: 0) == nil)
        #expect(HTMLListingScraper.layoutChangeWarning(source: "s", previousMatchCount: 0, currentMatchCount: 0) == nil)
        #expect(HTMLListingScraper.layoutChangeWarning(source: "s", previousMatchCount: 5, currentMatchCount: 3) == nil)
    }

    @Test func invalidXPathNamesKeyAndExpression() throws {
        let rule = HTMLRule(item: "//article", title: ".//h2", link: ".//h2/a/@@href")
        #expect {
            try HTMLListingScraper().scrape(
                Fixtures.data("HTMLSource/card-grid-articles.html"), url: URL(fileURLWithPath: "/tmp/x.html"),
                rule: rule, httpCharset: nil)
        } throws: { error in
            let message = (error as? HTMLSourceError)?.description ?? ""
            return message.hasPrefix("html.link: invalid XPath expression \".//h2/a/@@href\"")
        }
    }

    @Test func itemExpressionMustSelectNodes() throws {
        let rule = HTMLRule(item: "count(//article)", title: ".//h2")
        #expect(throws: HTMLSourceError.itemNotNodeSet(key: "html.item", expression: "count(//article)", resultType: "number")) {
            try HTMLListingScraper().scrape(
                Fixtures.data("HTMLSource/card-grid-articles.html"), url: URL(fileURLWithPath: "/tmp/x.html"),
                rule: rule, httpCharset: nil)
        }
    }

    @Test func emptyPageIsAnError() throws {
        let url = try #require(URL(string: "https://x.example/news"))
        #expect(throws: HTMLSourceError.emptyPage(url: "https://x.example/news")) {
            try HTMLListingScraper().scrape(Data(), url: url, rule: HTMLRule(item: "//li", title: "."), httpCharset: nil)
        }
    }

    @Test func stringFunctionsAndNumbersAreUsable() throws {
        let html = """
            <html><body><ul>
            <li data-id="7"><span class="a">Budget</span> <span class="b">2025</span></li>
            <li data-id="8"><span class="a">Roads</span> <span class="b">update</span></li>
            </ul></body></html>
            """
        let rule = HTMLRule(
            item: "//li", title: "concat(normalize-space(span[@class='a']), ': ', span[@class='b'])",
            link: "concat('/item/', @data-id)", category: "number(@data-id) * 2")
        let feed = try HTMLListingScraper().scrape(
            Data(html.utf8), url: try #require(URL(string: "https://x.example/list")), rule: rule, httpCharset: nil)
        #expect(feed.items.map(\.title) == ["Budget: 2025", "Roads: update"])
        #expect(feed.items.map(\.link) == ["https://x.example/item/7", "https://x.example/item/8"])
        #expect(feed.items.map(\.categories) == [["14"], ["16"]])
    }

    @Test func absoluteExpressionsInsideItemsAreFlagged() throws {
        let rule = HTMLRule(item: "//article", title: "//h2", link: ".//h2/a/@href")
        let feed = try HTMLListingScraper().scrape(
            Fixtures.data("HTMLSource/card-grid-articles.html"),
            url: try #require(URL(string: "https://www.localgov.example/")), rule: rule, httpCharset: nil)
        #expect(feed.diagnostics.contains { $0.hasPrefix("html.title: \"//h2\" starts with \"/\"") })
    }

    @Test func httpCharsetOverridesTheMetaDeclaration() throws {
        // The same words encoded as UTF-8 but declaring windows-1252 in a meta tag.
        let html =
            "<html><head><meta charset=\"windows-1252\"><title>x</title></head><body><ul><li><a href=\"/a\">Café – £5</a></li></ul></body></html>"
        let rule = HTMLRule(item: "//li", title: "./a", link: "./a/@href")
        let url = try #require(URL(string: "https://x.example/"))
        let withHeader = try HTMLListingScraper().scrape(Data(html.utf8), url: url, rule: rule, httpCharset: "utf-8")
        #expect(withHeader.items.first?.title == "Café – £5")
        let withoutHeader = try HTMLListingScraper().scrape(Data(html.utf8), url: url, rule: rule, httpCharset: nil)
        #expect(withoutHeader.items.first?.title == "CafÃ© â€“ Â£5")
    }

    @Test func latin1HTTPCharsetIsReadAsWindows1252() throws {
        let expected = try ListingExpectation.load("windows-1252-meta-charset")
        let feed = try HTMLListingScraper().scrape(
            Fixtures.data("HTMLSource/windows-1252-meta-charset.html"), url: try #require(URL(string: expected.url)),
            rule: expected.rule, httpCharset: "ISO-8859-1")
        #expect(feed.items.map(\.title) == expected.items.map(\.title))
    }

    @Test func concurrentScrapesGiveTheSameResults() async throws {
        let expected = try ListingExpectation.load("card-grid-articles")
        let data = try Fixtures.data("HTMLSource/card-grid-articles.html")
        let url = try #require(URL(string: expected.url))
        let reference = try HTMLListingScraper().scrape(data, url: url, rule: expected.rule, httpCharset: nil)
        let results = try await withThrowingTaskGroup(of: ParsedFeed.self) { group in
            for _ in 0..<16 {
                group.addTask { try HTMLListingScraper().scrape(data, url: url, rule: expected.rule, httpCharset: nil) }
            }
            return try await group.reduce(into: [ParsedFeed]()) { $0.append($1) }
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == reference })
    }

    @Test func deeplyNestedMarkupIsHandledWithoutCrashing() throws {
        let depth = 50_000
        let html =
            "<html><body>" + String(repeating: "<div class=\"d\">", count: depth)
            + "<article><h2><a href=\"/x\">Deep</a></h2></article>" + String(repeating: "</div>", count: depth) + "</body></html>"
        let data = Data(html.utf8)
        let url = try #require(URL(string: "https://x.example/"))
        let report = try HTMLListingScraper().scrapeReport(
            data, url: url, rule: HTMLRule(item: "//div[@class='d']", title: ".", link: ".//a/@href"), httpCharset: nil)
        // libxml2 stops building the tree at its nesting limit (256) instead of recursing without bound.
        #expect(report.matchCount <= 300)
        #expect(HTMLRuleSuggester.suggest(data, url: url) == nil)
        #expect(DuplicateTextCollapser().collapseRepeats(in: html).isEmpty == false)
    }

    @Test func repeatedLinksOnOnePageBecomeOneItem() throws {
        let html = """
            <html><body>
            <div class="n"><h3><a href="/a">Featured: A</a></h3></div>
            <div class="n"><h3><a href="/a">A</a></h3></div>
            <div class="n"><h3><a href="/b">B</a></h3></div>
            </body></html>
            """
        let report = try HTMLListingScraper().scrapeReport(
            Data(html.utf8), url: try #require(URL(string: "https://x.example/")),
            rule: HTMLRule(item: "//div[@class='n']", title: ".//h3", link: ".//h3/a/@href"), httpCharset: nil)
        #expect(report.feed.items.map(\.title) == ["Featured: A", "B"])
        #expect(report.skippedCount == 1)
    }

    @Test func derivedIDIsStableAndDependsOnTitleAndDate() {
        let day = Date(timeIntervalSince1970: 1_746_489_600)
        let first = HTMLItemExtractor.derivedID(host: "x.example", title: "Mayor's ball", date: day)
        #expect(first == HTMLItemExtractor.derivedID(host: "x.example", title: "Mayor's ball", date: day))
        #expect(first != HTMLItemExtractor.derivedID(host: "x.example", title: "Mayor's ball", date: nil))
        #expect(first != HTMLItemExtractor.derivedID(host: "x.example", title: "Mayor's bal", date: day))
        #expect(first.count == "urn:gazette:".count + 16)
    }
}
