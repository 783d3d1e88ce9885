import Foundation

/// What happens when an element closes: its text goes to the right slot, items become `FeedItem`s.
extension FeedBuilder {
    mutating func finishField(_ field: Field, value raw: String, kind: TextKind, attribute: String?) {
        var raw = raw
        if attribute == "base64", let data = Data(base64Encoded: raw, options: .ignoreUnknownCharacters) {
            raw = String(decoding: data, as: UTF8.self)
        }
        let value = TextValue(raw: raw, kind: kind, base: base)
        switch context {
        case .item: finishItemField(field, value, attribute: attribute)
        case .feed: finishFeedField(field, value, attribute: attribute)
        case .source:
            switch field {
            case .title: if source.title == nil { source.title = converter.plain(value) }
            case .atomID: if source.id == nil, !raw.isEmpty { source.id = raw }
            default: break
            }
        case .person:
            if raw.isEmpty { return }
            switch field {
            case .personName: person.name = FeedText.collapseWhitespace(raw)
            case .personEmail: person.email = raw
            case .personURI: person.uri = resolve(raw)
            default: break
            }
        case .image:
            if field == .imageURL, !raw.isEmpty { feed.image.offer(resolve(raw), rank: 3) }
        case .document, .root:
            break
        }
    }

    private mutating func finishFeedField(_ field: Field, _ value: TextValue, attribute: String?) {
        let raw = value.raw
        switch field {
        case .title: feed.title.offer(value, rank: 3)
        case .dcTitle: feed.title.offer(value, rank: 2)
        case .link: if !raw.isEmpty { feed.link.offer(resolve(raw), rank: 3) }
        case .rssDescription, .atomSummary: feed.subtitle.offer(value, rank: 3)
        case .dcDescription: feed.subtitle.offer(value, rank: 2)
        case .itunesSubtitle: feed.subtitle.offer(value, rank: 1)
        case .itunesSummary: feed.subtitle.offer(value, rank: 0)
        case .atomID: if feed.id == nil, !raw.isEmpty { feed.id = raw }
        case .atomLinkText:
            if !raw.isEmpty && (attribute == nil || attribute == "alternate") { feed.link.offer(resolve(raw), rank: 2) }
        case .atomUpdated: feed.updated.overwrite(raw, rank: 4)
        case .lastBuildDate, .dcDate, .dctermsModified: feed.updated.overwrite(raw, rank: 3)
        case .pubDate: feed.updated.overwrite(raw, rank: 2)
        case .atomPublished: feed.updated.overwrite(raw, rank: 1)
        case .language:
            if !raw.isEmpty { feed.language.offer(raw.replacingOccurrences(of: "_", with: "-"), rank: 3) }
        case .generator: if feed.generator == nil, !raw.isEmpty { feed.generator = FeedText.collapseWhitespace(raw) }
        case .rssAuthor, .dcCreator:
            if let p = author(value), !feed.authors.contains(p) { feed.authors.append(p) }
        case .itunesAuthor:
            if let p = author(value) { feed.fallbackAuthors.append(p) }
        case .logo: if !raw.isEmpty { feed.image.offer(resolve(raw), rank: 2) }
        case .icon: if !raw.isEmpty { feed.image.offer(resolve(raw), rank: 0) }
        case .ttl: feed.ttlMinutes = Double(raw)
        case .updatePeriod: feed.updatePeriod = raw
        case .updateFrequency: feed.updateFrequency = Double(raw)
        default: break
        }
    }

    private mutating func finishItemField(_ field: Field, _ value: TextValue, attribute: String?) {
        let raw = value.raw
        switch field {
        case .title: item.title.offer(value, rank: 3)
        case .dcTitle: item.title.offer(value, rank: 2)
        case .mediaTitle: item.title.offer(value, rank: 1)
        case .link: if !raw.isEmpty { item.link.offer(resolve(raw), rank: 3) }
        case .guid:
            if item.guid == nil, !raw.isEmpty {
                item.guid = raw
                item.guidIsPermaLink = attribute?.lowercased() != "false"
            }
        case .atomID: if item.atomID == nil, !raw.isEmpty { item.atomID = raw }
        case _ where field.isItemBody: offerItemBody(field, value)
        case .atomUpdated: item.updated.overwrite(raw, rank: 3)
        case .dctermsModified: item.updated.overwrite(raw, rank: 2)
        case .dcDate:
            // RSS 1.0's only date (and many RSS 2.0 items'): when the item was published, unless a
            // pubDate says otherwise, and its updated date as well.
            item.updated.overwrite(raw, rank: 2)
            item.published.overwrite(raw, rank: 2)
        case .pubDate, .atomPublished: item.published.overwrite(raw, rank: 4)
        case .dctermsIssued: item.published.overwrite(raw, rank: 3)
        case .atomCreated: item.published.overwrite(raw, rank: 1)
        case .rssAuthor, .dcCreator:
            if let p = author(value), !item.authors.contains(p) { item.authors.append(p) }
        case .itunesAuthor:
            if let p = author(value) { item.fallbackAuthors.append(p) }
        case .category:
            let term = FeedText.collapseWhitespace(raw)
            if !term.isEmpty { item.categories.append(term) }
        case .atomLinkText:
            if !raw.isEmpty && (attribute == nil || attribute == "alternate") { item.link.offer(resolve(raw), rank: 2) }
        case .comments: if item.comments == nil, !raw.isEmpty { item.comments = resolve(raw) }
        case .commentRss: if item.commentsFeed == nil, !raw.isEmpty { item.commentsFeed = resolve(raw) }
        case .slashComments: item.commentCount = Int(raw)
        case .origLink: if !raw.isEmpty { item.originalLink = resolve(raw) }
        case .rssSource:
            var s = EntrySource()
            if !raw.isEmpty { s.title = converter.plain(value) }
            if let attribute, !attribute.isEmpty { s.feedURL = resolve(attribute) }
            if s != EntrySource() { item.source = s }
        default: break
        }
    }

