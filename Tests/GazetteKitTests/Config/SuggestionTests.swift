import Testing

@testable import GazetteKit

@Suite struct SuggestionTests {
    @Test(
        arguments: [
            ("sectoin", "section"), ("secton", "section"), ("sections", "section"), ("max_entries", "maxEntries"),
            ("MaxEntries", "maxEntries"), ("urll", "url"), ("naem", "name"), ("colour", nil), ("x", nil),
        ] as [(String, String?)])
    func suggestsOnlyPlausibleTypos(word: String, expected: String?) {
        let keys = ["url", "section", "name", "interval", "headers", "maxEntries", "include", "exclude", "categories", "html"]
        #expect(Suggestion.closest(to: word, in: keys) == expected)
    }

    @Test func editDistanceCountsATranspositionAsOneEdit() {
        #expect(Suggestion.editDistance(Array("naem"), Array("name")) == 1)
        #expect(Suggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(Suggestion.editDistance(Array(""), Array("abc")) == 3)
    }
}
