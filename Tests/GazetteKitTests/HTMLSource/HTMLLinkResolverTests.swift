import Foundation
import Testing

@testable import GazetteKit

@Suite struct HTMLLinkResolverTests {
    static let page = URL(string: "https://www.example.gov.uk/news/latest/index.html?p=2")!

    @Test(
        arguments: [
            (nil, "item.html", "https://www.example.gov.uk/news/latest/item.html"),
            (nil, "../2024/x.html", "https://www.example.gov.uk/news/2024/x.html"),
            (nil, "/about", "https://www.example.gov.uk/about"),
            (nil, "?p=3", "https://www.example.gov.uk/news/latest/index.html?p=3"),
            (nil, "//cdn.example.com/a.pdf", "https://cdn.example.com/a.pdf"),
            (nil, " https://other.example/a b ", "https://other.example/a%20b"),
            (nil, "/caf\u{00E9}", "https://www.example.gov.uk/caf%C3%A9"),
            ("/archive/", "x.html", "https://www.example.gov.uk/archive/x.html"),
            ("https://mirror.example/base/", "x.html", "https://mirror.example/base/x.html"),
            ("https://mirror.example/base/", "/x.html", "https://mirror.example/x.html"),
        ] as [(String?, String, String)])
    func resolvesAgainstPageAndBaseHref(baseHref: String?, raw: String, expected: String) {
        #expect(HTMLLinkResolver(pageURL: Self.page, baseHref: baseHref).absolute(raw) == expected)
    }

    /// `T00:00:00Z…` (found by `FuzzScraper`) parses as a URL with the scheme `t00`; `file:` and
    /// `data:` would publish a local or inline document as an entry's link.
    @Test(arguments: [
        "", "   ", "#", "#top", "javascript:void(0)", "JavaScript:alert(1)", "mailto:press@example.gov.uk", "tel:01234",
        "T00:00:00Z> > <a href=", "file:///etc/passwd", "data:text/html,<b>x</b>", "feed:javascript:alert(1)",
    ])
    func linksThatAreNotArticlesGiveNil(raw: String) {
        #expect(HTMLLinkResolver(pageURL: Self.page, baseHref: nil).absolute(raw) == nil)
    }

    /// Found by `FuzzScraper`: a same-scheme link without `//` is relative, as browsers read it;
    /// one in the other web scheme has no host to go to.
    @Test func aWebLinkWithoutSlashesIsRelativeInTheSameSchemeAndDroppedOtherwise() {
        let resolver = HTMLLinkResolver(pageURL: Self.page, baseHref: nil)
        #expect(resolver.absolute("https:le/education/costs") == "https://www.example.gov.uk/news/latest/le/education/costs")
        #expect(resolver.absolute("http:le/education/costs") == nil)
    }

    @Test(arguments: ["javascript:alert(1)//", "file:///etc/", "data:text/html,x/"])
    func aBaseHrefInAnotherSchemeIsIgnored(baseHref: String) {
        let resolver = HTMLLinkResolver(pageURL: Self.page, baseHref: baseHref)
        #expect(resolver.absolute("passwd") == URL(string: "passwd", relativeTo: Self.page)?.absoluteString)
    }
}
