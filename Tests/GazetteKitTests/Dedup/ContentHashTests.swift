import Testing

@testable import GazetteKit

@Suite struct ContentHashTests {
    @Test func digestIsStableAndSeparatesParts() {
        #expect(ContentHash.digest(["ab", "c"]) == ContentHash.digest(["ab", "c"]))
        #expect(ContentHash.digest(["ab", "c"]) != ContentHash.digest(["a", "bc"]))
        #expect(ContentHash.digest([nil]) != ContentHash.digest([""]))
        #expect(ContentHash.digest(["x"]).count == 32)
    }

    @Test func fnv1aMatchesTheReferenceVector() {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (reference test vector).
        #expect(ContentHash.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
    }
}
