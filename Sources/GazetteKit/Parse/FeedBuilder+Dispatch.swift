internal import CLibXML2
import Foundation

/// The text-bearing elements the builder captures, independent of where they appear.
enum Field: UInt8 {
    case title, dcTitle, mediaTitle
    case link, guid, atomID
    case rssDescription, atomSummary, dcDescription, itunesSummary, itunesSubtitle, mediaDescription
    case contentEncoded, atomContent, xhtmlBody
    case atomUpdated, lastBuildDate, dcDate, dctermsModified, pubDate, atomPublished, dctermsIssued, atomCreated
    case language, generator
    case rssAuthor, dcCreator, itunesAuthor
    case atomLinkText, rssSummary
    case category, comments, commentRss, slashComments, origLink, rssSource
    case personName, personEmail, personURI
    case imageURL, logo, icon
    case ttl, updatePeriod, updateFrequency

    /// Fields that become an item's summary or content (HTML the sanitizer reads).
    var isItemBody: Bool {
        switch self {
        case .rssDescription, .atomSummary, .dcDescription, .itunesSummary, .mediaDescription, .contentEncoded,
            .atomContent, .xhtmlBody, .rssSummary:
            true
        default: false
        }
    }
}

extension FeedBuilder {
    /// Decides what an element is, given where it sits; `nil` means "ignore it and its children".
    mutating func dispatch(_ element: FeedElementName, attributes: XMLAttributes, localname: UnsafePointer<xmlChar>) -> Role? {
        if context == .document { return startRoot(element, attributes: attributes, localname: localname) }
        let ns = effectiveNamespace(element.ns)
        let name = element.name
        switch context {
        case .document: return nil
        case .root:
            if family == .rdf, !rdfVersionSeen, element.ns == .rss090 || element.ns == .rss10 {
                // RSS 0.90 and 1.0 share the rdf:RDF root; the children's namespace tells them apart.
                format = element.ns == .rss090 ? .rss090 : .rss10
                rdfVersionSeen = true
            }
            return rootChild(ns, name, attributes)
        case .feed: return feedChild(ns, name, attributes)
        case .item: return itemChild(ns, name, attributes)
        case .source: return sourceChild(ns, name, attributes)
        case .person:
            guard ns == .none || ns == .atom10 else { return nil }
            switch name {
            case .name: return beginField(.personName, kind: .text)
            case .email: return beginField(.personEmail, kind: .text)
            case .uri, .url, .homepage: return beginField(.personURI, kind: .text)
            default: return nil
            }
        case .image:
            if ns == .none && name == .url { return beginField(.imageURL, kind: .text) }
            return nil
        }
    }

    /// Maps the namespaces of the root's vocabulary to `.none` (RSS) or `.atom10` (Atom, any version).
    mutating func effectiveNamespace(_ ns: FeedNamespace) -> FeedNamespace {
        if family == .rss, ns == rssVocabulary { return .none }
        switch ns {
        case .rss10, .rss090, .rssUserland: return family == .atom ? .other : .none
        case .atom03: return .atom10
        case .none: return family == .atom ? .atom10 : .none
        default: return ns
        }
    }

