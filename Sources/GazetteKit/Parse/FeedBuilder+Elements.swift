import Foundation

/// Element tables: which child of a channel/feed, item/entry or Atom source means what.
extension FeedBuilder {
    mutating func feedChild(_ ns: FeedNamespace, _ name: FeedName, _ attributes: XMLAttributes) -> Role? {
        if format == .cdf { return cdfChild(ns, name, attributes) }
        switch (ns, name) {
        case (.none, .item) where family != .atom, (.atom10, .entry) where family == .atom:
            return startItem(attributes)
        case (.none, .title): return beginField(.title, kind: .sniff)
        case (.atom10, .title): return beginAtomText(.title, attributes)
        case (.dc, .title): return beginField(.dcTitle, kind: .sniff)
        case (.none, .link):
            // An Atom-style `<link href="…"/>` without the Atom namespace.
            if attributes.value("href") != nil { return atomLinkRole(attributes) }
            return beginField(.link, kind: .text)
        case (.atom10, .link):
            return atomLinkRole(attributes)
        case (.none, .description): return beginField(.rssDescription, kind: .sniff)
        case (.atom10, .subtitle), (.atom10, .tagline):
            return beginAtomText(.atomSummary, attributes)
        case (.dc, .description): return beginField(.dcDescription, kind: .sniff)
        case (.itunes, .subtitle): return beginField(.itunesSubtitle, kind: .text)
        case (.itunes, .summary): return beginField(.itunesSummary, kind: .text)
        case (.atom10, .id): return beginField(.atomID, kind: .text)
        case (.atom10, .updated), (.atom10, .modified): return beginField(.atomUpdated, kind: .text)
        case (.none, .lastBuildDate): return beginField(.lastBuildDate, kind: .text)
        case (.dc, .date): return beginField(.dcDate, kind: .text)
        case (.dcterms, .modified): return beginField(.dctermsModified, kind: .text)
        case (.none, .pubDate): return beginField(.pubDate, kind: .text)
        case (.atom10, .published), (.atom10, .issued): return beginField(.atomPublished, kind: .text)
        case (.none, .language), (.dc, .language): return beginField(.language, kind: .text)
        case (.none, .generator), (.atom10, .generator): return beginField(.generator, kind: .text)
        case (.none, .managingEditor), (.none, .author): return beginField(.rssAuthor, kind: .html, markup: true)
        case (.dc, .creator), (.dc, .author): return beginField(.dcCreator, kind: .html, markup: true)
        case (.itunes, .author): return beginField(.itunesAuthor, kind: .html, markup: true)
        case (.atom10, .author): return startPerson(.feed)
        case (.none, .image) where family != .atom:
            if attributes.value("resource", uriContaining: "rdf-syntax-ns") != nil { return nil }
            let saved = context
            context = .image
            return .container(saved: saved)
        case (.atom10, .logo): return beginField(.logo, kind: .text)
        case (.atom10, .icon): return beginField(.icon, kind: .text)
        case (.itunes, .image), (.googlePlay, .image):
            if let href = attributes.value("href") ?? attributes.value("url") { feed.image.offer(resolve(href), rank: 1) }
            return .opaque
        case (.media, .thumbnail):
            if let url = attributes.value("url") { feed.image.offer(resolve(url), rank: 0) }
            return .opaque
        case (.itunes, .link):
            if attributes.value("rel") == "image", let href = attributes.value("href") {
                feed.image.offer(resolve(href), rank: 1)
            }
            return .opaque
        case (.none, .ttl): return beginField(.ttl, kind: .text)
        case (.sy, .updatePeriod): return beginField(.updatePeriod, kind: .text)
        case (.sy, .updateFrequency): return beginField(.updateFrequency, kind: .text)
        default: return nil
        }
    }

