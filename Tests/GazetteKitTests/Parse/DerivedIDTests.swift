import Testing
@testable import GazetteKit

@Suite struct DerivedIDTests {
    @Test func sameInputsGiveTheSameID() {
        #expect(DerivedID.make(["http://x", "t", nil]) == DerivedID.make(["http://x", "t", nil]))
    }

    @Test func fieldBoundariesMatter() {
        #expect(DerivedID.make(["ab", "c"]) != DerivedID.make(["a", "bc"]))
    }

    @Test func knownFNV1aValue() {
        // FNV-1a 64 of the empty string is the offset basis.
        #expect(DerivedID.make([""]) == "urn:gazette:cbf29ce484222325")
        #expect(DerivedID.make(["a"]) == "urn:gazette:af63dc4c8601ec8c")
    }
}
