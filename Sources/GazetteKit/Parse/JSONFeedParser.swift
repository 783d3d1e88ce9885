import Foundation

/// Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org) into the same model as RSS and Atom.
///
/// Uses Foundation's JSON reader loosely (unknown keys ignored, wrong-typed values skipped) because
/// real JSON feeds bend the spec as often as XML ones do.
enum JSONFeedParser {
    static func parse(_ data: Data, url: URL?, source: String) throws(FeedParseError) -> ParsedFeed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw .notAFeed(source: source, reason: "invalid JSON (\(Self.describe(error)))")
        }
        guard let root = object as? [String: Any] else {
            throw .notAFeed(source: source, reason: "the JSON document is not an object")
        }
        guard let version = root["version"] as? String, version.contains("jsonfeed.org/version/") else {
            throw .notAFeed(source: source, reason: "the JSON document has no JSON Feed \"version\"")
        }
        let base = url?.absoluteString ?? ""
        var converter = FeedText()
        func link(_ key: String, in dict: [String: Any]) -> String? {
            guard let s = dict[key] as? String, !s.isEmpty else { return nil }
            return URLResolver.resolve(s, against: base)
        }
        func text(_ key: String, in dict: [String: Any]) -> String? {
            guard let s = dict[key] as? String else { return nil }
            let clean = FeedText.collapseWhitespace(s)
            return clean.isEmpty ? nil : clean
        }
        func people(_ dict: [String: Any]) -> [Person] {
            var list = (dict["authors"] as? [[String: Any]]) ?? []
            if list.isEmpty, let one = dict["author"] as? [String: Any] { list = [one] }
            return list.compactMap { a in
                let p = Person(name: text("name", in: a), email: nil, uri: link("url", in: a))
                return p.name == nil && p.uri == nil ? nil : p
            }
        }

        var items: [FeedItem] = []
        for entry in (root["items"] as? [Any]) ?? [] {
            guard let it = entry as? [String: Any] else { continue }
            var id: String?
            if let s = it["id"] as? String, !s.isEmpty { id = s } else if let n = it["id"] as? NSNumber { id = n.stringValue }
            let title = (it["title"] as? String).map { converter.plain(TextValue(raw: $0, kind: .text, base: base)) }
            let itemLink = link("url", in: it)
            var content: String?
            if let html = it["content_html"] as? String {
                content = converter.html(TextValue(raw: html, kind: .html, base: base))
            } else if let plain = it["content_text"] as? String {
                content = converter.html(TextValue(raw: plain, kind: .text, base: base))
            }
            let summary = (it["summary"] as? String).map { converter.html(TextValue(raw: $0, kind: .text, base: base)) }
            let published = (it["date_published"] as? String).flatMap { FeedDate.parse($0) }
            let updated = (it["date_modified"] as? String).flatMap { FeedDate.parse($0) }
            let derived = id == nil
            if id == nil {
                id = DerivedID.make([
                    itemLink, it["title"] as? String, it["date_published"] as? String,
                    (it["content_html"] as? String) ?? (it["content_text"] as? String),
                ])
            }
            let enclosures: [Enclosure] = ((it["attachments"] as? [[String: Any]]) ?? []).compactMap { a in
                guard let u = link("url", in: a) else { return nil }
                return Enclosure(url: u, type: a["mime_type"] as? String, length: (a["size_in_bytes"] as? NSNumber)?.int64Value)
            }
            items.append(
                FeedItem(
                    id: id ?? "", idIsDerived: derived, title: title?.isEmpty == true ? nil : title, link: itemLink,
                    originalLink: link("external_url", in: it), published: published, updated: updated,
                    authors: people(it), summary: summary, content: content,
                    categories: (it["tags"] as? [Any])?.compactMap { $0 as? String } ?? [],
                    enclosures: enclosures, image: link("image", in: it) ?? link("banner_image", in: it)))
        }
        return ParsedFeed(
            format: version.hasSuffix("/1.1") ? .json11 : .json10,
            title: text("title", in: root), subtitle: text("description", in: root),
            link: link("home_page_url", in: root), feedURL: link("feed_url", in: root),
            id: link("feed_url", in: root), updated: nil, language: text("language", in: root),
            authors: people(root), image: link("icon", in: root) ?? link("favicon", in: root),
            generator: nil, items: items)
    }

    private static func describe(_ error: any Error) -> String {
        let ns = error as NSError
        if let detail = ns.userInfo["NSDebugDescription"] as? String { return detail }
        return ns.localizedDescription
    }
}
