/// Chooses which of a section's candidate articles are published and in what order, so one busy
/// source cannot flood a section and the order never depends on input order.
enum EntrySelection {
    /// The source an article counts against for `maxPerSource`: its first source's feed key
    /// (the feed it was first seen in); articles without sources share the key `""`.
    static func sourceKey(of article: Article) -> String { article.sources.first?.feedKey ?? "" }

    /// Newest first by `effectiveUpdated` (ties: by id, then by title, ascending), keeping at most
    /// `maxEntries` articles and at most `maxPerSource` from any one source. Articles with an id
    /// seen earlier in that order are dropped, since one feed must not list an id twice.
    static func select(_ candidates: [Article], maxEntries: Int, maxPerSource: Int) -> [Article] {
        let limit = max(0, maxEntries)
        let perSource = max(0, maxPerSource)
        let ordered = candidates.sorted(by: isOrderedBefore)
        var perSourceCount: [String: Int] = [:]
        var seenIDs: Set<String> = []
        var selected: [Article] = []
        for article in ordered {
            guard selected.count < limit else { break }
            let key = sourceKey(of: article)
            guard perSourceCount[key, default: 0] < perSource, !seenIDs.contains(article.id) else { continue }
            perSourceCount[key, default: 0] += 1
            seenIDs.insert(article.id)
            selected.append(article)
        }
        return selected
    }

    /// The publishing order: newer `effectiveUpdated` first, then id, then title (total and stable).
    static func isOrderedBefore(_ a: Article, _ b: Article) -> Bool {
        if a.effectiveUpdated != b.effectiveUpdated { return a.effectiveUpdated > b.effectiveUpdated }
        if a.id != b.id { return a.id.unicodeScalars.lexicographicallyPrecedes(b.id.unicodeScalars) }
        return a.title.unicodeScalars.lexicographicallyPrecedes(b.title.unicodeScalars)
    }
}
