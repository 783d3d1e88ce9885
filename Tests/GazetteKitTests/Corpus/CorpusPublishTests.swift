import Foundation
import Testing

@testable import GazetteKit

/// Opt-in (needs `GAZETTE_SHARED`): a digest built by the real `gazette` binary from every feed of
/// both real-world corpus folders (as local file sources, four sections) is valid and honest in
/// every published file: the RFC 4287 schema (jing), Python feedparser without `bozo`, JSON Feed
/// and OPML readable, every URL a URI by RFC 3986's grammar, no date more than a day after the
/// run (nor before 1970), and every `atom:source` with an `id`.
@Suite(.serialized) struct CorpusPublishTests {
    static let sectionCount = 4

    /// The W3C Feed Validator's patterns for `tag:` (RFC 4151) and `urn:` ids; a mismatch is an error there.
    static let idPatterns: [String: NSRegularExpression] = [
        "tag:": try! NSRegularExpression(
            pattern:
                #"^tag:([a-z0-9\-\._]+?@)?[a-z0-9\.\-]+?,\d{4}(-\d{2}(-\d{2})?)?:[0-9a-zA-Z;/\?:@&=+$\.\-_!~*'\(\)%,]*(#[0-9a-zA-Z;/\?:@&=+$\.\-_!~*'\(\)%,]*)?$"#
        ),
        "urn:": try! NSRegularExpression(
            pattern: #"^[Uu][Rr][Nn]:[a-zA-Z0-9][a-zA-Z0-9-]{1,31}:([a-zA-Z0-9()+,\.:=@;$_!*'\-]|%[0-9A-Fa-f]{2})+$"#),
    ]

    /// The corpus feed files of both folders.
    static func corpusFiles(_ shared: URL) throws -> [URL] {
        var files: [URL] = []
        for folder in ["realworld", "realworld-more"] {
            let dir = shared.appendingPathComponent("corpus/\(folder)")
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            where [".xml", ".rss", ".atom", ".json"].contains(where: name.hasSuffix) {
                files.append(dir.appendingPathComponent(name))
            }
        }
        return files
    }

    @Test(Fixtures.needsShared) func digestOfEveryRealWorldFeedIsValidAndHonest() async throws {
        let shared = try #require(Fixtures.shared)
        let jing = try #require(ConsumerTools.jing, "jing is needed (apt-get install jing)")
        #expect(ConsumerTools.hasFeedparser, "feedparser is needed (pip install feedparser)")
        let files = try Self.corpusFiles(shared)
        #expect(files.count > 300)

        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sections = (0..<Self.sectionCount).map { "\"s\($0)\": { \"title\": \"Section \($0)\" }" }
        let feeds = files.enumerated().map { index, url in
            let path = String(decoding: try! JSONEncoder().encode(url.path), as: UTF8.self)
            return "{ \"url\": \(path), \"section\": \"s\(index % Self.sectionCount)\" }"
        }
        let config = """
            {
              "site": { "title": "Corpus Digest", "url": "https://digest.example.org/" },
              "defaults": { "maxEntries": 5000, "maxPerSource": 1000 },
              "sections": { \(sections.joined(separator: ", ")) },
              "feeds": [
                \(feeds.joined(separator: ",\n    "))
              ]
            }
            """
        let configURL = directory.url.appendingPathComponent("feeds.json")
        try Data(config.utf8).write(to: configURL)
        let run = try GazetteBinary.run(["run", "--config", configURL.path, "--quiet"], in: directory.url)
        let runEnd = Date()
        #expect(run.status == 0, "\(run.stderr.prefix(2_000))")
        let output = directory.url.appendingPathComponent("output")

        let atomFiles = (0..<Self.sectionCount).map { output.appendingPathComponent("s\($0).xml") }
        let jsonFiles = (0..<Self.sectionCount).map { output.appendingPathComponent("s\($0).json") }

        // The schema.
        let schema = shared.appendingPathComponent("schemas/atom.rnc")
        let jingResult = try await ConsumerTools.run(jing, ["-c", schema.path] + atomFiles.map(\.path), timeout: .seconds(600))
        #expect(jingResult.status == 0, "jing: \(jingResult.output.prefix(3_000))")

        // feedparser, JSON Feed, OPML.
        let report = try await ConsumerTools.checkConsumers(output, ["--feedparser", "--jsonfeed", "--opml"])
        #expect(report.problems.isEmpty, "\(report.problems.prefix(20))")
        #expect(report.missing.isEmpty, "\(report.missing)")

        // URLs and dates, file by file.
        let latest = PublishDate.rfc3339(runEnd.addingTimeInterval(86_400))
        var problems: [String] = []
        var checkedURLs = 0
        var entries = 0
        func checkURL(_ value: String, _ place: String, reference: Bool = false) {
            checkedURLs += 1
            let ok = reference ? RFC3986Grammar.isURIReference(value) : RFC3986Grammar.isURI(value)
            if !ok { problems.append("\(place): not a URI: \(value)") }
        }
        func checkDate(_ value: String, _ place: String) {
            if value > latest || value < "1970" { problems.append("\(place): implausible date \(value)") }
        }
        for file in atomFiles {
            let feed = try XMLNodeTree.parse(Data(contentsOf: file))
            let name = file.lastPathComponent
            for node in feed.descendants {
                switch node.name {
                case "link": checkURL(node.attributes["href"] ?? "", "\(name) link")
                case "uri", "icon", "logo": checkURL(node.text, "\(name) \(node.name)")
                case "published", "updated": checkDate(node.text, "\(name) \(node.name)")
                case "generator": checkURL(node.attributes["uri"] ?? "", "\(name) generator")
                case "id":
                    if PublishURL.absoluteIRIScheme(node.text) == nil { problems.append("\(name): id not an IRI: \(node.text)") }
                    if let pattern = Self.idPatterns.first(where: { node.text.lowercased().hasPrefix($0.key) })?.value,
                        pattern.firstMatch(in: node.text, range: NSRange(node.text.startIndex..., in: node.text)) == nil
                    {
                        problems.append("\(name): malformed id: \(node.text)")
                    }
                case "source":
                    if node.first("id") == nil { problems.append("\(name): source without id") }
                case "entry": entries += 1
                default: break
                }
            }
        }
        for file in jsonFiles {
            let name = file.lastPathComponent
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
            func walk(_ value: Any, key: String) {
                if let object = value as? [String: Any] {
                    for (k, v) in object { walk(v, key: k) }
                } else if let array = value as? [Any] {
                    for v in array { walk(v, key: key) }
                } else if let text = value as? String {
                    if ["url", "external_url", "image", "banner_image", "home_page_url", "feed_url", "icon", "favicon", "about"]
                        .contains(key)
                    {
                        checkURL(text, "\(name) \(key)")
                    } else if key == "date_published" || key == "date_modified" {
                        checkDate(text, "\(name) \(key)")
                    }
                }
            }
            walk(json, key: "")
        }
        let opml = try XMLNodeTree.parse(Data(contentsOf: output.appendingPathComponent("sources.opml")))
        for node in opml.descendants {
            for key in ["xmlUrl", "htmlUrl", "url"] {
                if let value = node.attributes[key] { checkURL(value, "sources.opml \(key)") }
            }
        }
        let index = String(decoding: try Data(contentsOf: output.appendingPathComponent("index.html")), as: UTF8.self)
        let href = try NSRegularExpression(pattern: "(?:href|src)=\"([^\"]*)\"")
        for match in href.matches(in: index, range: NSRange(index.startIndex..., in: index)) {
            guard let range = Range(match.range(at: 1), in: index) else { continue }
            let value = String(index[range]).replacingOccurrences(of: "&amp;", with: "&")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            checkURL(value, "index.html href", reference: true)
        }
        #expect(entries > 1_000, "only \(entries) entries published")
        #expect(checkedURLs > entries)
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(problems.prefix(40).joined(separator: "\n"))")
    }
}
