import Testing

@testable import GazetteKit

@Suite struct ConfigErrorTests {
    @Test func anIssueFormatsLikeACompilerDiagnostic() {
        let issue = ConfigIssue(
            kind: .unknownSection, path: "feeds[3].section", message: #"unknown section "educaton""#, suggestion: "education",
            line: 12, column: 16)
        #expect(
            issue.formatted(file: "feeds.json")
                == #"feeds.json:12:16: error: feeds[3].section: unknown section "educaton"; did you mean "education"?"#)
        let unplaced = ConfigIssue(kind: .emptyList, path: "", message: "empty")
        #expect(unplaced.formatted(file: "feeds.json") == "feeds.json: error: empty")
    }

    @Test func everyCaseNamesTheFileAndWhatToDo() {
        let cases: [(ConfigError, String)] = [
            (.unreadable(file: "f.json", reason: "no such file"), "f.json: error: cannot read the configuration: no such file"),
            (
                .invalid(file: "f.json", issues: [ConfigIssue(kind: .missingKey, path: "site", message: "missing")]),
                "f.json has 1 problem:\nf.json: error: site: missing"
            ),
            (
                .feedAlreadyListed(file: "f.json", url: "http://a/x", existingKey: "https://a/x", path: "feeds[2]"),
                #"f.json: error: http://a/x is already listed as "https://a/x" at feeds[2]; nothing was changed"#
            ),
            (
                .feedNotListed(file: "f.json", url: "https://a/y", suggestion: "https://a/x"),
                #"f.json: error: no feed with the URL https://a/y is listed; nothing was changed; did you mean "https://a/x"?"#
            ),
            (
                .unwritable(file: "f.json", reason: "Permission denied"),
                "f.json: error: cannot write the edited configuration (Permission denied); the original file is unchanged"
            ),
        ]
        for (error, text) in cases { #expect(error.description == text) }
    }
}
