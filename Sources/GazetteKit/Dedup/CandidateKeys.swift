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

    /// True when a text of `html`'s length may have enough words for body keys (a cheap test that
    /// spares fingerprinting short texts: a word takes at least two bytes with its separator).
    public static func mayHaveBodyKeys(_ html: String, rule: DuplicateRule) -> Bool {
        html.utf8.count >= 2 * rule.minWordsForEditedTitle
    }

    /// The keys of a copy titled `title` with the fingerprinted `text` (`nil` when
    /// `mayHaveBodyKeys` said no), for `rule`.
    public init(title: String, text: TextFingerprint?, rule: DuplicateRule) {
        var keys: [Int64] = []
        for form in TitleKey.forms(title).sorted() {
            keys.append(Int64(bitPattern: ContentHash.fnv1a(form, seed: Self.titleSeed)))
        }
        titleKeyCount = keys.count
        if let text, text.words.count >= rule.minWordsForEditedTitle && text.shingles.count >= rule.minShingles {
            var smallest: [UInt64] = []
            smallest.reserveCapacity(Self.bodyKeyCount + 1)
            for hash in text.shingles {
                let mixed = Self.mix(hash)
                if smallest.count < Self.bodyKeyCount {
                    smallest.append(mixed)
                    smallest.sort()
                } else if mixed < smallest[smallest.count - 1] {
                    smallest[smallest.count - 1] = mixed
                    smallest.sort()
                }
            }
            keys += smallest.map { Int64(bitPattern: $0) }
        }
        var seen = Set<Int64>()
        values = keys.filter { seen.insert($0).inserted }
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
