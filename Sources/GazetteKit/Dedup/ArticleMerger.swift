import Foundation

/// Builds the one `Article` readers see from every feed's copy of a story, so merging is a pure,
/// repeatable function of the copies (re-run whenever a copy arrives or changes).
///
/// Rules:
/// - `id` and `firstSeen` are the article's own, fixed when its first copy was seen.
/// - `title`: the first copy's (the copy first seen), else the first non-empty title of another
///   copy, else the link, else "Untitled".
/// - `link`: the first copy's declared original link, else its link, else any copy's.
/// - `published`: the earliest of the copies' published dates.
/// - `updated`: the latest of the copies' updated dates and `changedAt` (when Gazette saw a copy
///   change without the feed stating a newer updated date).
/// - `content`: the richest, i.e. the longest sanitized content of any copy (first seen on ties);
///   `summary` likewise the longest summary.
/// - `authors`: the first copy's (the one published as `atom:source`), so a story is credited to the
///   copy it names as its source; none when that copy names none (the publisher then credits the
///   source feed), never another copy's.
/// - `categories` (case-insensitive) and `enclosures` (by URL): the union in copy order.
/// - `image`: the first copy's that has one.
/// - `sources`: one per copy, in the order they were first seen.
public enum ArticleMerger {
    /// One feed's copy of the story: where it came from and what the feed said.
    public struct Copy: Sendable, Hashable {
        /// Which feed carried the copy, under which id and link, since when.
        public var source: ArticleSource
        /// What that feed says about the story (its latest version).
        public var item: FeedItem

        /// Pairs a source with the item the feed gave.
        public init(source: ArticleSource, item: FeedItem) {
            self.source = source
            self.item = item
        }
    }

    /// The merged article of `copies` (in first-seen order); `nil` when there is no copy.
    public static func merge(id: String, firstSeen: Date, changedAt: Date?, copies: [Copy]) -> Article? {
        guard let first = copies.first else { return nil }
        let items = copies.map(\.item)
        let title =
            items.lazy.compactMap { nonEmpty($0.title) }.first
            ?? nonEmpty(first.item.originalLink ?? first.item.link) ?? "Untitled"
        let link =
            first.item.originalLink ?? first.item.link
            ?? items.lazy.compactMap { $0.originalLink ?? $0.link }.first
        let updatedDates = items.compactMap(\.updated) + (changedAt.map { [$0] } ?? [])
        return Article(
            id: id, title: title, link: link,
            published: items.compactMap(\.published).min(),
            updated: updatedDates.max(),
            firstSeen: firstSeen,
            authors: union(first.item.authors) { $0 },
            summary: longest(items.map(\.summary)),
            content: longest(items.map(\.content)),
            categories: union(items.flatMap(\.categories)) { $0.lowercased() },
            enclosures: union(items.flatMap(\.enclosures)) { $0.url },
            image: items.lazy.compactMap(\.image).first,
            sources: copies.map(\.source)
        )
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { return nil }
        return text
    }

    private static func longest(_ texts: [String?]) -> String? {
        var best: String?
        var bestLength = 0
        for case let text? in texts {
            let length = text.utf8.count
            if length > bestLength { best = text; bestLength = length }
        }
        return best
    }

    private static func union<T, Key: Hashable>(_ values: [T], key: (T) -> Key) -> [T] {
        var seen = Set<Key>()
        return values.filter { seen.insert(key($0)).inserted }
    }
}
