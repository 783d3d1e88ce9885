import Foundation
import Testing

/// feeds.json as an attacker or an accident would write it: huge, deeply nested, section ids that
/// try to leave the output folder, NUL bytes, output and database paths that collide. Each gets a
/// clear error with the documented status, and nothing is written outside the output folder.
@Suite(.serialized) struct HostileConfigurationTests {
    static let site = "\"site\": { \"title\": \"T\", \"url\": \"https://digest.example.org/\" }"

    /// Writes `json` as feeds.json in a fresh folder and runs `arguments` there.
    static func run(_ json: String, _ arguments: [String] = ["run"]) throws -> (GazetteBinary.Result, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        try Data(json.utf8).write(to: directory.url.appendingPathComponent("feeds.json"))
        return (try GazetteBinary.run(arguments, in: directory.url), directory)
    }

    /// Every path under `directory` (relative), to show what a run created.
    static func tree(_ directory: URL) -> Set<String> {
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        var paths: Set<String> = []
        while let path = enumerator?.nextObject() as? String { paths.insert(path) }
        return paths
    }

    @Test func aFeedsFileOverTheSizeLimitIsRefusedAtOnce() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("feeds.json")
        // 50 MB: a valid configuration padded with whitespace.
        var bytes = Data("{ \(Self.site), \"sections\": { \"n\": { \"title\": \"N\" } }, \"feeds\": [] ".utf8)
        bytes.append(Data(repeating: UInt8(ascii: " "), count: 50 * 1_048_576))
        bytes.append(Data("}".utf8))
        try bytes.write(to: file)
        let started = Date()
        let result = try GazetteBinary.run(["check"], in: directory.url)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(file.path) && result.stderr.contains("50.0 MB"), "\(result.stderr)")
        #expect(result.stderr.contains("more than the 16 MB"), "\(result.stderr)")
        #expect(Self.tree(directory.url) == ["feeds.json"])
    }

    @Test func aHundredThousandFeedsAreChecked() throws {
        let feeds = (0..<100_000).map { "{\"url\":\"https://feeds\($0 % 997).example/\($0).xml\",\"section\":\"n\"}" }
        let json = "{ \(Self.site), \"sections\": { \"n\": { \"title\": \"N\" } }, \"feeds\": [\(feeds.joined(separator: ",\n"))] }"
        #expect(json.utf8.count < 16 * 1_048_576)
        let (result, directory) = try Self.run(json, ["check"])
        defer { directory.remove() }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("100000 sources"), "\(result.stdout)")
    }

    @Test func deeplyNestedJSONIsAnErrorWithItsPosition() throws {
        let json = "{ \(Self.site), \"sections\": " + String(repeating: "[", count: 200_000)
        let (result, directory) = try Self.run(json, ["check"])
        defer { directory.remove() }
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("feeds.json:1:"), "\(result.stderr)")
        #expect(result.stderr.contains("nesting deeper than 256 levels"), "\(result.stderr)")
    }

    @Test(arguments: ["../x", "/tmp/x", "..", "a/../../b", "x\\u0000y", ".hidden", "a\\\\b"])
    func sectionIDsThatLeaveTheOutputFolderAreRefused(_ id: String) throws {
        let json = """
            { \(Self.site), "sections": { "\(id)": { "title": "Escape" } },
              "feeds": [ { "url": "https://source.example/feed.xml", "section": "\(id)" } ] }
            """
        let (result, directory) = try Self.run(json)
        defer { directory.remove() }
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("the section id"), "\(result.stderr)")
        #expect(!result.stderr.contains("\u{0}"), "control characters are shown escaped")
        #expect(Self.tree(directory.url) == ["feeds.json"], "a refused configuration writes nothing")
    }

    @Test func nulBytesInPathsAreRefused() throws {
        for key in ["output", "database"] {
            let json = """
                { \(Self.site), "defaults": { "\(key)": "out\\u0000put" }, "sections": { "n": { "title": "N" } },
                  "feeds": [ { "url": "https://source.example/feed.xml", "section": "n" } ] }
                """
            let (result, directory) = try Self.run(json)
            defer { directory.remove() }
            #expect(result.status == 2, "\(key): \(result.stderr)")
            #expect(result.stderr.contains("defaults.\(key): must be a non-empty file path without control characters"), "\(result.stderr)")
            #expect(Self.tree(directory.url) == ["feeds.json"])
        }
    }

    @Test func outputAndDatabaseThatCollide() throws {
        let cases: [(defaults: String, message: String)] = [
            ("\"output\": \"state\", \"database\": \"state\"", "are the same path"),
            ("\"output\": \"public\", \"database\": \"public/gazette.sqlite\"", "is inside the output folder"),
            ("\"output\": \"db/out\", \"database\": \"db\"", "is inside the state database's path"),
        ]
        for (defaults, message) in cases {
            let json = """
                { \(Self.site), "defaults": { \(defaults) }, "sections": { "n": { "title": "N" } },
                  "feeds": [ { "url": "https://source.example/feed.xml", "section": "n" } ] }
                """
            let (result, directory) = try Self.run(json)
            defer { directory.remove() }
            #expect(result.status == 2, "\(defaults): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(Self.tree(directory.url) == ["feeds.json"])
        }
    }

    @Test func commandLinePathsThatCollide() throws {
        let workspace = try FaultWorkspace(feeds: 1)
        defer { workspace.remove() }
        try workspace.writeFeed(0, items: [(0, "Story 0")])
        let before = Self.tree(workspace.root)
        let same = workspace.root.appendingPathComponent("same").path
        let inside = workspace.root.appendingPathComponent("public").path
        for (arguments, status, message) in [
            (["--output", same, "--database", same], Int32(2), "are the same path"),
            (["--output", inside, "--database", inside + "/state.sqlite"], 2, "is inside the output folder"),
            (["--output", workspace.config.path], 5, "\(workspace.config.path): cannot create the output folder: it is a file"),
        ] {
            let result = try workspace.run(arguments)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(Self.tree(workspace.root) == before, "\(arguments): nothing may be written")
        }
        // The same paths from the configuration's folder work.
        #expect(try workspace.run().status == 0)
    }

    @Test func aRunWritesOnlyIntoItsOutputFolderAndDatabaseFolder() throws {
        let workspace = try FaultWorkspace(feeds: 2)
        defer { workspace.remove() }
        for n in 0..<2 { try workspace.writeFeed(n, items: [(0, "../../escape"), (1, "/etc/passwd")]) }
        let before = Self.tree(workspace.root)
        #expect(try workspace.run().status == 0)
        let created = Self.tree(workspace.root).subtracting(before)
        let outside = created.filter { !$0.hasPrefix("output") && !$0.hasPrefix(".gazette") }
        #expect(outside.isEmpty, "\(outside)")
        #expect(Set(workspace.outputFiles().keys) == ["news.xml", "news.json", "index.html", "sources.opml"])
    }
}
