import Foundation

/// Decides whether two copies from different places are the same story, by link and then by
/// content, erring towards keeping stories apart: a missed duplicate costs a reader one extra
/// entry, a false merge hides a story. This is the only place the thresholds live.
///
/// Two copies are the same story when either
/// 1. **Link**: their canonical links (`CanonicalLink`, of the declared original link when a feed
///    gives one, else the entry link) are equal and identifying (have a path or query); or
/// 2. **Content**: their dates (published, else first seen) are at most `maxDateDistance` (3 days)
///    apart, both texts (content, else summary, as plain text) have at least `minShingles` (12)
///    3-word shingles — titles alone never merge — at least `minContainment` (80%) of the smaller
///    text's shingles occur in the other text (a summary matches the article it opens, two stories
///    sharing a template do not), and either
///    - **a. agreeing titles**: the titles share a form (`TitleKey.forms`: normalized, without
///      editorial labels such as `UPDATED:` or `(video)`, with or without a trailing publication
///      name), and every number and every name (`TextFingerprint`) of the shorter text occurs in
///      the longer one (two councils' copies of one press release differ in their figures and names); or
///    - **b. edited titles**: both texts have at least `minWordsForEditedTitle` (30) words and the
///      same numbers and names both ways (a follow-up that quotes the first story adds a date, a
///      count or a name); the titles' word sets have a Jaccard similarity of at least
///      `minTitleSimilarity` (0.5), the same numbers, no word swapped for its opposite
///      (`opens`/`closes`, `approved`/`rejected`, …) and no differing word that only one of the two
///      texts mentions (`Correction`, `rejected`).
public struct DuplicateRule: Sendable, Hashable {
    /// The largest distance between the two copies' dates for a content match.
    public var maxDateDistance: TimeInterval
    /// The fewest shingles the smaller text needs for a content match.
    public var minShingles: Int
    /// The smallest overlap coefficient of the two texts' shingles for a content match.
    public var minContainment: Double
    /// The fewest words each text needs before titles that differ may be compared by similarity.
    public var minWordsForEditedTitle: Int
    /// The smallest Jaccard similarity of two differing titles' word sets.
    public var minTitleSimilarity: Double

    /// The thresholds documented on the type.
    public init(
        maxDateDistance: TimeInterval = 3 * 86_400, minShingles: Int = 12, minContainment: Double = 0.8,
        minWordsForEditedTitle: Int = 30, minTitleSimilarity: Double = 0.5
    ) {
        self.maxDateDistance = maxDateDistance
        self.minShingles = minShingles
        self.minContainment = minContainment
        self.minWordsForEditedTitle = minWordsForEditedTitle
        self.minTitleSimilarity = minTitleSimilarity
    }

    /// What the rule compares about one copy of a story.
    public struct Facts: Sendable {
        /// `CanonicalLink.canonicalize` of the original link, else the link; `nil` if none.
        public var canonicalLink: String?
        /// `TitleKey.forms` of the title.
        public var titleForms: Set<String>
        /// The words of `TitleKey.core` of the stripped title.
        public var titleWords: Set<String>
        /// Published, else first seen.
        public var date: Date
        /// The text's fingerprint (content, else summary).
        public var text: TextFingerprint

        /// The facts of a copy whose text is not read yet (`titlesMayAgree` needs none).
        public init(canonicalLink: String?, title: String, date: Date) {
            self.init(canonicalLink: canonicalLink, title: title, date: date, text: TextFingerprint(words: []))
        }

        /// Facts from raw values: `link` should be the original link when one is declared.
        public init(title: String, link: String?, date: Date, html: String?) {
            self.init(
                canonicalLink: link.flatMap(CanonicalLink.canonicalize), title: title, date: date,
                text: TextFingerprint(html: html ?? ""))
        }

        /// Facts from a canonical link and a text already fingerprinted.
        public init(canonicalLink: String?, title: String, date: Date, text: TextFingerprint) {
            self.canonicalLink = canonicalLink
            let bare = TitleKey.stripped(title)
            self.titleForms = TitleKey.forms(stripped: bare)
            self.titleWords = Set(TitleKey.core(bare).split(separator: " ").map(String.init))
            self.date = date
            self.text = text
        }
    }

    /// True when the two copies share an identifying canonical link.
    public func sameLink(_ a: Facts, _ b: Facts) -> Bool {
        guard let link = a.canonicalLink, link == b.canonicalLink else { return false }
        return CanonicalLink.isIdentifying(link)
    }

    /// True when the two copies pass the content test (dates, titles, near-identical text).
    public func sameContent(_ a: Facts, _ b: Facts) -> Bool {
        guard abs(a.date.timeIntervalSince(b.date)) <= maxDateDistance else { return false }
        if !a.titleForms.isDisjoint(with: b.titleForms) { return similarText(a.text, b.text) }
        return nearIdenticalText(a.text, b.text) && similarTitles(a, b)
    }

