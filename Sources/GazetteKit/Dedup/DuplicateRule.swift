import Foundation

/// Decides whether two copies from different places are the same story, by link and then by
/// content, erring towards keeping stories apart: a missed duplicate costs a reader one extra
/// entry, a false merge hides a story.
///
/// Two copies are the same story when either
/// 1. **Link**: their canonical links (`CanonicalLink`, of the declared original link when a feed
///    gives one, else the entry link) are equal and identifying (have a path or query); or
/// 2. **Content**: all of
///    - their titles match: equal `TitleKey.core` (normalized, publication suffix dropped);
///    - their dates (published, else first seen) are at most `maxDateDistance` apart (3 days);
///    - both texts (content, else summary, as plain text) have at least `minShingles` (12)
///      3-word shingles — titles alone never merge;
///    - at least `minContainment` (80%) of the smaller text's shingles occur in the other text, so
///      a summary matches the article it opens but two stories sharing a template do not;
///    - every number in the shorter text also occurs in the longer one (two councils' budget
///      stories with the same wording differ in their figures).
public struct DuplicateRule: Sendable, Hashable {
    /// The largest distance between the two copies' dates for a content match.
    public var maxDateDistance: TimeInterval
    /// The fewest shingles the smaller text needs for a content match.
    public var minShingles: Int
    /// The smallest overlap coefficient of the two texts' shingles for a content match.
    public var minContainment: Double

    /// The thresholds documented on the type.
    public init(maxDateDistance: TimeInterval = 3 * 86_400, minShingles: Int = 12, minContainment: Double = 0.8) {
        self.maxDateDistance = maxDateDistance
        self.minShingles = minShingles
        self.minContainment = minContainment
    }

    /// What the rule compares about one copy of a story.
    public struct Facts: Sendable {
        /// `CanonicalLink.canonicalize` of the original link, else the link; `nil` if none.
        public var canonicalLink: String?
        /// `TitleKey.core` of the title.
        public var titleCore: String
        /// Published, else first seen.
        public var date: Date
        /// The text's fingerprint (content, else summary).
        public var text: TextFingerprint

        /// Facts from raw values: `link` should be the original link when one is declared.
        public init(title: String, link: String?, date: Date, html: String?) {
            self.canonicalLink = link.flatMap(CanonicalLink.canonicalize)
            self.titleCore = TitleKey.core(title)
            self.date = date
            self.text = TextFingerprint(html: html ?? "")
        }

        /// Facts from precomputed parts (the store keeps title keys in columns).
        public init(canonicalLink: String?, titleCore: String, date: Date, text: TextFingerprint) {
            self.canonicalLink = canonicalLink
            self.titleCore = titleCore
            self.date = date
            self.text = text
        }
    }

    /// True when the two copies share an identifying canonical link.
    public func sameLink(_ a: Facts, _ b: Facts) -> Bool {
        guard let link = a.canonicalLink, link == b.canonicalLink else { return false }
        return CanonicalLink.isIdentifying(link)
    }

    /// True when the two copies pass the content test (title, dates, near-identical text).
    public func sameContent(_ a: Facts, _ b: Facts) -> Bool {
        guard !a.titleCore.isEmpty, a.titleCore == b.titleCore else { return false }
        guard abs(a.date.timeIntervalSince(b.date)) <= maxDateDistance else { return false }
        return similarText(a.text, b.text)
    }

    /// True when the two texts are near-identical by the shingle and number tests.
    public func similarText(_ a: TextFingerprint, _ b: TextFingerprint) -> Bool {
        guard min(a.shingles.count, b.shingles.count) >= minShingles else { return false }
        guard a.containment(with: b) >= minContainment else { return false }
        let (short, long) = a.words.count <= b.words.count ? (a, b) : (b, a)
        return short.numbers.isSubset(of: long.numbers)
    }

    /// True when the two copies are the same story by either test.
    public func isDuplicate(_ a: Facts, _ b: Facts) -> Bool {
        sameLink(a, b) || sameContent(a, b)
    }
}
