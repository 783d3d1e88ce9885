import Testing

@testable import GazetteKit

@Suite struct UnsanitizedHTMLGuardTests {
    @Test(arguments: [
        "<p>x</p><SCRIPT>alert(1)</SCRIPT>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
        "<a href = ' JavaScript:alert(1)'>x</a>", "<a href=vbscript:x>x</a>", "<iframe src=\"https://x.example/\">",
        "<svg><g onload=\"x\"/></svg>", "<div style=\"x\" onclick='y'>z</div>", "<img src=\"data:text/html;base64,xx\">",
        "<img src='data:image/svg+xml,x'>",
    ])
    func flagsActiveMarkup(html: String) {
        #expect(UnsanitizedHTMLGuard.looksActive(html))
        #expect(!UnsanitizedHTMLGuard.guarded(html).contains("<" + html.dropFirst()))
        #expect(UnsanitizedHTMLGuard.guarded(html).hasPrefix("<p>"))
    }

    @Test(arguments: [
        "<p>Plain <em>text</em> with <a href=\"https://x.example/?a=1&amp;b=2\">a link</a>.</p>",
        "<p>The <code>javascript:</code> scheme and the word onion=good.</p>",
        "<blockquote>Quote</blockquote><img src=\"https://x.example/a.png\" alt=\"a\">",
        "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\">",
    ])
    func leavesSanitizedHTMLAlone(html: String) {
        #expect(!UnsanitizedHTMLGuard.looksActive(html))
        #expect(UnsanitizedHTMLGuard.guarded(html) == html)
    }

    @Test func guardedSourceIsVisibleTextNotMarkup() {
        #expect(UnsanitizedHTMLGuard.guarded("<script>x</script>") == "<p>&lt;script&gt;x&lt;/script&gt;</p>")
    }
}
