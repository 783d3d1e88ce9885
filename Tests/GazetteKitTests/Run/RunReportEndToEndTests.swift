import Foundation
import Testing

@testable import GazetteKit

/// What `gazette run` tells a person (or cron mail): problems, the summary line, `--dry-run`.
@Suite(.serialized) struct RunReportEndToEndTests {
    typealias Workspace = GazetteRunEndToEndTests.Workspace

    static func write(_ json: String, to directory: TemporaryDirectory) throws -> URL {
        let config = directory.url.appendingPathComponent("feeds.json")
        try Data(json.utf8).write(to: config)
        return config
    }

    static func warnings(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("warning: ") }
    }

    @Test func feedsOfAHostThatIsDownAreOneLineNamingEachFeedOnce() throws {
        let live = try LoopbackHTTPServer()
        defer { live.stop() }
        live.route("/good.xml", .ok(try Fixtures.data("Run/care-bulletin.xml"), type: "application/rss+xml"))
        let dead = try LoopbackHTTPServer()
        let deadHost = "127.0.0.1:\(dead.url("/").port ?? 0)"
        let deadURLs = (1...4).map { dead.url("/f\($0).xml").absoluteString }
        dead.stop()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let feeds = ([live.url("/good.xml").absoluteString] + deadURLs).map { "{ \"url\": \"\($0)\", \"section\": \"s\" }" }
        let config = try Self.write(
            """
            { "site": { "title": "T", "url": "https://t.example/" }, "sections": { "s": { "title": "S" } },
              "feeds": [ \(feeds.joined(separator: ",\n")) ] }
            """, to: directory)
        let result = try GazetteBinary.run(["run", "--config", config.path])
        #expect(result.status == 0, "\(result.stderr)")
        let warnings = Self.warnings(result.stderr)
        #expect(warnings.count == 1, "\(result.stderr)")
        let line = try #require(warnings.first)
        #expect(line.hasPrefix("warning: \(deadHost): could not connect (connection refused)"), "\(line)")
        #expect(line.contains("4 feeds on this host failed: /f1.xml, /f2.xml, /f3.xml, /f4.xml"), "\(line)")
        #expect(!line.contains("http://"), "each URL is named once, by its host and path: \(line)")
        #expect(result.stdout.contains("5 of 5 feeds due: 1 fetched"), "\(result.stdout)")
        // `list` names each of them once too.
        let list = try GazetteBinary.run(["list", "--config", config.path])
        for url in deadURLs {
            let line = list.stdout.split(separator: "\n").first { $0.contains(url) }.map(String.init) ?? ""
            #expect(line.components(separatedBy: url).count == 2, "\(line)")
            #expect(line.contains("ERROR (1×): could not connect (connection refused)"), "\(line)")
        }
    }

    @Test func aConnectionCutMidResponseIsSaidInPlainWords() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let body = try Fixtures.data("Run/care-bulletin.xml")
        server.route(
            "/cut.xml",
            .init(
                status: 200, headers: ["Content-Type": "application/rss+xml"],
                body: .closeMidBody(body.prefix(200), announcedLength: body.count)))
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = server.url("/cut.xml").absoluteString
        let config = try Self.write(
            """
            { "site": { "title": "T", "url": "https://t.example/" }, "sections": { "s": { "title": "S" } },
              "feeds": [ { "url": "\(url)", "section": "s", "name": "Cut" } ] }
            """, to: directory)
        let result = try GazetteBinary.run(["run", "--config", config.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            Self.warnings(result.stderr) == [
                "warning: Cut (\(url)): the server closed the connection before the whole response arrived; Gazette will try again next run"
            ], "\(result.stderr)")
    }

    @Test func aFeedThatIsAlwaysMalformedIsReportedOnceThenShownByList() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        func malformed(_ title: String) -> String {
            """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Sloppy</title><link>https://sloppy.example/</link>
            <item><title>\(title)</title><link>https://sloppy.example/\(title.count)</link><description><p>unclosed</description></item>
            </channel></rss>
            """
        }
        server.route("/sloppy.xml", .ok(malformed("First story"), type: "application/rss+xml"))
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let config = try Self.write(
            """
            { "site": { "title": "T", "url": "https://t.example/" }, "sections": { "s": { "title": "S" } },
              "feeds": [ { "url": "\(server.url("/sloppy.xml").absoluteString)", "section": "s", "name": "Sloppy" } ] }
            """, to: directory)
        let quiet = try GazetteBinary.run(["run", "--quiet", "--config", config.path])
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(quiet.stderr.isEmpty && quiet.stdout.isEmpty, "--quiet: nothing for a harmless recovery: \(quiet.stderr)")

        // Without --quiet on a fresh store: said once…
        let fresh = directory.url.appendingPathComponent("fresh.sqlite").path
        let first = try GazetteBinary.run(["run", "--force", "--database", fresh, "--config", config.path])
        #expect(first.stderr.contains("note: Sloppy (") && first.stderr.contains("malformed XML"), "\(first.stderr)")
        #expect(!first.stderr.contains("warning:"), "\(first.stderr)")
        // …not again when the feed changes and is still malformed…
        server.route("/sloppy.xml", .ok(malformed("Second story, longer"), type: "application/rss+xml"))
        let second = try GazetteBinary.run(["run", "--force", "--database", fresh, "--config", config.path])
        #expect(second.stdout.contains("1 fetched"), "\(second.stdout)")
        #expect(!second.stderr.contains("malformed"), "\(second.stderr)")
        // …and `list` shows it while it lasts.
        let list = try GazetteBinary.run(["list", "--database", fresh, "--config", config.path])
        #expect(list.stdout.contains("malformed XML, recovered"), "\(list.stdout)")
    }

    @Test func aNewRuleThatMatchesNothingIsAWarning() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/page/", .ok(try Fixtures.data("Run/listing.html"), type: "text/html"))
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let config = try Self.write(
            """
            { "site": { "title": "T", "url": "https://t.example/" }, "sections": { "s": { "title": "S" } },
              "feeds": [ { "url": "\(server.url("/page/").absoluteString)", "section": "s", "name": "Page",
                           "html": { "item": "//div[@class='no-such-card']", "title": ".//h2" } } ] }
            """, to: directory)
        let result = try GazetteBinary.run(["run", "--config", config.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            Self.warnings(result.stderr).contains { $0.hasPrefix("warning: Page (") && $0.contains("matched nothing on the page") },
            "\(result.stderr)")
    }

    @Test func filesOfARenamedSectionAreReportedByRunAndCheck() throws {
        let workspace = try GazetteRunEndToEndTests.makeWorkspace()
        defer { workspace.close() }
        #expect(try workspace.run([]).status == 0)
        var text = try String(contentsOf: workspace.config, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"care\": { \"title\"", with: "\"health\": { \"title\"")
        text = text.replacingOccurrences(of: "\"section\": \"care\"", with: "\"section\": \"health\"")
        try Data(text.utf8).write(to: workspace.config)

        let run = try workspace.run([])
        #expect(run.status == 0, "\(run.stderr)")
        let warning = Self.warnings(run.stderr).first { $0.contains("care.xml") }
        #expect(warning?.contains("care.json") == true, "\(run.stderr)")
        #expect(warning?.contains("no section \"care\" in feeds.json") == true, "\(run.stderr)")
        // No feed was due, but the renamed section was published: the line says so.
        #expect(
            run.stdout.contains("0 of 5 feeds due;") && run.stdout.contains("1 section rewritten (feeds.json changed)"), "\(run.stdout)")
        let check = try GazetteBinary.run(["check", "--config", workspace.config.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("care.xml") && check.stderr.contains("Renaming or retiring a section"), "\(check.stderr)")
    }

    @Test func anIdleRunSaysWhenTheNextFeedIsDueAndWhereTheFilesAre() throws {
        let workspace = try GazetteRunEndToEndTests.makeWorkspace()
        defer { workspace.close() }
        let first = try workspace.run([])
        #expect(first.stdout.contains("files in \(workspace.output.path)"), "\(first.stdout)")
        let idle = try workspace.run([])
        #expect(idle.status == 0)
        let line = idle.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.hasPrefix("0 of 5 feeds due; the next, "), "\(line)")
        #expect(line.contains("is due in "), "\(line)")
        #expect(line.contains("`gazette run --force` fetches every feed now"), "\(line)")
        #expect(line.contains("files in \(workspace.output.path)"), "\(line)")
    }

    @Test func aSecondForcedRunTellsUnchangedBodiesFromNotModified() throws {
        let workspace = try GazetteRunEndToEndTests.makeWorkspace()
        defer { workspace.close() }
        #expect(try workspace.run([]).status == 0)
        let forced = try workspace.run(["--force"])
        #expect(forced.stdout.contains("5 of 5 feeds due: 0 fetched, 1 not modified, 3 unchanged, 1 failed"), "\(forced.stdout)")
    }

    @Test func dryRunShowsPerSectionWhatWouldBeAddedAndRemoved() throws {
        let workspace = try GazetteRunEndToEndTests.makeWorkspace()
        defer { workspace.close() }
        // The care section shows one entry: a newer story would replace the one published.
        var text = try String(contentsOf: workspace.config, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\"care\": { \"title\": \"Health & Social Care\" }",
            with: "\"care\": { \"title\": \"Health & Social Care\", \"maxEntries\": 1 }")
        try Data(text.utf8).write(to: workspace.config)

        let fresh = try workspace.run(["--dry-run"])
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(fresh.stdout.contains("council: would add 3 entries, remove 0 entries"), "\(fresh.stdout)")
        #expect(fresh.stdout.contains("  + Council budget approved after long debate"), "\(fresh.stdout)")
        #expect(
            fresh.stdout.contains("care: would add 1 entry, remove 0 entries\n  + Carers' allowance review published"), "\(fresh.stdout)")
        #expect(!FileManager.default.fileExists(atPath: workspace.output.path))
        #expect(!FileManager.default.fileExists(atPath: workspace.database.path))

        #expect(try workspace.run([]).status == 0)
        let care = try String(decoding: Fixtures.data("Run/care-bulletin.xml"), as: UTF8.self)
        let newer = care.replacingOccurrences(
            of: "<title>Carers' allowance review published</title>", with: "<title>Respite care funding doubled</title>"
        )
        .replacingOccurrences(of: "Wed, 05 Mar 2025 07:00:00 GMT", with: "Thu, 06 Mar 2025 07:00:00 GMT")
        .replacingOccurrences(of: "care-bulletin-101", with: "care-bulletin-102")
        .replacingOccurrences(of: "2025/carers-allowance", with: "2025/respite-funding")
        #expect(newer != care)
        workspace.server.route("/care.xml", .ok(Data(newer.utf8), type: "application/rss+xml"))
        let before = try Data(contentsOf: workspace.output.appendingPathComponent("care.xml"))
        let changed = try workspace.run(["--dry-run", "--force"])
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(
            changed.stdout.contains(
                "care: would add 1 entry, remove 1 entry\n  + Respite care funding doubled\n  - Carers' allowance review published"),
            "\(changed.stdout)")
        #expect(changed.stdout.contains("council: no change"), "\(changed.stdout)")
        #expect(try Data(contentsOf: workspace.output.appendingPathComponent("care.xml")) == before)
    }
}
