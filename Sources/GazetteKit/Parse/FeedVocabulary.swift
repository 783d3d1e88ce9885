import Foundation

/// The XML namespaces the feed parser understands; anything else is `.other` and ignored.
enum FeedNamespace: UInt8, Sendable {
    case none, rss10, rss090, rssUserland, atom10, atom03, dc, dcterms, content, media, itunes
    case wfw, slash, feedburner, sy, xhtml, rdf, googlePlay, other

    /// Classifies a namespace URI, tolerating the case and trailing-slash variants seen in the wild.
    /// (The feed builder asks once per URI per pass: it remembers the answer by libxml2's pointer.)
    init(uri: String?) {
        guard var uri, !uri.isEmpty else {
            self = .none
            return
        }
        uri = uri.lowercased()
        while uri.hasSuffix("/") || uri.hasSuffix("#") { uri.removeLast() }
        switch uri {
        case "http://purl.org/rss/1.0": self = .rss10
        case "http://my.netscape.com/rdf/simple/0.9": self = .rss090
        case "http://backend.userland.com/rss2", "http://backend.userland.com/rss",
            "http://blogs.law.harvard.edu/tech/rss", "http://purl.org/net/rss1.1":
            self = .rssUserland
        case "http://www.w3.org/2005/atom": self = .atom10
        case "http://purl.org/atom/ns", "http://example.com/newformat", "http://example.com/necho",
            "http://purl.org/echo", "http://purl.org/pie", "uri/of/echo/namespace":
            self = .atom03
        case "http://purl.org/dc/elements/1.1", "http://purl.org/dc/elements/1.0": self = .dc
        case "http://purl.org/dc/terms": self = .dcterms
        case "http://purl.org/rss/1.0/modules/content": self = .content
        case "http://search.yahoo.com/mrss", "http://video.search.yahoo.com/mrss",
            "http://search.yahoo.com/rss":
            self = .media
        case "http://www.itunes.com/dtds/podcast-1.0.dtd", "http://example.com/dtds/podcast-1.0.dtd":
            self = .itunes
        case "http://wellformedweb.org/commentapi": self = .wfw
        case "http://purl.org/rss/1.0/modules/slash": self = .slash
        case "http://rssnamespace.org/feedburner/ext/1.0": self = .feedburner
        case "http://purl.org/rss/1.0/modules/syndication": self = .sy
        case "http://www.w3.org/1999/xhtml": self = .xhtml
        case "http://www.w3.org/1999/02/22-rdf-syntax-ns": self = .rdf
        case "http://www.google.com/schemas/play-podcasts/1.0": self = .googlePlay
        default: self = uri.hasPrefix("http://backend.userland.com/rss") ? .rssUserland : .other
        }
    }
}

/// Local element names the parser acts on; everything else is `.other`.
enum FeedName: UInt8, Sendable {
    case other
    case rss, RDF, channel, item, feed, entry, items, textinput
    case title, link, description, guid, pubDate, lastBuildDate, language, generator, author
    case category, comments, enclosure, source, image, url, ttl, managingEditor, webMaster
    case subtitle, tagline, id, updated, modified, published, issued, created, summary, content
    case name, email, uri, logo, icon, contributor, encoded, creator, date, subject
    case thumbnail, group, commentRss, origLink, updatePeriod, updateFrequency, owner, body, div
    case keywords, info, rights, copyright, html, homepage, fullitem
    /// CDF's upper-case elements (`<CHANNEL>`, `<ITEM>`, `<TITLE>`, `<ABSTRACT>`).
    case cdfChannel, cdfItem, cdfTitle, cdfAbstract

    /// Classifies libxml2's NUL-terminated local name without building a `String`. RSS element
    /// names are case-sensitive, except that a few lower-cased variants (`pubdate`, `textInput`)
    /// are common enough to accept.
    init(cString name: UnsafePointer<UInt8>) {
        self = Self.byKey[HTMLSanitizer.Key(UnsafeBufferPointer(start: name, count: strlen(name)))] ?? .other
    }

    private static let byKey = HTMLSanitizer.PackedLookup(
        Dictionary(uniqueKeysWithValues: byName.map { (HTMLSanitizer.Key(Array($0.key.utf8)), $0.value) }))

    /// The names, as a table (a `switch` over seventy strings compared them one by one).
    private static let byName: [String: FeedName] = [
        "rss": .rss, "RDF": .RDF, "channel": .channel, "item": .item, "feed": .feed, "entry": .entry,
        "items": .items, "textinput": .textinput, "textInput": .textinput, "title": .title, "link": .link,
        "description": .description, "guid": .guid, "pubDate": .pubDate, "pubdate": .pubDate,
        "lastBuildDate": .lastBuildDate, "lastbuilddate": .lastBuildDate, "language": .language,
        "generator": .generator, "author": .author, "category": .category, "comments": .comments,
        "enclosure": .enclosure, "source": .source, "image": .image, "url": .url, "ttl": .ttl,
        "managingEditor": .managingEditor, "managingeditor": .managingEditor, "webMaster": .webMaster,
        "webmaster": .webMaster, "subtitle": .subtitle, "tagline": .tagline, "id": .id, "updated": .updated,
        "modified": .modified, "published": .published, "issued": .issued, "created": .created, "summary": .summary,
        "content": .content, "name": .name, "email": .email, "uri": .uri, "logo": .logo, "icon": .icon,
        "contributor": .contributor, "encoded": .encoded, "creator": .creator, "date": .date, "subject": .subject,
        "thumbnail": .thumbnail, "group": .group, "commentRss": .commentRss, "commentRSS": .commentRss,
        "origLink": .origLink, "updatePeriod": .updatePeriod, "updateFrequency": .updateFrequency, "owner": .owner,
        "body": .body, "div": .div, "keywords": .keywords, "info": .info, "rights": .rights, "copyright": .copyright,
        "html": .html, "homepage": .homepage, "fullitem": .fullitem,
        "CHANNEL": .cdfChannel, "ITEM": .cdfItem, "TITLE": .cdfTitle, "ABSTRACT": .cdfAbstract,
    ]
}

/// A classified element: its namespace and local name, as the builder's dispatch sees them.
struct FeedElementName: Sendable, Equatable {
    var ns: FeedNamespace
    var name: FeedName
}
