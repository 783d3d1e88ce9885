import Foundation
import Testing

@testable import GazetteKit

/// The problems `feeds.json` validation reports for the site, defaults, sections and the document as a whole.
@Suite struct ConfigDecoderTests {
    /// The issues reported for `text`, failing the test if it validates.
    static func issues(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [ConfigIssue] {
        do {
            _ = try GazetteConfig.parse(Data(text.utf8), baseDirectory: URL(fileURLWithPath: "/srv/gazette"))
            Issue.record("expected validation to fail", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.issues
        }
    }

    /// A valid document with `site`, `sections` and `feeds` replaceable.
    static func document(
        site: String = #"{ "title": "T", "url": "https://x.example/" }"#,
        sections: String = #"{ "education": { "title": "Education" }, "housing": { "title": "Housing" } }"#,
        feeds: String = #"[ { "url": "https://a.example/feed.xml", "section": "education" } ]"#,
        extra: String = ""
    ) -> String {
        #"{ "site": \#(site), "sections": \#(sections), "feeds": \#(feeds)\#(extra) }"#
    }

    @Test func manyProblemsAreReportedTogetherInFileOrder() throws {
        let error = try #require(throws: ConfigError.self) {
            try GazetteConfig.load(from: Fixtures.url("Config/many-problems.json"))
        }
        let got = error.issues.map { "\($0.line ?? 0) \($0.kind.rawValue) \($0.path) \($0.suggestion ?? "-")" }
        #expect(
            got == [
                "2 invalidURL site.url -",
                "2 unknownKey site.autor author",
                "5 invalidSectionID sections[\"Children's Services\"] childrens-services",
                "6 missingKey sections.housing.title -",
                "9 unknownSection feeds[0].section education",
                "10 invalidURL feeds[1].url http://example.org/b.xml",
                "10 wrongType feeds[1].maxEntries -",
                "11 unknownKey feeds[2].sectoin section",
                "12 duplicateFeed feeds[3].url -",
                "12 wrongType feeds[3].interval 30m",
                "13 emptyList feeds[4].section -",
            ])
        #expect(error.description.hasPrefix("\(Fixtures.url("Config/many-problems.json").path) has 11 problems:"))
        #expect(
            error.description.contains(#"many-problems.json:2:59: error: site.autor: unknown key "autor" in site; did you mean "author"?"#))
        #expect(error.description.contains(#"feeds[1].maxEntries: expected a whole number, found a string (write 10 without quotes)"#))
        #expect(
            error.description.contains(
                #"feeds[3].url: "http://EXAMPLE.org/a.xml" is the same feed as feeds[0] ("https://example.org/a.xml")"#))
    }

    @Test func unknownKeysSuggestTheClosestKnownKey() {
        let issues = Self.issues(
            Self.document(site: #"{ "title": "T", "url": "https://x.example/", "descripton": "d", "max_entries": 3 }"#))
        #expect(issues.map(\.path) == ["site.descripton", "site.max_entries"])
        #expect(issues.map(\.suggestion) == ["description", nil])
        #expect(issues[0].description == #"site.descripton: unknown key "descripton" in site; did you mean "description"?"#)
        #expect(issues[1].message.contains("site may have: title, url, author, description, icon, logo"), "no close key: list them")
    }

    @Test func snakeCaseKeysSuggestTheCamelCaseSpelling() {
        let issues = Self.issues(Self.document(sections: #"{ "education": { "title": "E", "max_entries": 5 } }"#))
        #expect(issues.map(\.path) == ["sections.education.max_entries"])
        #expect(issues.first?.suggestion == "maxEntries")
    }

    @Test func unknownTopLevelKeySuggestsTheKnownOne() {
        let issues = Self.issues(Self.document(extra: #", "default": { "interval": "1h" }"#))
        #expect(issues.map(\.kind) == [.unknownKey])
        #expect(issues.first?.path == "default")
        #expect(issues.first?.suggestion == "defaults")
    }

    @Test func aMisspeltRequiredKeyIsReportedOnceAsUnknown() {
        let issues = Self.issues(Self.document(site: #"{ "titel": "T", "url": "https://x.example/" }"#))
        #expect(issues.map(\.kind) == [.unknownKey])
        #expect(issues.first?.suggestion == "title")
    }

    @Test func missingRequiredKeysAreNamedWithTheirPath() {
        let issues = Self.issues(#"{ "site": { "url": "https://x.example/" }, "feeds": [] }"#)
        #expect(issues.map(\.path).sorted() == ["sections", "site.title"])
        #expect(issues.allSatisfy { $0.kind == .missingKey })
        #expect(issues.contains { $0.message == #"site is missing the required key "title""# })
    }

    @Test func theTopLevelMustBeAnObject() {
        let issues = Self.issues(#"[ { "url": "https://x.example/" } ]"#)
        #expect(issues.map(\.kind) == [.wrongType])
        #expect(issues.first?.message == "the top level must be an object ({ … }), not a list")
        #expect(issues.first?.line == 1)
        #expect(issues.first?.column == 1)
    }

    @Test func aRepeatedKeyIsReported() {
        let issues = Self.issues(Self.document(site: #"{ "title": "T", "title": "U", "url": "https://x.example/" }"#))
        #expect(issues.map(\.kind) == [.duplicateKey])
        #expect(issues.first?.path == "site.title")
    }

    @Test(
        arguments: [
            ("news.example.org", nil),
            ("www.example.org/feeds/", "https://www.example.org/feeds/"),
            ("ftp://example.org/", nil),
            ("https://", nil),
        ] as [(String, String?)])
    func theSiteURLMustBeAbsoluteHTTP(url: String, suggestion: String?) {
        let issues = Self.issues(Self.document(site: #"{ "title": "T", "url": "\#(url)" }"#))
        #expect(issues.map(\.kind) == [.invalidURL])
        #expect(issues.first?.path == "site.url")
        #expect(issues.first?.suggestion == suggestion)
        #expect(issues.first?.message.contains("is not an absolute http(s) URL") == true)
    }

    @Test(
        arguments: [
            ("Children's Services", "childrens-services"),
            ("Education", "education"),
            ("-news", "news"),
            ("news/local", "news-local"),
            ("Café", "cafe"),
        ] as [(String, String?)])
    func sectionIDsMustBeUsableAsFileNames(id: String, suggestion: String?) {
        let issues = Self.issues(
            Self.document(sections: #"{ "\#(id)": { "title": "X" } }"#, feeds: "[]"))
        #expect(issues.map(\.kind) == [.invalidSectionID])
        #expect(issues.first?.suggestion == suggestion)
        #expect(issues.first?.message.contains("a-z, 0-9, - and _") == true)
    }

    @Test func noSectionsAtAllIsAnError() {
        let issues = Self.issues(Self.document(sections: "{}", feeds: "[]"))
        #expect(issues.map(\.kind) == [.emptyList])
        #expect(issues.first?.path == "sections")
    }

    @Test func sectionLimitsMustBePositiveWholeNumbers() {
        let issues = Self.issues(
            Self.document(sections: #"{ "education": { "title": "E", "maxEntries": 0, "maxPerSource": 2.5 } }"#))
        #expect(issues.map(\.path) == ["sections.education.maxEntries", "sections.education.maxPerSource"])
        #expect(issues.map(\.kind) == [.invalidValue, .invalidValue])
        #expect(issues[0].message == "must be a whole number of at least 1, not 0")
    }

    @Test func aRouteNeedsSomethingToIncludeBy() {
        let issues = Self.issues(
            Self.document(sections: #"{ "education": { "title": "E", "route": { "exclude": ["sport"] } } }"#))
        #expect(issues.map(\.kind) == [.emptyList])
        #expect(issues.first?.path == "sections.education.route")
    }

    @Test func wrongTypesNameWhatWasExpectedAndFound() {
        let issues = Self.issues(
            Self.document(
                site: #"{ "title": 5, "url": "https://x.example/" }"#,
                sections: #"{ "education": { "title": "E", "route": { "include": "ofsted" } } }"#))
        #expect(issues.map(\.path) == ["site.title", "sections.education.route.include"])
        #expect(issues[0].message == "expected a string in double quotes, found a number")
        #expect(issues[1].message == #"expected a list of strings (["…", "…"]), found a string"#)
    }

    @Test func defaultsAreValidated() {
        let issues = Self.issues(Self.document(extra: #", "defaults": { "interval": "soon", "output": "" }"#))
        #expect(issues.map(\.path) == ["defaults.interval", "defaults.output"])
        #expect(issues[0].message.contains(#""soon" is not a duration"#))
    }

    @Test func commentKeysAreIgnoredEverywhere() throws {
        let text = Self.document(
            site: #"{ "//": "the public site", "title": "T", "url": "https://x.example/" }"#,
            sections: #"{ "//": "one section", "education": { "title": "E" } }"#,
            extra: #", "//": "top-level note""#)
        let config = try GazetteConfig.parse(Data(text.utf8), baseDirectory: URL(fileURLWithPath: "/tmp"))
        #expect(config.sections.map(\.id) == ["education"])
    }
}