    mutating func itemChild(_ ns: FeedNamespace, _ name: FeedName, _ attributes: XMLAttributes) -> Role? {
        if format == .cdf { return cdfChild(ns, name, attributes) }
        switch (ns, name) {
        case (.none, .item) where family != .atom, (.atom10, .entry) where family == .atom:
            // Items never nest: this is a broken document whose previous item was never closed
            // (recover mode's end tags run one element late). Close it here and start the next.
            return startItem(attributes)
        case (.none, .title): return beginField(.title, kind: .sniff)
        case (.atom10, .title): return beginAtomText(.title, attributes)
        case (.dc, .title): return beginField(.dcTitle, kind: .sniff)
        case (.media, .title): return beginField(.mediaTitle, kind: .sniff)
        case (.none, .link):
            // An Atom-style `<link href="…"/>` or `<link rel="enclosure" …/>` without the Atom namespace.
            if attributes.value("href") != nil { return atomLinkRole(attributes) }
            return beginField(.link, kind: .text)
        case (.atom10, .link):
            return atomLinkRole(attributes)
        case (.none, .guid):
            return beginField(.guid, kind: .text, attribute: attributes.value("isPermaLink"))
        case (.atom10, .id): return beginField(.atomID, kind: .text)
        case (.none, .description): return beginField(.rssDescription, kind: .sniff)
        case (.atom10, .summary): return beginAtomText(.atomSummary, attributes)
        case (.dc, .description): return beginField(.dcDescription, kind: .sniff)
        case (.itunes, .summary): return beginField(.itunesSummary, kind: .sniff)
        case (.itunes, .subtitle): return beginField(.itunesSubtitle, kind: .text)
        case (.media, .description):
            let kind: TextKind = attributes.value("type") == "html" ? .html : .text
            return beginField(.mediaDescription, kind: kind)
        case (.content, .encoded): return beginField(.contentEncoded, kind: .html)
        case (.atom10, .content): return beginAtomText(.atomContent, attributes)
        case (.xhtml, .body), (.xhtml, .div), (.none, .body):
            return beginField(.xhtmlBody, kind: .html, markup: true)
        case (.atom10, .updated), (.atom10, .modified): return beginField(.atomUpdated, kind: .text)
        case (.dc, .date): return beginField(.dcDate, kind: .text)
        case (.dcterms, .modified): return beginField(.dctermsModified, kind: .text)
        case (.none, .pubDate): return beginField(.pubDate, kind: .text)
        case (.atom10, .published), (.atom10, .issued): return beginField(.atomPublished, kind: .text)
        case (.dcterms, .issued), (.dcterms, .created): return beginField(.dctermsIssued, kind: .text)
        case (.atom10, .created): return beginField(.atomCreated, kind: .text)
        case (.none, .author): return beginField(.rssAuthor, kind: .html, markup: true)
        case (.atom10, .author): return startPerson(.item)
        case (.atom10, .contributor): return startPerson(.ignored)
        case (.dc, .creator), (.dc, .author): return beginField(.dcCreator, kind: .html, markup: true)
        case (.itunes, .author): return beginField(.itunesAuthor, kind: .html, markup: true)
        case (.none, .category), (.dc, .subject), (.media, .category): return beginField(.category, kind: .text)
        case (.itunes, .category):
            if let term = attributes.value("text"), !term.isEmpty { item.categories.append(term) }
            return .container(saved: context)
        case (.none, .summary) where family != .atom, (.none, .fullitem) where family != .atom:
            return beginField(.rssSummary, kind: .sniff)
        case (.atom10, .category):
            if let term = attributes.value("term") ?? attributes.value("label"), !term.isEmpty {
                item.categories.append(term)
            }
            return .opaque
        case (.none, .comments): return beginField(.comments, kind: .text)
        case (.wfw, .commentRss): return beginField(.commentRss, kind: .text)
        case (.slash, .comments): return beginField(.slashComments, kind: .text)
        case (.feedburner, .origLink): return beginField(.origLink, kind: .text)
        case (.none, .enclosure):
            addEnclosure(url: attributes.value("url"), type: attributes.value("type"), length: attributes.value("length"))
            return .opaque
        case (.media, .content):
            mediaContent(attributes)
            return .container(saved: context)
        case (.media, .group):
            return .container(saved: context)
        case (.media, .thumbnail):
            if let url = attributes.value("url") { item.image.offer(resolve(url), rank: 2) }
            return .opaque
        case (.itunes, .image), (.googlePlay, .image):
            if let href = attributes.value("href") ?? attributes.value("url") { item.image.offer(resolve(href), rank: 1) }
            return .opaque
        case (.none, .source):
            return beginField(.rssSource, kind: .sniff, attribute: attributes.value("url"))
        case (.atom10, .source):
            source = EntrySource()
            let saved = context
            context = .source
            return .source(saved: saved)
        default: return nil
        }
    }

