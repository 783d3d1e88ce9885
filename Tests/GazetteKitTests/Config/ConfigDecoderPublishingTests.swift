import Foundation
import Testing

@testable import GazetteKit

/// `site.hubs`, `site.language` and a section's `language`: decoded when valid, reported with their
/// key path when not.
@Suite struct ConfigDecoderPublishingTests {
    static func config(site: String, sections: String = #"{ "news": { "title": "News" } }"#) throws -> GazetteConfig {
        try GazetteConfig.parse(
            Data(
                ConfigDecoderTests.document(
                    site: site, sections: sections, feeds: #"[ { "url": "https://a.example/f.xml", "section": "news" } ]"#
                ).utf8),
            baseDirectory: URL(fileURLWithPath: "/srv/gazette"))
    }

    @Test func hubsAndLanguagesAreDecoded() throws {
        let config = try Self.config(
            site:
                #"{ "title": "T", "url": "https://x.example/", "hubs": ["https://hub.example/", "http://hub2.example/ping"], "language": "en_GB" }"#,
            sections: #"{ "news": { "title": "News", "language": "fr" }, "sport": { "title": "Sport" } }"#)
        #expect(config.site.hubs.map(\.absoluteString) == ["https://hub.example/", "http://hub2.example/ping"])
        #expect(config.site.language == "en-GB")
        #expect(config.section("news")?.language == "fr")
        #expect(config.section("sport")?.language == nil)
    }

    @Test func withoutTheKeysThereAreNoHubsAndNoLanguage() throws {
        let config = try Self.config(site: #"{ "title": "T", "url": "https://x.example/" }"#)
        #expect(config.site.hubs.isEmpty)
        #expect(config.site.language == nil)
    }

    @Test(arguments: [
        (#""hubs": "https://hub.example/""#, "site.hubs", ConfigIssue.Kind.wrongType),
        (#""hubs": ["ftp://hub.example/"]"#, "site.hubs[0]", .invalidURL),
        (#""hubs": ["https://hub.example/", "https://hub.example/"]"#, "site.hubs[1]", .invalidValue),
        (#""language": "english please""#, "site.language", .invalidValue),
        (#""language": "en--GB""#, "site.language", .invalidValue),
        (#""language": 7"#, "site.language", .wrongType),
    ])
    func badValuesAreReportedWithTheirPath(member: String, path: String, kind: ConfigIssue.Kind) {
        let issues = ConfigDecoderTests.issues(
            ConfigDecoderTests.document(site: #"{ "title": "T", "url": "https://x.example/", "# + member + " }"))
        #expect(issues.map(\.path) == [path])
        #expect(issues.map(\.kind) == [kind])
    }

    @Test func aSectionLanguageIsChecked() {
        let issues = ConfigDecoderTests.issues(
            ConfigDecoderTests.document(sections: #"{ "education": { "title": "E", "language": "" }, "housing": { "title": "H" } }"#))
        #expect(issues.map(\.path) == ["sections.education.language"])
    }

    @Test(arguments: [("en", "en"), ("pt_BR", "pt-BR"), ("zh-Hant-TW", "zh-Hant-TW"), ("x", "x")])
    func languageTagsAreNormalized(raw: String, tag: String) {
        #expect(ConfigDecoder.normalizedLanguageTag(raw) == tag)
    }

    @Test(arguments: ["", "-en", "en-", "1en", "toolongtag", "en GB", "é"])
    func nonTagsAreRejected(raw: String) {
        #expect(ConfigDecoder.normalizedLanguageTag(raw) == nil)
    }
}
