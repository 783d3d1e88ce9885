import Foundation
import Testing

@testable import GazetteKit

@Suite struct HTMLRuleSuggestionTests {
    @Test func descriptionIsAPastableJSONSnippetInReadingOrder() throws {
        let rule = HTMLRule(
            item: "//div[@class='n']", title: ".//h3", link: ".//h3/a/@href", date: ".//span[@class=\"d\"]",
            datePattern: "on (.+)\\.")
        let snippet = HTMLRuleSuggestion(rule: rule, itemCount: 3, sample: []).description
        #expect(
            snippet == """
                "html": {
                    "item": "//div[@class='n']",
                    "title": ".//h3",
                    "link": ".//h3/a/@href",
                    "date": ".//span[@class=\\"d\\"]",
                    "datePattern": "on (.+)\\\\."
                }
                """)
        let object = try JSONSerialization.jsonObject(with: Data(("{" + snippet + "}").utf8)) as? [String: [String: String]]
        let decoded = try #require(object?["html"])
        #expect(decoded["date"] == ".//span[@class=\"d\"]")
        #expect(decoded["datePattern"] == "on (.+)\\.")
    }
}
