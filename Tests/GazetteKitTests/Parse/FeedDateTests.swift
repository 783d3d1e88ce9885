import Foundation
import Testing

@testable import GazetteKit

@Suite struct FeedDateTests {
    /// One line of `Fixtures/Dates/feed-dates.tsv`.
    struct Case: CustomTestStringConvertible, Sendable {
        let input: String
        let expected: String?
        var testDescription: String { "\(input.debugDescription) → \(expected ?? "nil")" }
    }

    static let fixtureCases: [Case] = {
        guard let text = try? String(contentsOf: Fixtures.url("Dates/feed-dates.tsv"), encoding: .utf8) else {
            return []
        }
        return text.split(separator: "\n").compactMap { line -> Case? in
            guard !line.hasPrefix("#"), let tab = line.firstIndex(of: "\t") else { return nil }
            let expected = String(line[line.index(after: tab)...])
            return Case(input: String(line[..<tab]), expected: expected == "nil" ? nil : expected)
        }
    }()

    @Test func fixtureTableIsLoaded() {
        #expect(Self.fixtureCases.count > 100)
    }

    @Test(arguments: fixtureCases)
    func parsesFixtureDate(_ testCase: Case) {
        let parsed = FeedDate.parse(testCase.input)
        #expect(parsed.map(FeedDate.rfc3339) == testCase.expected)
    }

    @Test func keepsFractionalSeconds() throws {
        let date = try #require(FeedDate.parse("2003-12-31T10:14:55.25Z"))
        #expect(date.timeIntervalSince1970 == 1_072_865_695.25)
    }

    @Test func rejectsEmptyAndBlankText() {
        #expect(FeedDate.parse("") == nil)
        #expect(FeedDate.parse(" \n\t ") == nil)
    }

    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00Z"),
        (1_746_523_800.0, "2025-05-06T09:30:00Z"),
        (1_746_523_800.999, "2025-05-06T09:30:00Z"),
        (951_782_400.0, "2000-02-29T00:00:00Z"),
        (-1.0, "1969-12-31T23:59:59Z"),
        (253_402_300_799.0, "9999-12-31T23:59:59Z"),
    ])
    func formatsRFC3339InUTCWithoutFraction(seconds: Double, expected: String) {
        #expect(FeedDate.rfc3339(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func formatsWhatItParses() throws {
        for text in ["2025-05-06T09:30:00Z", "1999-12-31T23:59:59Z", "2024-02-29T12:00:00Z"] {
            let date = try #require(FeedDate.parse(text))
            #expect(FeedDate.rfc3339(date) == text)
        }
    }
}
