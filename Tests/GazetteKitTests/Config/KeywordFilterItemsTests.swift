import Foundation
import Testing

@testable import GazetteKit

@Suite struct KeywordFilterItemsTests {
    @Test func anItemsSummaryHTMLIsMatchedAsText() {
        let item = FeedItem(
            id: "1", title: "Annual report", summary: "<p>The <b>safeguarding</b> partnership met.</p>", categories: ["People"])
        #expect(KeywordFilter(include: ["safeguarding"]).matches(KeywordFilter.Subject(item: item)))
        #expect(!KeywordFilter(include: ["partnerships"]).matches(KeywordFilter.Subject(item: item)))
        #expect(KeywordFilter(categories: ["people"]).matches(KeywordFilter.Subject(item: item)))
    }

    @Test func contentStandsInWhenThereIsNoSummary() {
        let article = Article(id: "a", title: "Budget", firstSeen: .distantPast, content: "<p>Council tax rises 4.99%</p>")
        #expect(KeywordFilter(include: ["council tax"]).matches(KeywordFilter.Subject(article: article)))
    }
}
