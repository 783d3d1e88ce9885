import Foundation
import Testing

@testable import GazetteKit

@Suite struct FeedsFileEditorTests {
    static let base = URL(fileURLWithPath: "/srv/gazette")

    static func fixture(_ name: String) throws -> String {
        try #require(String(validating: try Fixtures.data("Config/\(name)"), as: UTF8.self))
    }

    @Test func addingToOneLineEntriesAppendsOneMoreLineAndChangesNothingElse() throws {
        let before = try Self.fixture("editor-single-line-entries.json")
        let after = try FeedsFileEditor.adding(
            url: "https://d.example/feed.xml", sections: ["housing"], name: "D \"quoted\"", to: before, baseDirectory: Self.base)
        let lastEntry = #"    { "url": "https://c.example/feed.xml", "section": "news", "name": "C" }"#
        let added = #"    { "url": "https://d.example/feed.xml", "section": "housing", "name": "D \"quoted\"" }"#
        #expect(after == before.replacingOccurrences(of: lastEntry + "\n", with: lastEntry + ",\n" + added + "\n"))
        let config = try GazetteConfig.parse(Data(after.utf8), baseDirectory: Self.base)
        #expect(config.feeds.map(\.key).last == "https://d.example/feed.xml")
        #expect(config.feeds.last?.name == "D \"quoted\"")
    }

    @Test func addingToMultiLineEntriesUsesTheSameIndentationAndLeavesTheRestByteForByte() throws {
        let before = try Self.fixture("editor-multiline-entries.json")
        let after = try FeedsFileEditor.adding(
            url: "https://c.example/feed.xml", sections: ["news", "housing"], name: nil, to: before, baseDirectory: Self.base)
        let marker = "            \"name\": \"B\"\n        }"
        let insertion =
            ",\n        {\n            \"url\": \"https://c.example/feed.xml\",\n            \"section\": [\"news\", \"housing\"]\n        }"
        let split = try #require(before.range(of: marker))
        #expect(after == String(before[..<split.upperBound]) + insertion + String(before[split.upperBound...]))
        #expect(after.hasSuffix("    ],\n    \"//\": \"kept as is\"\n}\n"))
    }

    @Test func addingToAnEmptyListIndentsLikeTheRestOfTheFile() throws {
        let before = try Self.fixture("editor-empty-feeds.json")
        let after = try FeedsFileEditor.adding(
            url: "feeds/local.xml", sections: ["news"], name: "Local", to: before, baseDirectory: Self.base)
        let expected = before.replacingOccurrences(
            of: #""feeds": []"#, with: "\"feeds\": [\n    { \"url\": \"feeds/local.xml\", \"section\": \"news\", \"name\": \"Local\" }\n  ]"
        )
        #expect(after == expected)
        let config = try GazetteConfig.parse(Data(after.utf8), baseDirectory: Self.base)
        #expect(config.feeds.first?.url.path == "/srv/gazette/feeds/local.xml")
    }