    /// True when the two texts are near-identical by rule 2a: containment, and the shorter text's
    /// numbers and names found in the longer.
    public func similarText(_ a: TextFingerprint, _ b: TextFingerprint) -> Bool {
        guard min(a.shingles.count, b.shingles.count) >= minShingles else { return false }
        guard a.containment(with: b) >= minContainment else { return false }
        let (short, long) = a.words.count <= b.words.count ? (a, b) : (b, a)
        return short.numbers.isSubset(of: long.numbers) && Self.namesFound(short, in: long)
    }

    /// True when both texts are long enough, one contains the other and neither has a number or a
    /// name the other lacks (rule 2b's text part).
    public func nearIdenticalText(_ a: TextFingerprint, _ b: TextFingerprint) -> Bool {
        guard min(a.words.count, b.words.count) >= minWordsForEditedTitle else { return false }
        guard min(a.shingles.count, b.shingles.count) >= minShingles, a.numbers == b.numbers else { return false }
        guard a.containment(with: b) >= minContainment else { return false }
        return Self.namesFound(a, in: b) && Self.namesFound(b, in: a)
    }

    /// True when two differing titles are one edited headline (rule 2b's title part).
    public func similarTitles(_ a: Facts, _ b: Facts) -> Bool {
        guard a.titleForms.isDisjoint(with: b.titleForms), titlesMayAgree(a, b) else { return false }
        let differing = a.titleWords.symmetricDifference(b.titleWords)
        let wordsA = Set(a.text.words)
        let wordsB = Set(b.text.words)
        return !differing.contains { wordsA.contains($0) != wordsB.contains($0) }
    }

    /// The Jaccard similarity of the two titles' word sets (`nil` when both are empty).
    public static func titleSimilarity(_ a: Facts, _ b: Facts) -> Double? {
        let union = a.titleWords.union(b.titleWords).count
        guard union > 0 else { return nil }
        return Double(a.titleWords.intersection(b.titleWords).count) / Double(union)
    }

    /// True when the titles may pass rule 2a or 2b whatever the texts say: they share a form, or
    /// they are similar enough with the same numbers and no opposite words. The store asks this
    /// before it reads a candidate's text.
    public func titlesMayAgree(_ a: Facts, _ b: Facts) -> Bool {
        if !a.titleForms.isDisjoint(with: b.titleForms) { return true }
        guard let similarity = Self.titleSimilarity(a, b), similarity >= minTitleSimilarity else { return false }
        let onlyA = a.titleWords.subtracting(b.titleWords)
        let onlyB = b.titleWords.subtracting(a.titleWords)
        guard !onlyA.union(onlyB).contains(where: Self.hasDigit) else { return false }
        return !onlyA.contains { word in onlyB.contains { Self.areOpposites(word, $0) } }
    }

    private static func namesFound(_ short: TextFingerprint, in long: TextFingerprint) -> Bool {
        let names = short.names
        guard !names.isEmpty else { return true }
        let words = Set(long.words)
        // A name may be possessive in the other text ("council’s" is the word "councils").
        return names.allSatisfy { words.contains($0) || words.contains($0 + "s") }
    }

    /// True when the two copies are the same story by either test.
    public func isDuplicate(_ a: Facts, _ b: Facts) -> Bool {
        sameLink(a, b) || sameContent(a, b)
    }

    /// Pairs of headline words of opposite meaning: a title that swaps one for the other reports a
    /// different event (`Consultation opens` / `Consultation closes`).
    public static let opposites: [(String, String)] = [
        ("open", "close"), ("opens", "closes"), ("opened", "closed"), ("opening", "closing"), ("open", "closed"),
        ("reopens", "closes"), ("launched", "closed"), ("launches", "closes"), ("approved", "rejected"),
        ("approves", "rejects"), ("approved", "refused"), ("granted", "refused"), ("backed", "rejected"),
        ("backs", "rejects"), ("accepted", "rejected"), ("starts", "ends"), ("start", "end"), ("begins", "ends"),
        ("started", "ended"), ("issued", "lifted"), ("rise", "fall"), ("rises", "falls"), ("up", "down"),
        ("wins", "loses"), ("won", "lost"), ("increase", "decrease"), ("increase", "cut"), ("rises", "cut"),
        ("on", "off"), ("new", "old"), ("more", "fewer"), ("more", "less"), ("higher", "lower"),
        ("confirmed", "cancelled"), ("goes", "cancelled"), ("go", "cancelled"), ("ahead", "cancelled"),
        ("ahead", "postponed"), ("confirmed", "postponed"), ("saved", "closed"), ("saved", "closes"),
        ("extended", "cut"), ("extended", "reduced"), ("before", "after"), ("for", "against"),
    ]

    private static let oppositeKeys: Set<String> = Set(opposites.flatMap { ["\($0.0)\u{1F}\($0.1)", "\($0.1)\u{1F}\($0.0)"] })

    private static func areOpposites(_ a: String, _ b: String) -> Bool {
        oppositeKeys.contains("\(a)\u{1F}\(b)")
    }

    private static func hasDigit(_ word: String) -> Bool {
        word.unicodeScalars.contains { $0.properties.numericType != nil }
    }
}
