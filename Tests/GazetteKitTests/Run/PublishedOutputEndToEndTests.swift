import Foundation
import Testing

@testable import GazetteKit

/// What ends up in `output/` after edits to feeds.json, and what a reader importing it gets.
@Suite(.serialized) struct PublishedOutputEndToEndTests {
    @Test func editingAFeedsFilterChangesWhatIsAlreadyPublished() throws {
        let workspace = try GazetteRunEndToEndTests.makeWorkspace()
        defer { workspace.close() }
        #expect(try workspace.run([]).status == 0)
        let hub = "New family hub opens in Eastbridge"
        #expect(try workspace.published("council").items.contains { $0.title == hub })
        #expect(try workspace.published("childrens-services").items.contains { $0.title == hub })

        var text = try String(contentsOf: workspace.config, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\"section\": \"council\", \"name\": \"Northshire County Council\" }",
            with: "\"section\": \"council\", \"name\": \"Northshire County Council\", \"exclude\": [\"family hub\"] }")
        try Data(text.utf8).write(to: workspace.config)

        let publish = try GazetteBinary.run(["publish", "--config", workspace.config.path])
        #expect(publish.status == 0, "\(publish.stderr)")
        let council = try workspace.published("council").items.compactMap(\.title)
        #expect(!council.contains(hub), "\(council)")
        #expect(council.contains("Council budget approved after long debate"), "\(council)")
        // The children's section also scrapes a page that carries the same story: that copy keeps it there.
        #expect(try workspace.published("childrens-services").items.contains { $0.title == hub })

        let forced = try workspace.run(["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try !workspace.published("council").items.contains { $0.title == hub })
    }

    @Test func everyOPMLOutlineWithAnXMLURLIsAFeedAReaderCanSubscribeTo() throws {
        let workspace = try GazetteRunEndToEndTests.makeWorkspace()
        defer { workspace.close() }
        #expect(try workspace.run([]).status == 0)
        let root = try XMLNodeTree.parse(Data(contentsOf: workspace.output.appendingPathComponent("sources.opml")))
        let groups = try #require(root.first("body")).all("outline")
        #expect(groups.map { $0.attributes["text"] } == ["Council", "Health & Social Care", "Children's Services"])
        let site = "https://digest.example.org/feeds/"
        let page = workspace.server.url("/childrens-services/").absoluteString
        let served = ["/county.xml", "/wire.atom", "/care.xml", "/broken.xml"].map { workspace.server.url($0).absoluteString }
        for (group, id) in zip(groups, ["council", "care", "childrens-services"]) {
            let outlines = group.all("outline")
            // Each section starts with Gazette's own feed of it, so no section folder is empty.
            #expect(outlines.first?.attributes["xmlUrl"] == site + id + ".xml", "\(id)")
            #expect(outlines.first?.attributes["type"] == "rss")
            #expect(FileManager.default.fileExists(atPath: workspace.output.appendingPathComponent(id + ".xml").path))
            for outline in outlines.dropFirst() {
                if let xmlURL = outline.attributes["xmlUrl"] {
                    #expect(served.contains(xmlURL), "\(xmlURL) is a feed Gazette reads")
                    #expect(outline.attributes["type"] == "rss")
                }
            }
        }
        let scraped = try #require(groups[2].all("outline").first { $0.attributes["text"] == "Trade Weekly" })
        #expect(scraped.attributes["xmlUrl"] == nil, "a web page is no feed")
        #expect(scraped.attributes["type"] == nil)
        #expect(scraped.attributes["htmlUrl"] == page)
    }
}
