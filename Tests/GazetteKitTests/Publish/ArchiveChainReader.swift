import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A feed reader that reconstructs an archived feed the way RFC 5005 §4.2 tells consumers to:
/// start with the subscription document, follow `prev-archive` links until there are none (or a
/// document was already seen), and keep, for each entry id, the entry from the document nearest
/// the head. Written independently of Gazette's writers (namespace-aware Foundation XML parser).
struct ArchiveChainReader {
    /// One `atom:entry` as read.
    struct Entry: Equatable {
        var id: String
        var title: String
        var updated: String
    }

    /// One feed document as read.
    struct Document {
        var url: String
        var feedID: String
        /// `rel` → `href` of the feed-level links (the last one per rel).
        var links: [String: String]
        var hubs: [String]
        /// True when the document carries `fh:archive` in the RFC 5005 namespace.
        var isArchive: Bool
        var language: String?
        var entries: [Entry]
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Maps a published URL to its file (the site URL is the output folder).
    var siteURL: String
    var outputDirectory: URL

    func file(for url: String) throws -> URL {
        guard url.hasPrefix(siteURL) else { throw Failure(description: "\(url) is not under \(siteURL)") }
        return outputDirectory.appendingPathComponent(String(url.dropFirst(siteURL.count)))
    }

    /// Reads the document at `url`.
    func read(_ url: String) throws -> Document {
        let data = try Data(contentsOf: try file(for: url))
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        guard parser.parse() else { throw Failure(description: "\(url): not well-formed: \(String(describing: parser.parserError))") }
        return Document(
            url: url, feedID: collector.feedID, links: collector.links, hubs: collector.hubs, isArchive: collector.isArchive,
            language: collector.language, entries: collector.entries)
    }

    /// The RFC 5005 §4.2 reconstruction from the head at `headURL`: the logical feed's entries
    /// (newest document's version of each id) and the documents visited, head first.
    func reconstruct(from headURL: String) throws -> (entries: [String: Entry], documents: [Document]) {
        var entries: [String: Entry] = [:]
        var seen: Set<String> = []
        var documents: [Document] = []
        var next: String? = headURL
        while let url = next, seen.insert(url).inserted {
            let document = try read(url)
            documents.append(document)
            for entry in document.entries where entries[entry.id] == nil {
                entries[entry.id] = entry
            }
            next = document.links["prev-archive"]
        }
        return (entries, documents)
    }

    private final class Collector: NSObject, XMLParserDelegate {
        static let atom = "http://www.w3.org/2005/Atom"
        static let history = "http://purl.org/syndication/history/1.0"
        var feedID = ""
        var links: [String: String] = [:]
        var hubs: [String] = []
        var isArchive = false
        var language: String?
        var entries: [Entry] = []
        var path: [String] = []
        var current: Entry?
        var text = ""

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            text = ""
            let inFeed = path == ["feed"]
            if namespaceURI == Self.history, name == "archive", inFeed { isArchive = true }
            if namespaceURI == Self.atom {
                if name == "feed" { language = attributes["xml:lang"] }
                if name == "entry", inFeed { current = Entry(id: "", title: "", updated: "") }
                if name == "link", inFeed, let rel = attributes["rel"], let href = attributes["href"] {
                    if rel == "hub" { hubs.append(href) } else { links[rel] = href }
                }
            }
            path.append(namespaceURI == Self.atom ? name : "{\(namespaceURI ?? "")}\(name)")
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            path.removeLast()
            guard namespaceURI == Self.atom else { return }
            if path == ["feed"], name == "id" { feedID = text }
            if path == ["feed", "entry"] {
                switch name {
                case "id": current?.id = text
                case "title": current?.title = text
                case "updated": current?.updated = text
                default: break
                }
            }
            if path == ["feed"], name == "entry", let entry = current {
                entries.append(entry)
                current = nil
            }
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }
}
