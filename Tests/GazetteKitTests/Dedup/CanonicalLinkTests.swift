import Testing

@testable import GazetteKit

@Suite struct CanonicalLinkTests {
    @Test(arguments: [
        ("https://www.example.gov.uk/news/a", "https://example.gov.uk/news/a"),
        ("http://example.gov.uk/news/a", "https://example.gov.uk/news/a"),
        ("HTTPS://WWW.Example.GOV.UK/News/A", "https://example.gov.uk/News/A"),
        ("https://example.gov.uk:443/news/a", "https://example.gov.uk/news/a"),
        ("http://example.gov.uk:80/news/a", "https://example.gov.uk/news/a"),
        ("https://example.gov.uk:8443/news/a", "https://example.gov.uk:8443/news/a"),
        ("https://example.gov.uk/news/a/", "https://example.gov.uk/news/a"),
        ("https://example.gov.uk/news/a#comments", "https://example.gov.uk/news/a"),
        ("https://example.gov.uk/", "https://example.gov.uk"),
        ("https://example.gov.uk./news/a", "https://example.gov.uk/news/a"),
        ("https://user:pass@example.gov.uk/news/a", "https://example.gov.uk/news/a"),
        ("  https://example.gov.uk/news/a \n", "https://example.gov.uk/news/a"),
        ("https://example.gov.uk/a?utm_source=rss&utm_medium=feed&utm_campaign=x", "https://example.gov.uk/a"),
        ("https://example.gov.uk/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ref=5", "https://example.gov.uk/a"),
        ("https://example.gov.uk/a?UTM_Source=x&CMP=share_btn_tw&INTCMP=y", "https://example.gov.uk/a"),
        ("https://example.gov.uk/a?b=2&a=1&utm_term=z", "https://example.gov.uk/a?a=1&b=2"),
        ("https://example.gov.uk/a?id=2&id=1", "https://example.gov.uk/a?id=1&id=2"),
        ("https://example.gov.uk/article.aspx?id=120&utm_source=rss", "https://example.gov.uk/article.aspx?id=120"),
        ("https://example.gov.uk/?p=412", "https://example.gov.uk?p=412"),
        ("https://example.gov.uk/a?q=caf%C3%A9", "https://example.gov.uk/a?q=caf%C3%A9"),
    ])
    func canonicalizes(input: String, expected: String) {
        #expect(CanonicalLink.canonicalize(input) == expected)
    }

    @Test(arguments: [
        "tag:example.gov.uk,2025:news/1", "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427", "/news/a", "", "mailto:press@example.gov.uk",
        "ftp://example.gov.uk/a",
    ])
    func nonWebLinksHaveNoCanonicalForm(input: String) {
        #expect(CanonicalLink.canonicalize(input) == nil)
    }

    @Test func homePagesDoNotIdentifyAStory() throws {
        #expect(!CanonicalLink.isIdentifying(try #require(CanonicalLink.canonicalize("https://www.example.gov.uk/"))))
        #expect(!CanonicalLink.isIdentifying(try #require(CanonicalLink.canonicalize("https://example.gov.uk/?utm_source=rss"))))
        #expect(CanonicalLink.isIdentifying(try #require(CanonicalLink.canonicalize("https://example.gov.uk/news/a"))))
        #expect(CanonicalLink.isIdentifying(try #require(CanonicalLink.canonicalize("https://example.gov.uk/?p=412"))))
    }

    @Test func hostFreeKeyDropsSchemeHostAndPort() {
        #expect(CanonicalLink.hostFreeKey("https://old.example/2025/03/post") == "/2025/03/post")
        #expect(CanonicalLink.hostFreeKey("https://old.example:8080/2025/03/post") == "/2025/03/post")
        #expect(CanonicalLink.hostFreeKey("https://old.example?p=77") == "?p=77")
        #expect(CanonicalLink.hostFreeKey("https://old.example") == nil)
    }

    @Test func entryKeysMatchAcrossSchemeAndWWWButKeepOtherIds() {
        #expect(
            CanonicalLink.entryKey(forID: "http://www.example.org.uk/?p=412")
                == CanonicalLink.entryKey(forID: "https://example.org.uk/?p=412"))
        #expect(CanonicalLink.entryKey(forID: " tag:example,2025:1 ") == "tag:example,2025:1")
        #expect(CanonicalLink.entryKey(forID: "12345") == "12345")
    }
}
