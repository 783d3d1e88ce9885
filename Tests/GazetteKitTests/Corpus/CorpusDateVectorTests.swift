import Foundation
import Testing

@testable import GazetteKit

/// Opt-in (needs `GAZETTE_SHARED`): the date parser against feedparser's date vectors.
@Suite struct CorpusDateVectorTests {
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

    @Test(Fixtures.needsShared) func passesFeedparserDateVectors() throws {
        let shared = try #require(Fixtures.shared)
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
