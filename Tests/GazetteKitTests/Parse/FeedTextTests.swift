import Testing
@testable import GazetteKit

@Suite struct FeedTextTests {
    @Test(arguments: [
        ("  a \n\t b  ", "a b"), ("clean", "clean"), ("", ""), ("a\u{a0}b", "a\u{a0}b"), ("\n", ""),
    ])
    func collapsesASCIIWhitespaceOnly(input: String, expected: String) {
        #expect(FeedText.collapseWhitespace(input) == expected)
    }

    @Test(arguments: [
        ("<b>x</b>", true), ("a &amp; b", true), ("&#8217;", true), ("a < b", false), ("AT&T", false), ("plain", false),
    ])
    func sniffsHTMLLikeFeedparser(input: String, isHTML: Bool) {
        #expect(FeedText.looksLikeHTML(input) == isHTML)
    }

    @Test func plainTextIsEscapedForHTMLFields() {
        var converter = FeedText()
        #expect(converter.html(TextValue(raw: "a < b & c", kind: .text, base: "")) == "a &lt; b &amp; c")
        #expect(converter.plain(TextValue(raw: " <b>x</b> ", kind: .text, base: "")) == "<b>x</b>")
    }
}