    @Test func addingKeepsWindowsLineEndings() throws {
        let before = try Self.fixture("editor-crlf-line-endings.json")
        let after = try FeedsFileEditor.adding(url: "https://b.example/f", sections: ["news"], to: before, baseDirectory: Self.base)
        #expect(
            after.contains("\"section\": \"news\" },\r\n    { \"url\": \"https://b.example/f\", \"section\": \"news\" }\r\n  ]\r\n}\r\n"))
        #expect(!after.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare LF introduced")
    }

    @Test(arguments: ["https://b.example/feed.xml", "http://B.example/feed.xml/", "https://b.example/feed.xml#x"])
    func addingAFeedAlreadyListedIsRefused(url: String) throws {
        let before = try Self.fixture("editor-single-line-entries.json")
        let error = try #require(throws: ConfigError.self) {
            try FeedsFileEditor.adding(url: url, sections: ["news"], to: before, baseDirectory: Self.base)
        }
        #expect(error == .feedAlreadyListed(file: "feeds.json", url: url, existingKey: "https://b.example/feed.xml", path: "feeds[1]"))
        #expect(error.description.contains("is already listed"))
        #expect(error.description.contains("nothing was changed"))
    }

    @Test func addingToAnUnknownSectionIsRefusedWithASuggestion() throws {
        let before = try Self.fixture("editor-single-line-entries.json")
        let error = try #require(throws: ConfigError.self) {
            try FeedsFileEditor.adding(url: "https://d.example/f", sections: ["housng"], to: before, baseDirectory: Self.base)
        }
        #expect(error.issues.map(\.kind) == [.unknownSection])
        #expect(error.issues.first?.path == "feeds[3].section")
        #expect(error.issues.first?.suggestion == "housing")
    }

    @Test func addingABadURLIsRefused() throws {
        let before = try Self.fixture("editor-single-line-entries.json")
        let error = try #require(throws: ConfigError.self) {
            try FeedsFileEditor.adding(url: "feed://d.example/rss", sections: ["news"], to: before, baseDirectory: Self.base)
        }
        #expect(error.issues.map(\.kind) == [.invalidURL])
        #expect(error.issues.first?.suggestion == "https://d.example/rss")
    }

    @Test func removingAMiddleEntryTakesItsLineAndComma() throws {
        let before = try Self.fixture("editor-single-line-entries.json")
        let after = try FeedsFileEditor.removing(url: "https://b.example/feed.xml", from: before, baseDirectory: Self.base)
        #expect(
            after
                == before.replacingOccurrences(
                    of: #"    { "url": "https://b.example/feed.xml", "section": "housing", "name": "B" },"# + "\n", with: ""))
        #expect(try GazetteConfig.parse(Data(after.utf8), baseDirectory: Self.base).feeds.map(\.name) == ["A", "C"])
    }

    @Test func removingTheLastEntryTakesThePrecedingComma() throws {
        let before = try Self.fixture("editor-multiline-entries.json")
        let after = try FeedsFileEditor.removing(url: "https://b.example/feed.xml", from: before, baseDirectory: Self.base)
        let expected = before.replacingOccurrences(
            of:
                ",\n        {\n            \"url\": \"https://b.example/feed.xml\",\n            \"section\": [\"news\", \"housing\"],\n            \"name\": \"B\"\n        }",
            with: "")
        #expect(after == expected)
        #expect(after != before)
    }

    @Test func removingTheOnlyEntryLeavesAnEmptyList() throws {
        let before = try Self.fixture("editor-crlf-line-endings.json")
        let after = try FeedsFileEditor.removing(url: "https://a.example/feed.xml", from: before, baseDirectory: Self.base)
        #expect(after.contains("\"feeds\": []\r\n}"))
        #expect(try GazetteConfig.parse(Data(after.utf8), baseDirectory: Self.base).feeds.isEmpty)
    }

    @Test func removingMatchesTheSameURLWrittenDifferently() throws {
        let before = try Self.fixture("editor-single-line-entries.json")
        let after = try FeedsFileEditor.removing(url: "http://a.example/feed.xml", from: before, baseDirectory: Self.base)
        #expect(!after.contains("a.example"))
    }

    @Test func removingAnUnlistedFeedSuggestsTheNearestListedOne() throws {
        let before = try Self.fixture("editor-single-line-entries.json")
        let error = try #require(throws: ConfigError.self) {
            try FeedsFileEditor.removing(url: "https://b.example/feed.xm", from: before, baseDirectory: Self.base)
        }
        #expect(error == .feedNotListed(file: "feeds.json", url: "https://b.example/feed.xm", suggestion: "https://b.example/feed.xml"))
    }

    @Test func addAndRemoveRewriteTheFileAtomicallyAndKeepItValid() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("feeds.json")
        let original = try Fixtures.data("Config/editor-multiline-entries.json")
        try original.write(to: file)
        let editor = FeedsFileEditor(file: file)

        let added = try editor.add(url: "https://z.example/rss", sections: ["housing"], name: "Z")
        #expect(added.feeds.map(\.key) == ["https://a.example/feed.xml", "https://b.example/feed.xml", "https://z.example/rss"])
        #expect(try GazetteConfig.load(from: file).feeds.count == 3)

        #expect(throws: ConfigError.self) { try editor.add(url: "https://z.example/rss", sections: ["news"]) }
        let removed = try editor.remove(url: "https://z.example/rss")
        #expect(removed.feeds.count == 2)
        #expect(try Data(contentsOf: file) == original, "add then remove restores the file byte for byte")

        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
        #expect(leftovers == ["feeds.json"], "no temporary files left behind")
    }

    @Test func anEditThatFailsLeavesTheFileUntouched() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("feeds.json")
        let original = try Fixtures.data("Config/editor-single-line-entries.json")
        try original.write(to: file)
        #expect(throws: ConfigError.self) { try FeedsFileEditor(file: file).add(url: "https://q.example/f", sections: ["nope"]) }
        #expect(throws: ConfigError.self) { try FeedsFileEditor(file: file).remove(url: "https://q.example/f") }
        #expect(try Data(contentsOf: file) == original)
    }
}
