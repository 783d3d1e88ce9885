/// The comparable form of a headline, so the same story's title matches across feeds despite
/// case, accents, punctuation and a publication's name appended by aggregators.
///
/// - `normalized`: the title's normalized words (see `TextFingerprint.words(in:)`) joined by one
///   space: "Council’s budget — approved!" → "councils budget approved".
/// - `core`: the normalized title without a trailing source suffix: when the title has a
///   ` - `, ` – `, ` — ` or ` | ` separator, the part after the last one is dropped if it has at most
///   `maxSuffixWords` words and what remains has at least `minCoreWords` words
///   ("Council budget approved - Manchester Evening News" → "council budget approved").
///   Otherwise `core` equals `normalized`.
///
/// Titles only select candidates: a merge on content also needs near-identical text (`DuplicateRule`).
public enum TitleKey {
    /// The longest trailing segment taken for a publication name.
    public static let maxSuffixWords = 5
    /// The fewest words left once a suffix is dropped.
    public static let minCoreWords = 3

    /// The title's normalized words joined by single spaces.
    public static func normalized(_ title: String) -> String {
        TextFingerprint.words(in: title).joined(separator: " ")
    }

    /// The normalized title without a trailing publication name.
    public static func core(_ title: String) -> String {
        let separators = [" - ", " \u{2013} ", " \u{2014} ", " | "]
        var cut: String.Index?
        for separator in separators {
            if let range = title.range(of: separator, options: .backwards), range.lowerBound > (cut ?? title.startIndex) {
                cut = range.lowerBound
            }
        }
        guard let cut else { return normalized(title) }
        let head = TextFingerprint.words(in: String(title[..<cut]))
        let tail = TextFingerprint.words(in: String(title[cut...]))
        guard tail.count <= maxSuffixWords, head.count >= minCoreWords else { return normalized(title) }
        return head.joined(separator: " ")
    }
}