    /// CDF: `TITLE` and `ABSTRACT` in the channel and its `ITEM`s, whose `HREF` is the link and
    /// `LASTMOD` the updated date.
    private mutating func cdfChild(_ ns: FeedNamespace, _ name: FeedName, _ attributes: XMLAttributes) -> Role? {
        guard ns == .none else { return nil }
        switch name {
        case .cdfTitle: return beginField(.title, kind: .sniff)
        case .cdfAbstract: return beginField(.rssDescription, kind: .sniff)
        case .cdfItem where context == .feed:
            let role = startItem(attributes)
            if let href = attributes.value("HREF") { item.link.offer(resolve(href), rank: 3) }
            if let lastModified = attributes.value("LASTMOD") { item.updated.overwrite(lastModified, rank: 3) }
            return role
        default: return nil
        }
    }

    mutating func sourceChild(_ ns: FeedNamespace, _ name: FeedName, _ attributes: XMLAttributes) -> Role? {
        guard ns == .atom10 else { return nil }
        switch name {
        case .title: return beginAtomText(.title, attributes)
        case .id: return beginField(.atomID, kind: .text)
        case .link:
            return atomLinkRole(attributes)
        default: return nil
        }
    }

    /// `url` made absolute against the base in force at the current element.
    mutating func resolve(_ url: String) -> String { URLResolver.resolve(url, against: base) }

    /// `<atom:link href>` is read from its attributes; Atom 0.3-era feeds sometimes put the URL in the text.
    private mutating func atomLinkRole(_ attributes: XMLAttributes) -> Role {
        if attributes.value("href") == nil {
            let rel = attributes.value("rel")?.asciiTrimmed.lowercased()
            return beginField(.atomLinkText, kind: .text, attribute: rel)
        }
        atomLink(attributes)
        return .opaque
    }

    /// `<atom:link>` anywhere: alternate, self, enclosure, via and replies links.
    private mutating func atomLink(_ attributes: XMLAttributes) {
        guard let href = attributes.value("href") else { return }
        let rel = attributes.value("rel")?.asciiTrimmed.lowercased() ?? "alternate"
        let type = attributes.value("type")?.lowercased()
        let url = resolve(href)
        let htmlish = type == nil || type == "text/html" || type == "application/xhtml+xml"
        switch (context, rel) {
        case (.feed, "alternate"), (.feed, "http://www.iana.org/assignments/relation/alternate"):
            feed.link.offer(url, rank: htmlish ? 2 : 1)
        case (.feed, "self"):
            if feed.feedURL == nil { feed.feedURL = url }
        case (.item, "alternate"), (.item, "http://www.iana.org/assignments/relation/alternate"):
            item.link.offer(url, rank: htmlish ? 3 : 2)
        case (.item, "enclosure"):
            addEnclosure(url: href, type: attributes.value("type"), length: attributes.value("length"))
        case (.item, "via"):
            if item.originalLink == nil { item.originalLink = url }
        case (.item, "replies") where htmlish && type != nil:
            if item.comments == nil { item.comments = url }
        case (.source, "alternate"):
            if source.link == nil { source.link = url }
        case (.source, "self"):
            if source.feedURL == nil { source.feedURL = url }
        default:
            break
        }
    }

    private mutating func addEnclosure(url: String?, type: String?, length: String?) {
        guard let url, !url.isEmpty else { return }
        let absolute = resolve(url)
        if item.enclosures.contains(where: { $0.url == absolute }) { return }
        let bytes = length.flatMap { Int64($0.asciiTrimmed) }
        let cleanType = type?.asciiTrimmed
        item.enclosures.append(
            Enclosure(url: absolute, type: cleanType?.isEmpty == false ? cleanType : nil, length: bytes))
    }

    /// `<media:content>`: an enclosure for playable media; an image candidate for pictures.
    private mutating func mediaContent(_ attributes: XMLAttributes) {
        guard let url = attributes.value("url"), !url.isEmpty else { return }
        let type = attributes.value("type")
        let medium = attributes.value("medium")
        if medium == "image" || type?.hasPrefix("image/") == true {
            item.image.offer(resolve(url), rank: 0)
        }
        addEnclosure(url: url, type: type, length: attributes.value("fileSize"))
    }
}
