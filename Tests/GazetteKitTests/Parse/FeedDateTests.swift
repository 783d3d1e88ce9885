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

    // MARK: - feedparser's date vectors (../shared/corpus/feedparser-derived/date_parsers.json)

    /// Vectors whose expectation belongs to one feedparser sub-parser and contradicts what its
    /// generic entry point (`_parse_date`, which tries every sub-parser) returns; Gazette has one
    /// entry point, which follows the generic behaviour here.
    static let subParserOnlyExpectations: Set<String> = [
        "22013"  // w3dtf rejects it; the ISO 8601 sub-parser reads YYDDD (as for "03335"): 2022-01-13
    ]

    struct Vector: Decodable {
        let parser: String
        let input: String?
        let expected_utc: [Int]?
    }

    struct VectorFile: Decodable {
        let vectors: [Vector]
    }

    @Test func passesFeedparserDateVectors() throws {
        guard let shared = Fixtures.shared else {
            print("skipped: ../shared is absent, feedparser date vectors not run")
            return
        }
        let url = shared.appendingPathComponent("corpus/feedparser-derived/date_parsers.json")
        let file = try JSONDecoder().decode(VectorFile.self, from: Data(contentsOf: url))
        var passed = 0
        var failures: [String] = []
        var checked = 0
        for vector in file.vectors {
            guard let input = vector.input, !Self.subParserOnlyExpectations.contains(input) else { continue }
            checked += 1
            let got = FeedDate.parse(input).map(FeedDate.rfc3339)
            let want = vector.expected_utc.map { utc in
                FeedDate.rfc3339(
                    Date(
                        timeIntervalSince1970: Double(
                            FeedDate.days(fromCivil: utc[0], utc[1], utc[2]) * 86_400
                                + Int64(utc[3] * 3600 + utc[4] * 60 + utc[5]))))
            }
            if got == want {
                passed += 1
            } else {
                failures.append("\(vector.parser) \(input.debugDescription): got \(got ?? "nil"), want \(want ?? "nil")")
            }
        }
        print("feedparser date vectors: \(passed)/\(checked) passed")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(checked > 60)
    }
}