    private mutating func startRoot(_ element: FeedElementName, attributes: XMLAttributes, localname: UnsafePointer<xmlChar>) -> Role? {
        if rootName == nil { rootName = String(cString: localname) }
        rootXMLLang = attributes.value("lang", namespaced: true)
        switch (element.ns, element.name) {
        case (_, .rss):
            // `<rss>` in any namespace is RSS (`xmlns="http://www.w3.org/2005/Atom"` and Userland's
            // namespaces are seen): its children share the root's namespace.
            family = .rss
            if element.ns != .none { rssVocabulary = element.ns }
            switch attributes.value("version")?.asciiTrimmed {
            case "0.90": format = .rss090
            case "0.91": format = .rss091
            case "0.92": format = .rss092
            case "0.93": format = .rss093
            case "0.94": format = .rss094
            case let v? where v.hasPrefix("2"): format = .rss20
            default: format = .rss
            }
            context = .root
            return .container(saved: .document)
        case (_, .RDF):
            family = .rdf
            format = .rss10
            context = .root
            return .container(saved: .document)
        case (.atom10, .feed), (.atom03, .feed), (.none, .feed):
            family = .atom
            let version = attributes.value("version")
            if element.ns == .atom10 {
                format = .atom10
            } else if element.ns == .atom03 || version == "0.3" {
                format = .atom03
            } else {
                format = .atom
            }
            context = .feed
            if let lang = rootXMLLang, !lang.isEmpty {
                feed.language.offer(lang.replacingOccurrences(of: "_", with: "-"), rank: 0)
            }
            return .container(saved: .document)
        case (.none, .cdfChannel):
            family = .rss
            format = .cdf
            context = .feed
            if let href = attributes.value("HREF") { feed.link.offer(resolve(href), rank: 3) }
            if let lastModified = attributes.value("LASTMOD") { feed.updated.overwrite(lastModified, rank: 3) }
            return .container(saved: .document)
        case (.none, .channel), (.rss10, .channel), (.rssUserland, .channel):
            family = .rss
            format = .rss
            context = .feed
            return .container(saved: .document)
        default:
            // Not a feed vocabulary: keep looking below it (a feed wrapped in an XHTML page); if
            // nothing turns up, the caller reports the root element.
            return .container(saved: .document)
        }
    }

    private mutating func rootChild(_ ns: FeedNamespace, _ name: FeedName, _ attributes: XMLAttributes) -> Role? {
        guard ns == .none else { return nil }
        switch name {
        case .channel:
            context = .feed
            return .container(saved: .root)
        case .item:
            return startItem(attributes)
        case .image:
            context = .image
            return .container(saved: .root)
        default:
            return nil
        }
    }

    mutating func startItem(_ attributes: XMLAttributes) -> Role {
        if liveItem != -1 { finishItem() }
        itemCounter += 1
        liveItem = itemCounter
        item = ItemDraft()
        if let about = attributes.value("about", uriContaining: "rdf-syntax-ns") { item.rdfAbout = about }
        let saved = context
        context = .item
        return .item(saved: saved, id: liveItem)
    }

    mutating func startPerson(_ target: PersonTarget) -> Role {
        person = PersonDraft()
        let saved = context
        context = .person
        return .person(saved: saved, target: target)
    }

    /// The `TextKind` an Atom text construct declares (`type`, and Atom 0.3's `mode`), and whether
    /// its children are inline markup to serialize.
    mutating func atomTextKind(_ attributes: XMLAttributes) -> (kind: TextKind, markup: Bool, wrapper: Bool, base64: Bool)? {
        let type = attributes.value("type")?.lowercased().asciiTrimmed
        let mode = attributes.value("mode")?.lowercased()
        let base64 = mode == "base64"
        switch type {
        case nil, "":
            // Atom 0.3's default is inline XML (mode="xml"): unqualified markup inside counts as HTML.
            if format == .atom03 && mode != "escaped" && !base64 { return (.html, true, false, false) }
            return (.text, false, false, base64)
        case "text", "text/plain":
            return (.text, false, false, base64)
        case "html", "text/html":
            return (.html, mode == "xml", mode != "xml", base64)
        case "xhtml":
            return (.html, true, true, base64)
        case "application/xhtml+xml":
            return (.html, mode != "escaped", false, base64)
        default:
            if let type, type.hasPrefix("text/") { return (.text, false, false, base64) }
            if let type, type.hasSuffix("+xml") || type.hasSuffix("/xml") { return (.html, true, false, base64) }
            // RFC 4287 4.1.3.3: any other media type is base64-encoded; shown as text.
            return (.text, false, false, true)
        }
    }

    mutating func beginAtomText(_ field: Field, _ attributes: XMLAttributes) -> Role? {
        guard let spec = atomTextKind(attributes) else { return nil }
        if attributes.value("src") != nil && field == .atomContent { return nil }
        let attr: String? = spec.base64 ? "base64" : (spec.wrapper ? "xhtml-wrapper" : nil)
        return beginField(field, kind: spec.kind, markup: spec.markup, attribute: attr)
    }
}
