import Foundation
import GazetteKit

/// Deterministic articles for measuring ingest with dedup against stores of growing size
/// (`gazette bench store --scales`): a large vocabulary of made-up words, so texts share shingles only
/// when they are copies, as real stories do.
///
/// - `stored(feed:count:)`: the articles a store is filled with, `perFeed` per feed document, dated
///   over `spanDays` days before `base` (so a fixed share of them lies within the rule's 3-day window).
/// - `probe(feed:)`: new items dated at `base`; of every 20, 2 repeat a recent stored article under a
///   labelled title (`UPDATED: …`, rule 2a), 2 under a sub-edited title with the same text (rule 2b),
///   and 16 are new stories.
struct StoreScaleWorkload {
    static let base = Date(timeIntervalSince1970: 1_767_225_600)
    let stored: Int
    let spanDays: Double = 90
    let perFeed = 500

    private static let vocabulary: [String] = {
        let onsets = [
            "b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "pl", "r", "s", "st", "t", "tr", "v", "w",
        ]
        let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou"]
        let codas = ["", "n", "r", "s", "t", "nd", "ck", "ll", "m"]
        var words: [String] = []
        for onset in onsets {
            for vowel in vowels {
                for coda in codas { words.append(onset + vowel + coda) }
            }
        }
        return words  // 23 × 8 × 9 = 1,656 syllables; words are one or two of them
    }()

    /// The stored article number `index`, as its feed's item.
    func storedItem(_ index: Int) -> FeedItem {
        var random = SplitMix64(seed: UInt64(index) &* 0x2545_F491_4F6C_DD1D &+ 7)
        let title = Self.words(7, &random).capitalizedFirst
        let text = "<p>" + Self.words(45, &random).capitalizedFirst + ".</p>"
        let link = "https://stored\(index / perFeed).scale.example/news/\(index)"
        let age = Double(stored - 1 - index) / Double(max(1, stored)) * spanDays * 86_400
        return FeedItem(id: link, title: title, link: link, published: Self.base.addingTimeInterval(-age), content: text)
    }

    /// Stored feed document `feed` (items `feed * perFeed ..< …`).
    func storedFeed(_ feed: Int) -> ParsedFeed {
        let range = (feed * perFeed)..<min(stored, (feed + 1) * perFeed)
        return ParsedFeed(
            format: .rss20, title: "Stored \(feed)", link: "https://stored\(feed).scale.example/",
            items: range.map(storedItem))
    }

    /// Probe feed document `feed` of 20 new items (see the type's documentation).
    func probeFeed(_ feed: Int) -> ParsedFeed {
        let items = (0..<20).map { index -> FeedItem in
            let serial = feed * 20 + index
            let link = "https://probe\(feed).scale.example/news/\(index)"
            // A stored article from the last day (within the date window at every scale).
            let recent = max(0, stored - 1 - (serial * 7919) % max(1, min(stored, Int(Double(stored) / spanDays))))
            switch index % 10 {
            case 3:
                var item = storedItem(recent)
                item.title = "UPDATED: " + (item.title ?? "")
                item.id = link
                item.link = link
                return item
            case 7:
                var item = storedItem(recent)
                item.title = (item.title ?? "") + " today"
                item.id = link
                item.link = link
                return item
            default:
                var random = SplitMix64(seed: UInt64(serial) &* 0x9E37_79B9 &+ 0xABCDEF)
                return FeedItem(
                    id: link, title: Self.words(7, &random).capitalizedFirst, link: link, published: Self.base,
                    content: "<p>" + Self.words(45, &random).capitalizedFirst + ".</p>")
            }
        }
        return ParsedFeed(format: .rss20, title: "Probe \(feed)", link: "https://probe\(feed).scale.example/", items: items)
    }

    private static func words(_ count: Int, _ random: inout SplitMix64) -> String {
        (0..<count).map { _ in
            let first = vocabulary[Int(random.next() % UInt64(vocabulary.count))]
            return random.next() % 2 == 0 ? first : first + vocabulary[Int(random.next() % UInt64(vocabulary.count))]
        }.joined(separator: " ")
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
