/// The few 64-bit keys a copy of a story is indexed by, so a new copy finds the stored copies that
/// `DuplicateRule` might call the same story with a handful of index look-ups, however many
/// articles are stored.
///
/// Every content match of the rule shares at least one key with high probability:
/// - **Title keys**, one per `TitleKey.forms` of the title: rule 2a needs the titles to share a
///   form, so it always shares this key.
/// - **Body keys**, only for texts of at least `DuplicateRule.minWordsForEditedTitle` words (rule 2b
///   needs that many): the `bodyKeyCount` (6) smallest shingle hashes (a bottom-k MinHash sketch). A
///   stored copy is a candidate through its body only when it shares at least `minSharedBodyKeys`
///   (2) of them, so a phrase common to many texts ("on the council website") does not make every
///   text a candidate. For two texts of shingle Jaccard similarity J, each of the 6 smallest hashes of
///   their union is in both sketches with probability J: at J = 0.8 two or more are shared with
///   probability 99.8%.
///
/// Title and body keys are hashed with different seeds, so a title never meets a shingle.
public struct CandidateKeys: Sendable, Hashable {
    /// Body keys per text (the size of the MinHash sketch).
    public static let bodyKeyCount = 6
    /// Body keys a stored copy must share with a new one to be compared with it (by body alone).
    public static let minSharedBodyKeys = 2

    /// The keys, title keys first, without repeats.
    public let values: [Int64]
    /// How many of `values` are title keys (the first ones).
    public let titleKeyCount: Int

    /// The keys of a copy titled `title` whose text is `plainText` (`TextFingerprint.plainText`), for `rule`.
    public init(title: String, plainText: String, rule: DuplicateRule) {
        self.init(titleForms: TitleKey.forms(title), plainText: plainText, rule: rule)
    }

    /// The keys of a copy whose title has the `TitleKey.forms` `titleForms`.
    public init(titleForms: Set<String>, plainText: String, rule: DuplicateRule) {
        var keys: [Int64] = []
        for form in titleForms.sorted() {
            keys.append(Int64(bitPattern: ContentHash.fnv1a(form, seed: Self.titleSeed)))
        }
        titleKeyCount = keys.count
        let (wordCount, smallest) = Self.sketch(plainText)
        if wordCount >= rule.minWordsForEditedTitle && wordCount - TextFingerprint.shingleSize + 1 >= rule.minShingles {
            keys += smallest.map { Int64(bitPattern: $0) }
        }
        var seen = Set<Int64>()
        values = keys.filter { seen.insert($0).inserted }
    }

    /// The number of words of `plainText` and the `bodyKeyCount` smallest (mixed) hashes of its
    /// shingles, in one pass over the bytes for ASCII text (words as `TextFingerprint.words(in:)`
    /// splits them).
    static func sketch(_ plainText: String) -> (words: Int, smallest: [UInt64]) {
        var sketch = BottomK(capacity: bodyKeyCount)
        var recent: (UInt64, UInt64) = (0, 0)
        var count = 0
        func add(_ word: UInt64) {
            count += 1
            if count >= TextFingerprint.shingleSize {
                sketch.insert(mix(TextFingerprint.shingleHash(recent.0, recent.1, word)))
            }
            recent = (recent.1, word)
        }
        if plainText.utf8.allSatisfy({ $0 < 0x80 }) {
            var hash = ContentHash.offsetBasis
            var inWord = false
            for byte in plainText.utf8 {
                var folded = byte
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): folded = byte + 32
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
                case UInt8(ascii: "'"): continue
                default:
                    if inWord { add(hash) }
                    hash = ContentHash.offsetBasis
                    inWord = false
                    continue
                }
                hash = (hash ^ UInt64(folded)) &* ContentHash.prime
                inWord = true
            }
            if inWord { add(hash) }
        } else {
            for word in TextFingerprint.words(in: plainText) { add(ContentHash.fnv1a(word)) }
        }
        return (count, sketch.values.sorted())
    }

    /// The smallest values seen, at most `capacity` of them.
    private struct BottomK {
        let capacity: Int
        var values: [UInt64] = []
        var largest: UInt64 = 0

        init(capacity: Int) {
            self.capacity = capacity
            values.reserveCapacity(capacity)
        }

        mutating func insert(_ value: UInt64) {
            if values.count < capacity {
                guard !values.contains(value) else { return }
                values.append(value)
                largest = max(largest, value)
            } else if value < largest, !values.contains(value) {
                values[values.firstIndex(of: largest)!] = value
                largest = values.max()!
            }
        }
    }

    private static let titleSeed: UInt64 = 0x7469_746c_6521_0d13

    /// A 64-bit finalizer (from SplitMix64), so the smallest shingles are a uniform sample and
    /// never look like a title key.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
