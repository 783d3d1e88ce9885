import Testing

@testable import GazetteKit

@Suite struct PublishURLTests {
    @Test(arguments: [
        "https://example.com/a?b=c#d", "http://example.com", "https://x.example/%E2%82%AC", "https://u:p@x.example:8080/a;b=c?d=/e?#f/g?",
        "https://[2001:db8::1]/a", "https://x.example/a%2Fb?c=%26d",
    ])
    func acceptsURIsAsTheyAre(url: String) {
        #expect(PublishURL.web(url) == url)
    }

    /// RFC 3987 §3.1: non-ASCII is percent-encoded as UTF-8, a non-ASCII host becomes IDNA; what a URI
    /// may not contain is encoded; existing escapes (`%2F`, `%26`) are never decoded.
    @Test(arguments: [
        ("https://例え.jp/パス", "https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9"),
        (
            "https://www.example.de/kampagne-überspringen-gs_6229193.jpg",
            "https://www.example.de/kampagne-%C3%BCberspringen-gs_6229193.jpg"
        ),
        ("https://Bücher.example/ü?q=ä#ö", "https://xn--bcher-kva.example/%C3%BC?q=%C3%A4#%C3%B6"),
        ("https://x.example/a b/\"q\"", "https://x.example/a%20b/%22q%22"),
        ("https://x.example/<script>{|}^`\\", "https://x.example/%3Cscript%3E%7B%7C%7D%5E%60%5C"),
        ("https://x.example/%zz%2F%26%E2%82%AC", "https://x.example/%25zz%2F%26%E2%82%AC"),
        ("https://x.example/a[1]?b=[2]#c#d", "https://x.example/a%5B1%5D?b=%5B2%5D#c%23d"),
        ("HTTPS://x.example/a?b?c", "https://x.example/a?b?c"),
        ("  https://x.example/a\n/b\t  ", "https://x.example/a/b"),
        ("https://x.example/\u{1F600}", "https://x.example/%F0%9F%98%80"),
    ])
    func mapsIRIsToURIs(iri: String, uri: String) {
        #expect(PublishURL.web(iri) == uri)
    }

    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd", "/relative/path",
        "https://", "https:///path", "http:example.com", "https://exa mple.com", "https://x.example/\u{0}", "https://x.example/\u{7}",
        "", "mailto:a@b.example", "ftp://x.example/file", "https://x.example:8o/", "https://:80/", "https://a<b.example/",
    ])
    func rejectsEverythingElseAsALink(url: String) {
        #expect(PublishURL.web(url) == nil)
    }

    @Test(arguments: ["tag:example.com,2025:post-1", "urn:uuid:5e0b3d2c-1a5f-4c4e-9f3b-0d6c8a3b2e11", "https://example.com/p/1"])
    func acceptsAbsoluteIRIsAsIdentifiers(id: String) {
        #expect(PublishURL.identifier(id) == id)
    }

    @Test func identifiersAreKeptAsTheSourceWroteThem() {
        // RFC 4287 §4.2.6.1: an id must not change when republished, even into its URI form.
        #expect(PublishURL.identifier("https://例え.jp/パス") == "https://例え.jp/パス")
    }

    @Test(arguments: [
        ("https://x.example/a?id=7&utm_source=rss&utm_medium=feed", "https://x.example/a?id=7"),
        ("https://x.example/a?utm_source=rss&fbclid=1#top", "https://x.example/a#top"),
        ("https://x.example/a?UTM_Campaign=x&ref=home&gclid=2&mc_eid=3", "https://x.example/a?ref=home"),
        ("https://x.example/a?b=1&&c=2", "https://x.example/a?b=1&&c=2"),
        ("https://x.example/a#frag?utm_source=x", "https://x.example/a#frag?utm_source=x"),
    ])
    func linksLoseOnlyClickTrackingParameters(link: String, expected: String) {
        #expect(PublishURL.withoutTracking(link) == expected)
    }

    /// Validators reject a `tag:` id without an RFC 4151 date and a `urn:` with characters URNs
    /// exclude: such ids are published as derived `urn:uuid:`s, like any other non-IRI id.
    @Test(arguments: [
        "tag:www.bofh.org.uk:Article3306", "tag:Example.com,2025:x", "tag:example.com,25:x", "tag:example.com,2025-1:x",
        "tag:example.com,2025:a b", "tag:example.com,2025:ü", "urn:x:", "urn:-x:y", "urn:isbn:0-486/27557-4", "urn:a:b",
        "urn:x:%zz",
    ])
    func rejectsMalformedTagAndURNIdentifiers(id: String) {
        #expect(PublishURL.identifier(id) == nil)
    }

    @Test(arguments: [
        "tag:example.com,2025:post-1", "tag:jo@example.com,2025-03-10:x/y?z#frag", "tag:example.com,2025-03:",
        "urn:isbn:0-486-27557-4", "URN:NBN:de:bvb:19-146642", "urn:ietf:rfc:%32%30",
    ])
    func acceptsWellFormedTagAndURNIdentifiers(id: String) {
        #expect(PublishURL.identifier(id) == id)
    }

    @Test(arguments: ["12345", "post-1", "not an iri", "javascript:alert(1)", "data:,x", "x:", ":x", "1abc:def", "a\"b:c"])
    func rejectsRelativeMalformedOrScriptIdentifiers(id: String) {
        #expect(PublishURL.identifier(id) == nil)
    }
}

/// The test grammar itself, so the URI checks elsewhere can fail.
@Suite struct RFC3986GrammarTests {
    @Test func acceptsURIsAndRejectsIRIsAndBadCharacters() {
        #expect(RFC3986Grammar.isURI("https://u:p@x.example:80/a/b;c?d=e/f?#g?h"))
        #expect(RFC3986Grammar.isURI("https://[2001:db8::1]/"))
        #expect(RFC3986Grammar.isURI("urn:uuid:5e0b3d2c-1a5f-4c4e-9f3b-0d6c8a3b2e11"))
        #expect(!RFC3986Grammar.isURI("https://x.example/überspringen"))
        #expect(!RFC3986Grammar.isURI("https://x.example/a b"))
        #expect(!RFC3986Grammar.isURI("https://x.example/%zz"))
        #expect(!RFC3986Grammar.isURI("https://x.example/a#b#c"))
        #expect(!RFC3986Grammar.isURI("https://x.example/[1]"))
        #expect(!RFC3986Grammar.isURI("council.xml"))
        #expect(RFC3986Grammar.isURIReference("council.xml"))
        #expect(RFC3986Grammar.isURIReference("#section-a"))
        #expect(!RFC3986Grammar.isURIReference("a b.xml"))
    }

    @Test(arguments: [
        "https://例え.jp/パス", "https://x.example/a b/\"q\"<>{}|\\^`", "https://x.example/%zz[1]#a#b",
        "https://Bücher.example:8080/ü?q=ä&r=%2F#ö", "https://user name@x.example/",
    ])
    func everyMappedURLIsAURI(iri: String) throws {
        let uri = try #require(PublishURL.web(iri))
        #expect(RFC3986Grammar.isURI(uri), "\(uri)")
    }
}
