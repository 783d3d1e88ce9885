import Foundation
import Testing

@testable import GazetteKit

/// The problems validation reports in the `feeds` list.
@Suite struct ConfigDecoderFeedsTests {
    static func issues(feeds: String, sourceLocation: SourceLocation = #_sourceLocation) -> [ConfigIssue] {
        ConfigDecoderTests.issues(ConfigDecoderTests.document(feeds: feeds), sourceLocation: sourceLocation)
    }

    @Test func aFeedPointingAtAnUnknownSectionGetsASuggestion() {
        let issues = Self.issues(feeds: #"[ { "url": "https://a.example/f", "section": ["housing", "educaton"] } ]"#)
        #expect(issues.map(\.kind) == [.unknownSection])
        #expect(issues.first?.path == "feeds[0].section[1]")
        #expect(issues.first?.description == #"feeds[0].section[1]: unknown section "educaton"; did you mean "education"?"#)
    }

    @Test func anUnknownSectionWithNothingCloseListsTheDeclaredOnes() {
        let issues = Self.issues(feeds: #"[ { "url": "https://a.example/f", "section": "planning" } ]"#)
        #expect(issues.first?.suggestion == nil)
        #expect(issues.first?.message == #"unknown section "planning" (declared sections: education, housing)"#)
    }

    @Test func anEmptySectionListIsAnError() {
        let issues = Self.issues(feeds: #"[ { "url": "https://a.example/f", "section": [] } ]"#)
        #expect(issues.map(\.kind) == [.emptyList])
        #expect(issues.first?.path == "feeds[0].section")
    }

    @Test func aMisspeltFeedKeySuggestsTheRightOne() {
        let issues = Self.issues(feeds: #"[ { "url": "https://a.example/f", "section": "housing", "nmae": "A", "maxEntires": 3 } ]"#)
        #expect(issues.map(\.path) == ["feeds[0].nmae", "feeds[0].maxEntires"])
        #expect(issues.map(\.suggestion) == ["name", "maxEntries"])
    }

    @Test(arguments: [
        ("https://example.org/feed", "http://EXAMPLE.org/feed"),
        ("https://example.org/feed/", "https://example.org/feed"),
        ("https://example.org:443/feed", "https://example.org/feed#top"),
        ("feeds/council.xml", "./feeds/council.xml"),
        ("feeds/council.xml", "/srv/gazette/feeds/council.xml"),
        ("feeds/council.xml", "file:///srv/gazette/feeds/council.xml"),
    ])
    func theSameFeedListedTwiceIsADuplicate(first: String, second: String) {
        let issues = Self.issues(
            feeds: #"[ { "url": "\#(first)", "section": "education" }, { "url": "\#(second)", "section": "housing" } ]"#)
        #expect(issues.map(\.kind) == [.duplicateFeed])
        #expect(issues.first?.path == "feeds[1].url")
        #expect(issues.first?.message.contains(#"is the same feed as feeds[0] ("\#(first)")"#) == true)
    }

    @Test func differentQueriesAreDifferentFeeds() throws {
        let text = ConfigDecoderTests.document(
            feeds:
                #"[ { "url": "https://a.example/f?tag=a", "section": "education" }, { "url": "https://a.example/f?tag=b", "section": "housing" } ]"#
        )
        let config = try GazetteConfig.parse(Data(text.utf8), baseDirectory: URL(fileURLWithPath: "/tmp"))
        #expect(config.feeds.count == 2)
    }

    @Test(
        arguments: [
            ("htp://example.org/feed", "http://example.org/feed", "unsupported scheme \"htp\""),
            ("feed://example.org/rss", "https://example.org/rss", "feed: scheme"),
            ("//example.org/rss", "https://example.org/rss", "has no scheme"),
            ("www.example.org/rss", "https://www.example.org/rss", "without its scheme"),
            ("https://example.org/my feed.xml", "https://example.org/my%20feed.xml", "contains a space"),
            (" https://example.org/rss", "https://example.org/rss", "spaces at the start or end"),
            ("https:///rss", nil, "needs a host"),
            ("mailto:news@example.org", nil, "unsupported scheme \"mailto\""),
        ] as [(String, String?, String)])
    func badFeedURLsSayWhatIsWrongAndSuggestAFix(url: String, suggestion: String?, message: String) {
        let issues = Self.issues(feeds: #"[ { "url": "\#(url)", "section": "education" } ]"#)
        #expect(issues.map(\.kind) == [.invalidURL])
        #expect(issues.first?.path == "feeds[0].url")
        #expect(issues.first?.suggestion == suggestion)
        #expect(issues.first?.message.contains(message) == true, "\(issues.first?.message ?? "")")
    }

    @Test func aBareNumberIntervalIsRefusedWithTheUnitSpelledOut() {
        let issues = Self.issues(feeds: #"[ { "url": "https://a.example/f", "section": "education", "interval": 30 } ]"#)
        #expect(issues.map(\.kind) == [.wrongType])
        #expect(issues.first?.suggestion == "30m")
        #expect(issues.first?.message.contains("a bare number is ambiguous") == true)
    }

    /// Found by `FuzzConfig`: a bare number beyond Int's range trapped while building the suggestion.
    @Test func aBareNumberIntervalTooLargeForAnIntegerIsRefusedWithoutATrap() {
        let huge = String(repeating: "7", count: 57) + "30"
        let issues = Self.issues(feeds: #"[ { "url": "https://a.example/f", "section": "education", "interval": \#(huge) } ]"#)
        #expect(issues.map(\.kind) == [.wrongType])
        #expect(issues.first?.suggestion == huge + "m")
    }

    @Test func headersMustBeStringsWithValidNames() {
        let issues = Self.issues(
            feeds: #"[ { "url": "https://a.example/f", "section": "education", "headers": { "Bad Name": "x", "X-Count": 3 } } ]"#)
        #expect(issues.map(\.path) == [#"feeds[0].headers["Bad Name"]"#, "feeds[0].headers.X-Count"])
        #expect(issues.map(\.kind) == [.invalidValue, .wrongType])
    }

    @Test func keywordListsMustHoldNonEmptyStrings() {
        let issues = Self.issues(
            feeds: #"[ { "url": "https://a.example/f", "section": "education", "include": ["ofsted", ""], "exclude": ["*"] } ]"#)
        #expect(issues.map(\.path) == ["feeds[0].include[1]", "feeds[0].exclude[0]"])
        #expect(issues.map(\.kind) == [.invalidValue, .invalidValue])
    }

    @Test func anHTMLRuleNeedsAnItemAndATitleOrLink() {
        let issues = Self.issues(
            feeds: #"[ { "url": "https://a.example/news", "section": "education", "html": { "summary": ".//p", "tilte": ".//h2" } } ]"#)
        #expect(issues.map(\.path) == ["feeds[0].html.item", "feeds[0].html.title", "feeds[0].html.tilte"])
        #expect(issues.map(\.kind) == [.missingKey, .missingKey, .unknownKey])
        #expect(issues[1].message == #"an html rule needs "title" or "link" (or both) to make items"#)
        #expect(issues[2].suggestion == "title")
    }

    @Test func feedsMustBeAList() {
        let issues = Self.issues(feeds: #"{ "url": "https://a.example/f", "section": "education" }"#)
        #expect(issues.map(\.kind) == [.wrongType])
        #expect(issues.first?.path == "feeds")
    }

    @Test func aFeedInAnInvalidSectionDefinitionIsNotBlamedToo() {
        let text = ConfigDecoderTests.document(
            sections: #"{ "education": { "description": "no title" } }"#,
            feeds: #"[ { "url": "https://a.example/f", "section": "education" } ]"#)
        let issues = ConfigDecoderTests.issues(text)
        #expect(issues.map(\.path) == ["sections.education.title"])
    }
}
