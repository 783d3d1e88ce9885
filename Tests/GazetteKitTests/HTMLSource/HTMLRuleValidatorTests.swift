import Testing

@testable import GazetteKit

@Suite struct HTMLRuleValidatorTests {
    @Test func aGoodRuleHasNoProblems() {
        let rule = HTMLRule(
            item: "//article", title: ".//h2", link: ".//h2/a/@href", summary: "normalize-space(.//p[1])",
            author: ".//p[@class='byline']", date: ".//time", dateFormat: "dd MMMM yyyy", category: ".//span",
            authorPattern: "By (.+?) \\|", datePattern: "\\| (.+)$")
        #expect(HTMLRuleValidator.validate(rule) == [])
    }

    @Test(arguments: [
        (HTMLRule(item: "//article", title: ".//h2", link: ".//h2/a/@@href"), "html.link: invalid XPath expression \".//h2/a/@@href\""),
        (HTMLRule(item: "//article[", title: ".//h2"), "html.item: invalid XPath expression \"//article[\""),
        (HTMLRule(item: "//article", title: "substring-after(.//h2"), "html.title: invalid XPath expression \"substring-after(.//h2\""),
        (
            HTMLRule(item: "//article", title: "upper-case(.//h2)"),
            "html.title: invalid XPath expression \"upper-case(.//h2)\": unknown function"
        ),
        (
            HTMLRule(item: "//article", title: ".//h2", date: "$published"),
            "html.date: invalid XPath expression \"$published\": undefined variable"
        ),
        (
            HTMLRule(item: "//atom:entry", title: ".//h2"),
            "html.item: invalid XPath expression \"//atom:entry\": undefined namespace prefix"
        ),
        (HTMLRule(item: "count(//article)", title: ".//h2"), "html.item: the expression \"count(//article)\" returns a number"),
        (HTMLRule(item: " ", title: ".//h2"), "html.item: an XPath expression selecting each item is required"),
        (HTMLRule(item: "//article", summary: ".//p"), "html.title: the rule needs a title or a link expression"),
        (HTMLRule(item: "//li", title: ".", authorPattern: "By ("), "html.authorPattern: invalid regular expression \"By (\""),
    ])
    func problemsNameTheKeyAndTheExpression(rule: HTMLRule, expectedPrefix: String) {
        let problems = HTMLRuleValidator.validate(rule)
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.hasPrefix(expectedPrefix) == true, "\(problems)")
    }

    @Test func keyPathPrefixIsUsedInMessages() {
        let problems = HTMLRuleValidator.validate(HTMLRule(item: "//li[", title: "."), keyPath: "feeds[3].html")
        #expect(problems.first?.hasPrefix("feeds[3].html.item: invalid XPath expression \"//li[\"") == true)
    }

    @Test func everyBrokenExpressionIsReportedNotJustTheFirst() {
        let problems = HTMLRuleValidator.validate(HTMLRule(item: "//li", title: "((", link: "@@href", date: "]"))
        #expect(problems.map { $0.prefix(while: { $0 != ":" }) } == ["html.title", "html.link", "html.date"])
    }
}
