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
        // Issue 11, item 7: escapes are kept as written, never decoded.
        ("https://ex.org/", "/posts/1-a-%26-b%21", "https://ex.org/posts/1-a-%26-b%21"),
        ("https://ex.org/x/", "tags/a%2Fb?q=x%26y#f%20g", "https://ex.org/x/tags/a%2Fb?q=x%26y#f%20g"),
        ("https://ex.org/", "caf\u{E9}.html", "https://ex.org/caf%C3%A9.html"),
    ])
    func resolvesPerRFC3986(base: String, reference: String, expected: String) {
        #expect(URLResolver.resolve(reference, against: base) == expected)
    }

    /// RFC 3986 §5.4.1's normal examples, base `http://a/b/c/d;p?q`.
    @Test(arguments: [
        ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"), ("/g", "http://a/g"),
        ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"), ("#s", "http://a/b/c/d;p?q#s"),
        ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"), (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"),
        ("g;x?y#s", "http://a/b/c/g;x?y#s"), ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"),
        ("..", "http://a/b/"), ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"),
        ("../../", "http://a/"), ("../../g", "http://a/g"), ("../../../g", "http://a/g"), ("/./g", "http://a/g"),
        ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."),
        ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"), ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"),
    ])
    func resolvesRFC3986Examples(reference: String, expected: String) {
        #expect(URLResolver.resolve(reference, against: "http://a/b/c/d;p?q") == expected)
    }
}
