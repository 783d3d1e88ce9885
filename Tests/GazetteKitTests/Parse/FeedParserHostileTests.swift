import Foundation
import Testing
@testable import GazetteKit

@Suite struct FeedParserHostileTests {
    private func hostname() -> String? {
        (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func allText(_ feed: ParsedFeed) -> String {
        ([feed.title, feed.subtitle] + feed.items.flatMap { [$0.title, $0.summary, $0.content] })
            .compactMap { $0 }.joined(separator: "\n")
    }

    @Test func billionLaughsParsesSafelyAndFast() throws {
        let clock = ContinuousClock()
        var feed: ParsedFeed?
        let elapsed = clock.measure { feed = try? parseFixture("billion-laughs.xml") }
        #expect(elapsed < .seconds(1))
        if let feed {
            #expect(!allText(feed).contains("lollollol"))
            #expect(feed.recovered)
        }
    }

    @Test(arguments: ["xxe-file.xml", "xxe-parameter-entity.xml"])
    func externalEntitiesReadNoFile(file: String) throws {
        let feed = try? parseFixture(file)
        if let feed, let host = hostname(), !host.isEmpty {
            #expect(!allText(feed).contains(host))
        }
        #expect(feed?.items.count == 1)
    }

    @Test func bareAmpersandIsRecoveredWithDiagnostics() throws {
        let feed = try parseFixture("bare-ampersand.xml")
        #expect(feed.recovered)
        #expect(feed.title == "AT&T News")
        #expect(feed.items[0].title == "Q&A: rates & fees")
        #expect(feed.items[0].link == "http://example.org/qa?a=1&b=2")
        let diagnostic = try #require(feed.diagnostics.first)
        #expect(diagnostic.hasPrefix("line 2:"))
    }

    @Test func undeclaredHTMLEntitiesAreDecodedAndFlagged() throws {
        let feed = try parseFixture("undeclared-html-entities.xml")
        #expect(feed.recovered)
        #expect(feed.diagnostics.contains { $0.contains("eacute") })
    }

    @Test func unclosedTagIsRecoveredKeepingLaterItems() throws {
        let feed = try parseFixture("unclosed-tag.xml")
        #expect(feed.recovered)
        #expect(feed.items.map(\.id).contains("b-2"))
        #expect(feed.diagnostics.first?.hasPrefix("line ") == true)
    }

    @Test func documentThatLiesAboutUTF8IsReadAsWindows1252() throws {
        let feed = try parseFixture("declared-utf8-but-cp1252.xml")
        #expect(feed.recovered)
        #expect(feed.title == "Caf\u{e9} \u{201c}quoted\u{201d}")
        #expect(feed.items[0].title == "Na\u{ef}ve \u{2013} dash")
    }

    @Test func readsUTF16WithBOM() throws {
        let feed = try parseFixture("utf16-bom.xml")
        #expect(feed.recovered == false)
        #expect(feed.title == "Sixteen \u{e9}\u{4e2d}")
        #expect(feed.items[0].title == "\u{fc}ber")
    }

    @Test func readsISO88591Declaration() throws {
        let feed = try parseFixture("iso-8859-1.xml")
        #expect(feed.title == "Latin \u{e9}t\u{e9}")
        #expect(feed.items[0].title == "Gar\u{e7}on")
    }

    @Test func httpCharsetOverridesTheXMLDeclaration() throws {
        let feed = try parseFixture("http-charset-overrides-declaration.xml", charset: "utf-8")
        #expect(feed.title == "\u{e9}t\u{e9} \u{2014} summer")
        #expect(feed.recovered == false)
        let undeclared = try parseFixture("http-charset-overrides-declaration.xml")
        #expect(undeclared.title != feed.title)
    }

    @Test func garbageIsNotAFeed() throws {
        let data = Data("this is not xml at all".utf8)
        #expect(throws: FeedParseError.self) { try FeedParser().parse(data, url: nil) }
    }
}
