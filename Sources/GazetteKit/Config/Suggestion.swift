/// "Did you mean …?": the closest known word to a misspelt key, section id or URL.
enum Suggestion {
    /// The candidate nearest to `word`, if it is near enough to be a plausible typo.
    ///
    /// Matches ignoring case, `_` and `-` first (`max_entries` → `maxEntries`), then by Levenshtein
    /// distance up to a third of the word's length (at least 1, at most 3 edits).
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let folded = fold(word)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            if fold(candidate) == folded { return candidate }
            let distance = editDistance(Array(folded), Array(fold(candidate)))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = min(3, max(1, folded.count / 3))
        return best.distance <= allowed ? best.candidate : nil
    }

    private static func fold(_ s: String) -> String {
        String(s.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " })
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
