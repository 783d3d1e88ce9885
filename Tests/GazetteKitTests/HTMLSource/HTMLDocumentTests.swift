import Foundation
import Testing

@testable import GazetteKit

@Suite struct HTMLDocumentTests {
    private func bodyText(_ html: String) -> String? {
        HTMLDocument.withFragment(html) { _, body in HTMLDocument.text(of: body) }
    }

    @Test(arguments: [
        ("  Closing\n\t up   the&nbsp;support gap ", "Closing up the support gap"),
        ("<td>2 May 2025</td><td>Waste</td>", "2 May 2025 Waste"),
        ("<p>One</p><p>Two</p>", "One Two"),
        ("Line<br>break", "Line break"),
        ("in<em>line</em> stays <b>joined</b>", "inline stays joined"),
        ("Title<script>var x = '<p>no</p>';</script><style>p{}</style> end", "Title end"),
        ("Caf&eacute; &amp; &#8220;bar&#8221;", "Café & “bar”"),
        ("thin\u{2009}space\u{3000}ideographic\u{202F}narrow", "thin space ideographic narrow"),
    ])
    func textIsVisibleTextWithWhitespaceCollapsed(html: String, expected: String) {
        #expect(bodyText(html) == expected)
    }

    @Test func innerHTMLSerialisesChildrenOnly() {
        let html = HTMLDocument.withFragment("<p class=\"x\">A <strong>bold</strong> &amp; safe</p>") { doc, body in
            HTMLDocument.elementChildren(body).first.map { HTMLDocument.innerHTML(of: $0, in: doc) }
        }
        #expect(html == "A <strong>bold</strong> &amp; safe")
    }

    @Test func nameHelpersAgree() {
        let result = HTMLDocument.withFragment("<figcaption>x</figcaption><img src=a>") { _, body in
            HTMLDocument.elementChildren(body).map {
                (HTMLDocument.name($0), HTMLDocument.nameKey($0) == HTMLDocument.nameKey(HTMLDocument.name($0)))
            }
        }
        #expect(result?.map(\.0) == ["figcaption", "img"])
        #expect(result?.allSatisfy(\.1) == true)
        #expect(HTMLDocument.nameKey("blockquote") != HTMLDocument.nameKey("blockquot"))
    }

    @Test func emptyDataBuildsNoDocument() {
        #expect(HTMLDocument.withDocument(Data(), url: nil, encoding: "UTF-8") { _ in true } == nil)
    }

    @Test(arguments: [("  a b \n", "a b"), ("\t\n ", ""), ("x", "x"), (" é ", "é")])
    func asciiTrimming(input: String, expected: String) {
        #expect(input.trimmingASCIIWhitespace == expected)
    }
}
