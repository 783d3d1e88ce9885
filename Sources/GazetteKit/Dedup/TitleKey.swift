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
        let scalars = Array(title.unicodeScalars)
        var cut: Int?
        if scalars.count >= 3 {
            for index in stride(from: scalars.count - 3, through: 0, by: -1)
            where scalars[index] == " " && scalars[index + 2] == " " && separators.contains(scalars[index + 1]) {
                cut = index
                break
            }
        }
        guard let cut else { return normalized(title) }
        var head = String.UnicodeScalarView()
        head.append(contentsOf: scalars[..<cut])
        var tail = String.UnicodeScalarView()
        tail.append(contentsOf: scalars[cut...])
        let headWords = TextFingerprint.words(in: String(head))
        let tailWords = TextFingerprint.words(in: String(tail))
        guard tailWords.count <= maxSuffixWords, headWords.count >= minCoreWords else { return normalized(title) }
        return headWords.joined(separator: " ")
    }

    private static let separators: Set<Unicode.Scalar> = ["-", "\u{2013}", "\u{2014}", "|"]
}
