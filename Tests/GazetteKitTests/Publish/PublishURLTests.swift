import Testing

@testable import GazetteKit

@Suite struct PublishURLTests {
    @Test(arguments: [
        "https://example.com/a?b=c#d", "http://example.com", "https://例え.jp/パス", "https://x.example/%E2%82%AC",
    ])
    func acceptsWebURLs(url: String) {
        #expect(PublishURL.web(url) == url)
    }

    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd", "/relative/path",
        "https://", "https:///path", "http:example.com", "https://exa mple.com", "https://x.example/<script>", "https://x.example/%zz",
        "https://x.example/\u{0}", "", "mailto:a@b.example", "ftp://x.example/file",
    ])
    func rejectsEverythingElseAsALink(url: String) {
        #expect(PublishURL.web(url) == nil)
    }

    @Test(arguments: ["tag:example.com,2025:post-1", "urn:uuid:5e0b3d2c-1a5f-4c4e-9f3b-0d6c8a3b2e11", "https://example.com/p/1"])
    func acceptsAbsoluteIRIsAsIdentifiers(id: String) {
        #expect(PublishURL.identifier(id) == id)
    }

    @Test(arguments: ["12345", "post-1", "not an iri", "javascript:alert(1)", "data:,x", "x:", ":x", "1abc:def", "a\"b:c"])
    func rejectsRelativeMalformedOrScriptIdentifiers(id: String) {
        #expect(PublishURL.identifier(id) == nil)
    }
}
