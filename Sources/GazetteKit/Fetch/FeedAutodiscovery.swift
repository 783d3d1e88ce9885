internal import CLibXML2
import Foundation

/// Finds the feeds an HTML page links to, so a user can give Gazette a site's address instead of its feed's.
public enum FeedAutodiscovery {
    /// The `type`s of `<link rel="alternate">` that name a feed.
    public static let feedTypes: Set<String> = [
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json",
        "application/rdf+xml",
    ]

    /// Whether `body` is an HTML page rather than a feed, judged from its content first (a page served as
    /// `application/xml`, or a feed served as `text/html`, is common) and from `contentType` only when the
    /// content does not tell.
    public static func looksLikeHTML(_ body: Data, contentType: String? = nil) -> Bool {
        let head = body.prefix(2048)
        var text = String(decoding: head, as: UTF8.self).lowercased()
        if text.hasPrefix("\u{feff}") { text.removeFirst() }
        var rest = Substring(text)
        // Skip what may precede the root element: whitespace, the XML declaration, comments, doctype, PIs.
        while true {
            rest = rest.drop(while: { $0.isWhitespace || $0 == "\0" })
            if rest.hasPrefix("<!doctype") {
                let doctype = rest.dropFirst(9).drop(while: { $0.isWhitespace })
                if doctype.hasPrefix("html") { return true }
            }
            if rest.hasPrefix("<!--") {
                guard let end = rest.range(of: "-->") else { break }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<?") || rest.hasPrefix("<!") {
                guard let end = rest.firstIndex(of: ">") else { break }
                rest = rest[rest.index(after: end)...]
            } else {
                break
            }
        }
        if rest.hasPrefix("{") || rest.hasPrefix("[") { return false }  // JSON Feed
        if rest.hasPrefix("<") {
            let name = rest.dropFirst().prefix(while: { !$0.isWhitespace && $0 != ">" && $0 != "/" })
            let local = name.split(separator: ":").last.map(String.init) ?? String(name)
            if ["rss", "feed", "rdf", "channel"].contains(local) { return false }
            if ["html", "head", "body", "meta", "title", "link", "script", "div", "p"].contains(local) {
                return true
            }
        }
        let media = HTTPHeaderValues.contentType(contentType).mediaType
        return media == "text/html" || media == "application/xhtml+xml"
    }

    /// Every feed `html` advertises, in document order, with `href`s resolved against `<base href>` and
    /// `pageURL`. `charset` (from `Content-Type`) overrides the page's own declaration when given.
    public static func discover(in html: Data, pageURL: URL, charset: String? = nil) -> [DiscoveredFeed] {
        let raw = links(in: html, charset: charset)
        var base = pageURL
        if let baseHref = raw.base, let resolved = URL(string: baseHref, relativeTo: pageURL)?.absoluteURL {
            base = resolved
        }
        var seen = Set<URL>()
        var feeds: [DiscoveredFeed] = []
        for link in raw.links {
            let rels = link.rel.lowercased().split(whereSeparator: { $0.isWhitespace })
            guard rels.contains("alternate"), !rels.contains("stylesheet") else { continue }
            guard let type = HTTPHeaderValues.contentType(link.type).mediaType, feedTypes.contains(type) else {
                continue
            }
            let href = link.href.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !href.isEmpty, let url = URL(string: href, relativeTo: base)?.absoluteURL,
                let scheme = url.scheme?.lowercased(), ["http", "https", "file"].contains(scheme),
                seen.insert(url).inserted
            else { continue }
            let title = link.title?.trimmingCharacters(in: .whitespacesAndNewlines)
            feeds.append(DiscoveredFeed(url: url, type: type, title: title?.isEmpty == false ? title : nil))
        }
        return feeds
    }

    private struct RawLink {
        var rel: String
        var type: String?
        var href: String
        var title: String?
    }

    /// Reads `<base href>` and every `<link>` with libxml2's forgiving HTML parser; all pointers stay here.
    private static func links(in html: Data, charset: String?) -> (base: String?, links: [RawLink]) {
        guard !html.isEmpty, html.count <= Int(Int32.max) else { return (nil, []) }
        LibXML.ensureInitialized()
        guard let context = htmlNewParserCtxt() else { return (nil, []) }
        defer { htmlFreeParserCtxt(context) }
        // Errors are expected on real pages: keep them off stderr through this context only.
        context.pointee.sax.pointee.serror = { _, _ in }
        let options = Int32(
            bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        let document: htmlDocPtr? = html.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return htmlCtxtReadMemory(context, base, Int32(buffer.count), nil, charset, options)
        }
        guard let document else { return (nil, []) }
        defer { xmlFreeDoc(document) }
        guard let xpath = xmlXPathNewContext(document) else { return (nil, []) }
        defer { xmlXPathFreeContext(xpath) }

        let base = nodes(xpath, "//base[@href]").first.flatMap { attribute($0, "href") }
        let links = nodes(xpath, "//link[@rel and @href]").compactMap { node -> RawLink? in
            guard let rel = attribute(node, "rel"), let href = attribute(node, "href") else { return nil }
            return RawLink(rel: rel, type: attribute(node, "type"), href: href, title: attribute(node, "title"))
        }
        return (base, links)
    }

    private static func nodes(_ context: xmlXPathContextPtr, _ expression: String) -> [xmlNodePtr] {
        let compiled = Array(expression.utf8) + [0]
        guard let result = xmlXPathEvalExpression(compiled, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0, let table = set.pointee.nodeTab else {
            return []
        }
        return (0..<Int(set.pointee.nodeNr)).compactMap { table[$0] }
    }

    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        let key = Array(name.utf8) + [0]
        guard let value = xmlGetProp(node, key) else { return nil }
        defer { gazette_xmlFree(value) }
        return String(cString: value)
    }
}
