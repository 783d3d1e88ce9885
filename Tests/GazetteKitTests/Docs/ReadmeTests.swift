import Foundation
import Testing

/// The README is what a new user follows on a fresh clone: it must match the tool and stand on the
/// repository alone.
@Suite struct ReadmeTests {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static func readme() throws -> String {
        try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
    }

    @Test func requirementsComeFirstWithWhereToGetSwift() throws {
        let text = try Self.readme()
        let requirements = try #require(text.range(of: "## Requirements"))
        let firstCommand = try #require(text.range(of: "```sh"))
        #expect(requirements.lowerBound < firstCommand.lowerBound)
        #expect(text[requirements.lowerBound..<firstCommand.lowerBound].contains("https://www.swift.org/install/"))
        #expect(!text.lowercased().contains("offline"), "the first build downloads packages: the demo is not offline")
        // Both times, the first build's and the tests' own, are stated.
        #expect(text.contains("downloads") && text.contains("20 minutes") && text.contains("40 seconds"))
    }

    @Test func nothingOutsideTheRepositoryIsNeededExceptWhatIsSaidToBeOptIn() throws {
        let text = try Self.readme()
        #expect(!text.contains("shared/contracts"), "the parse contract lives in docs/")
        #expect(text.contains("docs/parse-json.md"))
        // Every section that mentions the shared folder says it is not in the repository.
        for section in text.components(separatedBy: "\n#") where section.contains("shared/") {
            let words = section.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(words.contains("not part of this repository"), "\(section.prefix(80))")
        }
        #expect(text.contains("GAZETTE_SHARED=../shared swift test --no-parallel --filter Corpus"))
    }

    @Test func commandsNamedInTheREADMEExist() throws {
        let text = try Self.readme()
        #expect(!text.contains("bench htmlsource"))
        #expect(text.contains("gazette bench config\\|fetch\\|html\\|parse\\|publish\\|store"))
        #expect(text.contains("--pick N"))
        #expect(text.contains("Renaming or retiring a section"))
        #expect(text.contains("urn:uuid:"), "says which ids are kept and which are derived")
    }
}
