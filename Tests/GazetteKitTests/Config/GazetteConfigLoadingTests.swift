import Foundation
import Testing

@testable import GazetteKit

@Suite struct GazetteConfigLoadingTests {
    /// The repository root, found from this file's path (Tests/GazetteKitTests/Config/…).
    static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }

    @Test func decodesEveryKeyWithTheRightValues() throws {
        let file = Fixtures.url("Config/valid-every-key.json")
        let config = try GazetteConfig.load(from: file)
        let base = file.deletingLastPathComponent().standardizedFileURL

        #expect(config.site.title == "LocalGov Digest")
        #expect(config.site.url.absoluteString == "https://news.example.org/feeds/", "a trailing / is added to the site URL")
        #expect(config.site.author == "Digest team")
        #expect(config.site.description == "Council news by service")
        #expect(config.site.icon?.absoluteString == "https://news.example.org/feeds/icon.png")
        #expect(config.site.logo?.absoluteString == "https://cdn.example.org/logo.svg")

        #expect(config.defaults.interval == 45 * 60)
        #expect(config.defaults.output.path == base.appendingPathComponent("public").path)
        #expect(config.defaults.database.path == base.appendingPathComponent("state/gazette.sqlite").path)

        #expect(config.sections.map(\.id) == ["childrens-services", "housing", "adult_care"], "file order, not sorted")
        let children = try #require(config.section("childrens-services"))
        #expect(children.title == "Children's Services")
        #expect(children.description == "Social care, education, SEND")
        #expect(children.maxEntries == 30, "defaults.maxEntries applies")
        #expect(children.maxPerSource == 5)
        #expect(children.route == KeywordFilter(include: ["safeguarding"], exclude: ["adult social care"], categories: ["Ofsted"]))
        let housing = try #require(config.section("housing"))
        #expect(housing.maxEntries == 12)
        #expect(housing.maxPerSource == 3)
        #expect(housing.route == nil)

        #expect(config.feeds.count == 5)
        let first = config.feeds[0]
        #expect(first.key == "https://www.example.gov.uk/news.atom")
        #expect(first.sections == ["childrens-services"])
        #expect(first.name == "Example Council")
        #expect(first.interval == nil)
        #expect(config.interval(for: first) == 45 * 60)
        #expect(first.filter == nil)

        let api = config.feeds[1]
        #expect(api.sections == ["housing", "adult_care"])
        #expect(api.interval == 5400)
        #expect(api.headers == ["Authorization": "Bearer abc123", "X-Api-Key": "k"])
        #expect(api.maxEntries == 7)
        #expect(api.filter == KeywordFilter(include: ["housing", "homeless*"], exclude: ["sponsored"], categories: ["Housing"]))

        let html = try #require(config.feeds[2].html)
        #expect(html.item == "//article")
        #expect(html.title == ".//h2")
        #expect(html.link == ".//h2/a/@href")
        #expect(html.summary == ".//p[@class='standfirst']")
        #expect(html.dateFormat == "dd MMMM yyyy")
        #expect(html.category == ".//span[@class='tag']")
        #expect(html.authorPattern == "^By (.+?) \\|")
        #expect(html.datePattern == "\\| (.+)$")

        #expect(config.feeds[3].key == "local/council.xml")
        #expect(config.feeds[3].url == base.appendingPathComponent("local/council.xml"))
        #expect(config.feeds[4].url.isFileURL)
        #expect(config.feeds[4].url.path == "/srv/feeds/shared.xml")
    }

    @Test func builtInDefaultsApplyWhenTheFileGivesNone() throws {
        let text = #"{ "site": { "title": "T", "url": "https://x.example/" }, "sections": { "news": { "title": "News" } }, "feeds": [] }"#
        let base = URL(fileURLWithPath: "/srv/gazette")
        let config = try GazetteConfig.parse(Data(text.utf8), baseDirectory: base)
        #expect(config.defaults.interval == 1800)
        #expect(config.defaults.output.path == "/srv/gazette/output")
        #expect(config.defaults.database.path == "/srv/gazette/.gazette/gazette.sqlite")
        #expect(config.sections[0].maxEntries == 50)
        #expect(config.sections[0].maxPerSource == 10)
        #expect(config.feeds.isEmpty)
    }

    @Test func relativeFeedPathsResolveAgainstTheConfigFolderAndKeepTheirKey() throws {
        let file = Fixtures.url("Config/relative-paths/feeds.json")
        let config = try GazetteConfig.load(from: file)
        let folder = file.deletingLastPathComponent().standardizedFileURL
        #expect(config.feeds.map(\.key) == ["feeds/council.xml", "./feeds/../feeds/other.xml", "../elsewhere/up.xml"])
        #expect(config.feeds.allSatisfy { $0.url.isFileURL })
        #expect(config.feeds[0].url.path == folder.appendingPathComponent("feeds/council.xml").path)
        #expect(config.feeds[1].url.path == folder.appendingPathComponent("feeds/other.xml").path)
        #expect(config.feeds[2].url.path == folder.deletingLastPathComponent().appendingPathComponent("elsewhere/up.xml").path)
        #expect(FileManager.default.fileExists(atPath: config.feeds[0].url.path))
    }

    @Test func sectionMayBeAStringOrAList() throws {
        let text = #"""
            { "site": { "title": "T", "url": "https://x.example/" },
              "sections": { "a": { "title": "A" }, "b": { "title": "B" } },
              "feeds": [ { "url": "https://x.example/1", "section": "b" },
                         { "url": "https://x.example/2", "section": ["b", "a", "b"] } ] }
            """#
        let config = try GazetteConfig.parse(Data(text.utf8), baseDirectory: URL(fileURLWithPath: "/tmp"))
        #expect(config.feeds[0].sections == ["b"])
        #expect(config.feeds[1].sections == ["b", "a"], "order kept, repeats dropped")
    }

    @Test(arguments: [
        ("trailing-comma.json", 3, 44, "trailing comma before '}'"),
        ("missing-comma.json", 2, 61, "expected ',' or '}' after the value of \"site\""),
        ("unclosed-string-after-non-ascii.json", 5, 56, "this string is never closed"),
    ])
    func invalidJSONIsReportedWithLineAndColumn(file: String, line: Int, column: Int, message: String) throws {
        let error = try #require(throws: ConfigError.self) { try GazetteConfig.load(from: Fixtures.url("Config/\(file)")) }
        let issue = try #require(error.issues.first)
        #expect(error.issues.count == 1)
        #expect(issue.kind == .invalidJSON)
        #expect(issue.line == line)
        #expect(issue.column == column)
        #expect(issue.message.contains(message), "\(issue.message)")
        #expect(error.description.contains("\(file):\(line):\(column): error: invalid JSON"))
    }

    @Test func aFolderMeansTheFeedsJSONInsideIt() throws {
        let folder = Fixtures.url("Config/relative-paths")
        let config = try GazetteConfig.load(from: folder)
        #expect(config.feeds.first?.url.path == folder.standardizedFileURL.appendingPathComponent("feeds/council.xml").path)
    }

    @Test func aMissingFileSaysSoAndHowToPointAtIt() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/feeds.json")
        let error = try #require(throws: ConfigError.self) { try GazetteConfig.load(from: missing) }
        guard case .unreadable(let file, let reason) = error else {
            Issue.record("expected .unreadable, got \(error)")
            return
        }
        #expect(file == "/nonexistent/feeds.json")
        #expect(reason.contains("--config"))
    }

    @Test func theRepositoryFeedsJSONValidates() throws {
        let config = try GazetteConfig.load(from: Self.repositoryRoot.appendingPathComponent("feeds.json"))
        #expect(config.site.title == "LocalGov Digest")
        #expect(
            config.sections.map(\.id) == [
                "childrens-services", "education", "housing", "finance", "health-social-care", "planning-environment",
            ])
        #expect(config.feeds.count >= 12)
        #expect(config.feeds.allSatisfy { $0.url.scheme == "https" })
        for section in config.sections {
            #expect(config.feeds.contains { $0.sections.contains(section.id) }, "\(section.id) has at least one source")
        }
    }

    @Test func theDemoFeedsJSONValidatesAndEveryFeedFileExists() throws {
        let demo = Self.repositoryRoot.appendingPathComponent("demo")
        let config = try GazetteConfig.load(from: demo.appendingPathComponent("feeds.json"))
        #expect(config.feeds.count >= 4 && config.feeds.count <= 6)
        for feed in config.feeds {
            #expect(feed.url.isFileURL)
            #expect(FileManager.default.fileExists(atPath: feed.url.path), "\(feed.key) exists")
            #expect(!feed.key.hasPrefix("/"), "demo feeds use relative paths")
        }
        #expect(config.feeds.contains { $0.filter?.include.isEmpty == false && $0.filter?.exclude.isEmpty == false })
        #expect(config.sections.contains { $0.route?.categories.contains("Ofsted") == true })
        #expect(config.defaults.output.path == demo.standardizedFileURL.appendingPathComponent("output").path)
    }
}

@Suite struct GazetteConfigRobustnessTests {
    /// Every truncation and many one-byte corruptions of a valid file end in a value or a ConfigError, never a crash.
    @Test func corruptedFilesNeverCrashTheLoaderOrTheEditor() throws {
        let original = [UInt8](try Fixtures.data("Config/valid-every-key.json"))
        let base = URL(fileURLWithPath: "/srv/gazette")
        let replacements: [UInt8] = Array("\"{}[],:\\ 0a-/".utf8) + [0xC3, 0xFF]
        var failures = 0
        var variants: [[UInt8]] = []
        for cut in stride(from: 0, to: original.count, by: 29) { variants.append(Array(original[..<cut])) }
        for (n, position) in stride(from: 3, to: original.count, by: 23).enumerated() {
            var mutated = original
            mutated[position] = replacements[n % replacements.count]
            variants.append(mutated)
        }
        for (n, bytes) in variants.enumerated() {
            do {
                _ = try GazetteConfig.parse(Data(bytes), baseDirectory: base)
            } catch {
                failures += 1
                #expect(!error.issues.isEmpty)
                #expect(error.issues.allSatisfy { $0.line != nil && $0.column != nil })
            }
            guard n % 3 == 0 else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            _ = try? FeedsFileEditor.adding(url: "https://new.example/f", sections: ["housing"], to: text, baseDirectory: base)
            _ = try? FeedsFileEditor.removing(url: "local/council.xml", from: text, baseDirectory: base)
        }
        #expect(failures > variants.count / 2, "most corruptions are caught")
    }
}
