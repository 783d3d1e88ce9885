import Testing

@testable import GazetteKit

@Suite struct HTMLSourceErrorTests {
    @Test(arguments: [
        (
            HTMLSourceError.invalidXPath(key: "html.link", expression: ".//h2/a/@@href", reason: "invalid expression at character 10"),
            "html.link: invalid XPath expression \".//h2/a/@@href\": invalid expression at character 10"
        ),
        (
            .missingKey(key: "html.item", reason: "an XPath expression selecting each item is required"),
            "html.item: an XPath expression selecting each item is required"
        ),
        (
            .invalidPattern(key: "html.datePattern", pattern: "(", reason: "it does not compile (ICU syntax)"),
            "html.datePattern: invalid regular expression \"(\": it does not compile (ICU syntax)"
        ),
        (.emptyPage(url: "https://x.example/news"), "https://x.example/news: the page is empty (0 bytes); check the URL in a browser"),
    ])
    func messagesNameWhereAndWhat(error: HTMLSourceError, message: String) {
        #expect(error.description == message)
    }
}
