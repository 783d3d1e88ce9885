import Testing
@testable import GazetteKit

@Suite struct URLResolverTests {
    @Test(arguments: [
        ("http://a/b/c", "d", "http://a/b/d"),
        ("http://a/b/c", "../d", "http://a/d"),
        ("http://a/b/c", "/d?x=1", "http://a/d?x=1"),
        ("http://a/b/c", "//cdn/d", "http://cdn/d"),
        ("http://a/b/c", "https://x/y", "https://x/y"),
        ("http://a/b/c", "mailto:jo@example.org", "mailto:jo@example.org"),
        ("", "rel", "rel"),
        ("http://a/b/c", "a b.html", "http://a/b/a%20b.html"),
    ])
    func resolvesPerRFC3986(base: String, reference: String, expected: String) {
        #expect(URLResolver.resolve(reference, against: base) == expected)
    }
}
