import Testing

@testable import GazetteKit

@Suite struct NameBasedUUIDTests {
    @Test func version5MatchesRFC9562Example() {
        // RFC 9562 §A.4 ("www.example.com" in the DNS namespace).
        let dns: [UInt8] = [0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]
        #expect(NameBasedUUID.urn(name: "www.example.com", namespace: dns) == "urn:uuid:2ed6657d-e927-568b-95e1-2665a8aea6a2")
    }

    /// Ids already published must never change: these are Python's `uuid.uuid5(uuid.NAMESPACE_URL, name)`,
    /// an implementation independent of Gazette's, for empty, ASCII, non-ASCII and multi-block names.
    @Test(arguments: [
        ("", "1b4db7eb-4057-5ddf-91e0-36dec72071f5"),
        ("https://example.org/feed.xml|guid-42", "5a2d29be-161e-5cee-ba8b-c2d27fde68dc"),
        ("tag:example.org,2025:entry/1", "e2c1f6a1-1915-5c3b-8709-95e82eb0d755"),
        ("Ünïcödé ✓ 記事", "01e6a6af-ab36-5321-98a0-1c874e49a5ad"),
        (String(repeating: "x", count: 200), "cd3580b9-d244-586a-8077-74317319b48d"),
    ])
    func urlNamespaceIDsMatchAnIndependentImplementation(name: String, uuid: String) {
        #expect(NameBasedUUID.urn(name: name) == "urn:uuid:" + uuid)
    }

    @Test func sameNameGivesSameIDAndDifferentNamesDiffer() {
        #expect(NameBasedUUID.urn(name: "a") == NameBasedUUID.urn(name: "a"))
        #expect(NameBasedUUID.urn(name: "a") != NameBasedUUID.urn(name: "b"))
    }
}