    /// The person an RSS `author`, `dc:creator` or `itunes:author` names. Its text was captured as
    /// markup: an author with child elements (`<name>Regina Obe</name><title>PM</title>`) gives
    /// its `name` (and `email`) child, any other its text without markup.
    mutating func author(_ value: TextValue) -> Person? {
        let raw = value.raw
        guard raw.utf8.contains(UInt8(ascii: "<")) else { return PersonText.parse(converter.plain(value)) }
        func child(_ name: String) -> String? {
            guard let open = raw.range(of: "<\(name)>"),
                let close = raw.range(of: "</\(name)>", range: open.upperBound..<raw.endIndex)
            else { return nil }
            let text = converter.plain(TextValue(raw: String(raw[open.upperBound..<close.lowerBound]), kind: .html, base: value.base))
            return text.isEmpty ? nil : text
        }
        if let name = child("name") {
            let email = child("email").flatMap { PersonText.isEmailAddress(Substring($0)) ? $0 : nil }
            return Person(name: name, email: email)
        }
        return PersonText.parse(converter.plain(value))
    }

    /// Offers a summary or content value to the item draft, by precedence.
    mutating func offerItemBody(_ field: Field, _ value: TextValue) {
        switch field {
        case .rssDescription, .atomSummary: item.summary.offer(value, rank: 3)
        case .dcDescription: item.summary.offer(value, rank: 2)
        case .itunesSummary: item.summary.offer(value, rank: 1)
        case .mediaDescription: item.summary.offer(value, rank: 0)
        case .contentEncoded, .atomContent: item.content.offer(value, rank: 3)
        case .xhtmlBody: item.content.offer(value, rank: 2)
        case .rssSummary: item.content.offer(value, rank: 1)
        default: break
        }
    }

    /// Turns the open item's draft into a `FeedItem` (text converted, HTML sanitized, id settled).
    mutating func finishItem() {
        // Take the draft (no copy of its strings and arrays) and leave a fresh one for the next item.
        var d = ItemDraft()
        swap(&d, &item)
        let link = d.link.value ?? d.permalinkID
        let publishedRaw = d.published.value
        let updatedRaw = d.updated.value
        // A `dc:date` is both dates: parsed once.
        let published = publishedRaw.flatMap { FeedDate.parse($0) }
        let title = d.title.value.map { converter.plain($0) }
        let summary = d.summary.value.map { converter.html($0) }
        let content = d.content.value.map { converter.html($0) }
        var id = d.guid ?? d.atomID ?? d.rdfAbout
        var derived = false
        if id == nil {
            id = DerivedID.make([
                link, d.title.value?.raw, publishedRaw ?? updatedRaw, d.content.value?.raw ?? d.summary.value?.raw,
            ])
            derived = true
        }
        items.append(
            FeedItem(
                id: id ?? "", idIsDerived: derived, title: title, link: link, originalLink: d.originalLink,
                published: published, updated: updatedRaw == publishedRaw ? published : updatedRaw.flatMap { FeedDate.parse($0) },
                authors: d.authors.isEmpty ? d.fallbackAuthors : d.authors,
                summary: summary, content: content, categories: d.categories, enclosures: d.enclosures,
                comments: d.comments, commentsFeed: d.commentsFeed, commentCount: d.commentCount,
                image: d.image.value, source: d.source))
    }

    /// At the end of a recovered pass: the item the document cut off is kept when its title and
    /// link arrived whole (fields still open when the input ended are incomplete and left out).
    mutating func keepTruncatedItem() {
        guard liveItem != -1, let title = item.title.value, item.link.value != nil || item.permalinkID != nil else { return }
        notes.append("the document ends inside an item; kept it without its unfinished fields (\"\(converter.plain(title))\")")
        finishItem()
        liveItem = -1
    }

    /// The feed-level values, once the document is read.
    mutating func makeFeed(recovered: Bool, diagnostics: [String]) -> ParsedFeed {
        let diagnostics = diagnostics + notes + converter.notes
        let f = feed
        let language = f.language.value.flatMap { $0.isEmpty ? nil : $0 }
        return ParsedFeed(
            format: format,
            title: f.title.value.map { converter.plain($0) },
            subtitle: f.subtitle.value.map { converter.plain($0) },
            link: f.link.value, feedURL: f.feedURL, id: f.id,
            updated: f.updated.value.flatMap { FeedDate.parse($0) },
            language: language,
            authors: f.authors.isEmpty ? f.fallbackAuthors : f.authors,
            image: f.image.value, generator: f.generator,
            refreshInterval: f.refreshInterval, recovered: recovered, diagnostics: diagnostics,
            items: items)
    }
}
