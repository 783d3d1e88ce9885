import Foundation
import Testing

@testable import GazetteKit

@Suite struct HTMLRuleSuggesterTests {
    static let listings = [
        "card-grid-articles", "table-listing", "list-with-time-datetime", "paginated-next-links",
        "malformed-markup", "relative-links-with-base-href", "windows-1252-meta-charset",
    ]

    /// The suggested rule extracts the same articles (titles, links) as the hand-written rule, and
    /// their dates where the page shows them.
    @Test(arguments: listings)
    func suggestedRuleExtractsTheFixtureArticles(name: String) throws {
        let expected = try ListingExpectation.load(name)
        let url = try #require(URL(string: expected.url))
        let data = try Fixtures.data("HTMLSource/\(name).html")
        let suggestion = try #require(HTMLRuleSuggester.suggestion(for: data, url: url), "no rule for \(name)")
        #expect(HTMLRuleValidator.validate(suggestion.rule) == [])
        let feed = try HTMLListingScraper().scrape(data, url: url, rule: suggestion.rule, httpCharset: nil)
        let withLinks = expected.items.filter { $0.link != nil }
        #expect(feed.items.compactMap(\.link) == withLinks.compactMap(\.link), "\(suggestion)")
        #expect(feed.items.filter { $0.link != nil }.map(\.title) == withLinks.map(\.title), "\(suggestion)")
        #expect(feed.items.filter { $0.link != nil }.map(\.published) == withLinks.map { $0.date.flatMap(isoDate) }, "\(suggestion)")
        #expect(suggestion.itemCount == withLinks.count)
        #expect(suggestion.sample.count == 3)
    }

    @Test func cardGridSuggestionFindsAuthorSummaryAndSection() throws {
        let data = try Fixtures.data("HTMLSource/card-grid-articles.html")
        let url = try #require(URL(string: "https://www.localgov.example/childrens-services"))
        let rule = try #require(HTMLRuleSuggester.suggest(data, url: url))
        #expect(rule.title == ".//h2")
        #expect(rule.link == ".//h2/a/@href")
        #expect(rule.author == ".//p[@class='card__byline']")
        #expect(rule.date == ".//p[@class='card__byline']")
        #expect(rule.summary == ".//p[@class='card__standfirst']")
        #expect(rule.category == ".//p[@class='card__section']")
        let feed = try HTMLListingScraper().scrape(data, url: url, rule: rule, httpCharset: nil)
        #expect(feed.items.first?.authors == [Person(name: "Jo Casebourne")])
    }

    @Test func trailingByInTheDateLineBecomesAnAuthorPattern() throws {
        let data = try Fixtures.data("HTMLSource/paginated-next-links.html")
        let url = try #require(URL(string: "https://www.publicsectorbuyer.example/news/procurement?page=2"))
        let rule = try #require(HTMLRuleSuggester.suggest(data, url: url))
        #expect(rule.author == ".//div[@class='meta']")
        #expect(rule.authorPattern != nil)
        let feed = try HTMLListingScraper().scrape(data, url: url, rule: rule, httpCharset: nil)
        #expect(feed.items.map { $0.authors.first?.name } == ["Sarah Clarke", "Tom Hughes", "Sarah Clarke", "Priya Shah"])
    }

    @Test func pageWithoutRepeatedStructureGetsNoSuggestion() throws {
        let html = """
            <html><head><title>About the council</title></head><body>
            <nav><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li><li><a href="/c">C</a></li></ul></nav>
            <h1>About</h1><p>The council has 39 members. <a href="/members">See members</a>.</p>
            <div class="pager"><ul class="links"><li><a href="?p=1">1</a></li><li><a href="?p=2">2</a></li><li><a href="?p=3">3</a></li></ul></div>
            </body></html>
            """
        #expect(HTMLRuleSuggester.suggest(Data(html.utf8), url: URL(fileURLWithPath: "/tmp/about.html")) == nil)
    }

    @Test func twoArticlesAreNotEnough() throws {
        let html = """
            <html><body><article><h2><a href="/1">One</a></h2></article><article><h2><a href="/2">Two</a></h2></article></body></html>
            """
        #expect(HTMLRuleSuggester.suggest(Data(html.utf8), url: URL(fileURLWithPath: "/tmp/two.html")) == nil)
    }
}
