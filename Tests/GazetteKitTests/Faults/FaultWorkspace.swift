import Foundation
import GRDB
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A temporary folder with local feed files, a feeds.json pointing at them, and helpers to run the real
/// `gazette` binary (optionally under `faketime`) and to check what a user would find afterwards.
struct FaultWorkspace {
    let directory: TemporaryDirectory
    var root: URL { directory.url }
    var config: URL { root.appendingPathComponent("feeds.json") }
    var sources: URL { root.appendingPathComponent("sources") }
    var output: URL
    var database: URL

    /// `feeds` local feeds, all in section `news`, fetched every `interval`.
    init(feeds: Int, interval: String = "30m", output: URL? = nil, database: URL? = nil) throws {
        directory = try TemporaryDirectory()
        self.output = output ?? directory.url.appendingPathComponent("output")
        self.database = database ?? directory.url.appendingPathComponent(".gazette/gazette.sqlite")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        let list = (0..<feeds).map { n in
            "{ \"url\": \"\(feedURL(n).absoluteString)\", \"section\": \"news\", \"name\": \"Feed \(n)\", \"interval\": \"\(interval)\" }"
        }
        let json = """
            {
              "site": { "title": "Fault Digest", "url": "https://digest.example.org/feeds/" },
              "defaults": { "output": "\(self.output.path)", "database": "\(self.database.path)" },
              "sections": { "news": { "title": "News", "maxEntries": 5000, "maxPerSource": 5000 } },
              "feeds": [\(list.joined(separator: ",\n"))]
            }
            """
        try Data(json.utf8).write(to: config)
        for n in 0..<feeds { try writeFeed(n, items: []) }
    }

    func remove() { directory.remove() }

    func feedURL(_ n: Int) -> URL { sources.appendingPathComponent("feed\(n).xml") }

    /// The id every item `i` of feed `n` carries (its guid, kept as the published entry's id).
    static func itemID(feed n: Int, item i: Int) -> String { "https://source\(n).example/story/\(i)" }

    /// Writes feed `n` as RSS with `items` (item number, title), each `padding` bytes of body text,
    /// dated `published` (default: a fixed day in 2026, an hour apart).
    func writeFeed(_ n: Int, items: [(Int, String)], padding: Int = 200, published: ((Int) -> Date)? = nil) throws {
        var xml = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Feed \(n)</title>"
        xml += "<link>https://source\(n).example/</link><description>Source \(n)</description>\n"
        for (i, title) in items {
            let date = published?(i) ?? Date(timeIntervalSince1970: 1_780_000_000 + Double(i) * 3600)
            let body = String(repeating: "Words of story \(i) from source \(n). ", count: max(1, padding / 34))
            xml += "<item><title>\(title)</title><link>\(Self.itemID(feed: n, item: i))</link>"
            xml += "<guid>\(Self.itemID(feed: n, item: i))</guid><pubDate>\(Self.rfc1123(date))</pubDate>"
            xml += "<description>&lt;p&gt;\(body)&lt;/p&gt;</description></item>\n"
        }
        xml += "</channel></rss>\n"
        try Data(xml.utf8).write(to: feedURL(n), options: .atomic)
    }

    // MARK: Running

    /// Runs `gazette run` (plus `arguments`), with the clock `clockOffset` seconds off when given.
    func run(_ arguments: [String] = [], clockOffset: TimeInterval? = nil, environment: [String: String] = [:]) throws
        -> GazetteBinary.Result
    {
        try Self.gazette(["run", "--config", config.path] + arguments, in: root, clockOffset: clockOffset, environment: environment)
    }

    /// Runs `gazette` with `arguments`, under `faketime -f ±Ns` when `clockOffset` is given.
    static func gazette(
        _ arguments: [String], in directory: URL, clockOffset: TimeInterval? = nil, environment: [String: String] = [:]
    ) throws -> GazetteBinary.Result {
        guard let offset = clockOffset else { return try GazetteBinary.run(arguments, in: directory, environment: environment) }
        let seconds = Int(offset.rounded())
        return try GazetteBinary.run(
            arguments, in: directory, environment: environment,
            wrapper: [FaultEnvironment.faketime, "-f", seconds >= 0 ? "+\(seconds)" : "\(seconds)"])
    }

    // MARK: What the user finds

    /// `PRAGMA integrity_check` of the database (opened as a run would, so a killed run's WAL is recovered).
    func integrity() throws -> [String] {
        let queue = try DatabaseQueue(path: database.path)
        return try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// Every file in the output folder with its bytes.
    func outputFiles() -> [String: Data] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        var files: [String: Data] = [:]
        for name in names { files[name] = FileManager.default.contents(atPath: output.appendingPathComponent(name).path) }
        return files
    }

    /// Temporary files a publish left behind (`.<name>.tmp-XXXXXX`).
    func leftovers() -> [String] { outputFiles().keys.filter { $0.hasPrefix(".") && $0.contains(".tmp-") }.sorted() }

    /// The problems of the published files: XML (Atom, OPML) that XMLParser rejects, JSON that
    /// JSONSerialization rejects; empty when every file is well-formed.
    func malformedOutput() -> [String] {
        var problems: [String] = []
        for (name, data) in outputFiles() where !name.hasPrefix(".") {
            if name.hasSuffix(".xml") || name.hasSuffix(".opml") {
                let parser = XMLParser(data: data)
                if !parser.parse() { problems.append("\(name): \(parser.parserError.map { "\($0)" } ?? "not well-formed")") }
            } else if name.hasSuffix(".json") {
                if (try? JSONSerialization.jsonObject(with: data)) == nil { problems.append("\(name): not valid JSON") }
            }
        }
        return problems.sorted()
    }

    /// The entry ids of the published Atom section `news` (in file order, duplicates kept).
    func publishedIDs() -> [String] {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent("news.xml").path) else { return [] }
        let collector = AtomEntryIDs()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        _ = parser.parse()
        return collector.ids
    }

    /// The item ids of the published JSON Feed section `news`.
    func publishedJSONIDs() -> [String] {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent("news.json").path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let items = object["items"] as? [[String: Any]]
        else { return [] }
        return items.compactMap { $0["id"] as? String }
    }

    /// RFC 1123 dates, as RSS's pubDate carries them.
    static func rfc1123(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
