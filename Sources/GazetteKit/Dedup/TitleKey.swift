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
/// - `stripped`: the title without an editorial label a wire or digest adds: a leading
///   `UPDATED:`, `Update:`, `Breaking:`, `Breaking news:`, `Exclusive:`, `Video:`, `Watch:`, `Live:`,
///   `Listen:`, `In pictures:`, `Pictures:`, `Photos:`, `Just in:`, `News:`, `Press release:` (also
///   in brackets: `[Video]`), and a trailing `(updated)`, `[update]`, `(video)`, `(with video)`,
///   `(pictures)`, `(photos)`, repeatedly.
/// - `forms`: `normalized` and `core` of the stripped title; two titles agree when their forms meet.
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

    /// Labels an editor or aggregator puts before a headline (normalized words), longest first.
    public static let leadingLabels: [[String]] = [
        ["breaking", "news"], ["press", "release"], ["in", "pictures"], ["just", "in"],
        ["updated"], ["update"], ["breaking"], ["exclusive"], ["video"], ["watch"], ["live"], ["listen"],
        ["pictures"], ["photos"], ["news"],
    ]

    /// Labels an editor puts in brackets after a headline (normalized words).
    public static let trailingLabels: Set<String> = [
        "updated", "update", "video", "with video", "pictures", "photos", "live", "watch", "audio",
    ]

    /// The normalized words of the title without editorial labels (see the type's documentation).
    public static func stripped(_ title: String) -> String {
        // Most titles carry no label: no label punctuation near the start, no closing bracket at the end.
        let head = title.utf8.prefix(32)
        let last = title.utf8.last(where: { $0 != UInt8(ascii: " ") })
        if !head.contains(where: { labelBytes.contains($0) }) && last != UInt8(ascii: ")") && last != UInt8(ascii: "]")
            && title.utf8.first != UInt8(ascii: " ")
        {
            return title
        }
        var text = Substring(title)
        var changed = true
        while changed {
            changed = false
            text = text.drop(while: { $0.isWhitespace })
            while text.last?.isWhitespace == true { text.removeLast() }
            if let rest = droppingLeadingLabel(text) {
                text = rest
                changed = true
            }
            if let rest = droppingTrailingLabel(text) {
                text = rest
                changed = true
            }
        }
        return String(text)
    }

    /// `normalized` and `core` of the title without editorial labels: the forms two agreeing
    /// titles share at least one of.
    public static func forms(_ title: String) -> Set<String> {
        forms(stripped: stripped(title))
    }

    /// `forms(title)` given the title's `normalized` and `core` already computed.
    public static func forms(_ title: String, normalized full: String, core: String) -> Set<String> {
        let bare = stripped(title)
        guard bare == title else { return forms(stripped: bare) }
        guard !full.isEmpty else { return [] }
        return full == core ? [full] : [full, core]
    }

    /// `forms` of a title already `stripped`.
    static func forms(stripped bare: String) -> Set<String> {
        let full = normalized(bare)
        guard !full.isEmpty else { return [] }
        guard bare.unicodeScalars.contains(where: { separators.contains($0) }) else { return [full] }
        return [full, core(bare)]
    }

    /// `text` without a leading `Label:` / `Label -` / `[Label]` of `leadingLabels`, or `nil`.
    private static func droppingLeadingLabel(_ text: Substring) -> Substring? {
        if let open = text.first, open == "[" || open == "(", let close = text.firstIndex(where: { $0 == "]" || $0 == ")" }) {
            let inner = TextFingerprint.words(in: String(text[text.index(after: text.startIndex)..<close]))
            guard leadingLabels.contains(inner) || trailingLabels.contains(inner.joined(separator: " ")) else { return nil }
            let rest = text[text.index(after: close)...].drop(while: { $0.isWhitespace || labelPunctuation.contains($0) })
            return rest.isEmpty ? nil : rest
        }
        let head = text.prefix(24)
        guard
            let mark = head.indices.first(where: { index in
                guard labelPunctuation.contains(head[index]) else { return false }
                let next = head.index(after: index)
                return head[index] == ":" || next == text.endIndex || text[next].isWhitespace
            })
        else { return nil }
        let label = TextFingerprint.words(in: String(text[..<mark]))
        guard leadingLabels.contains(label) else { return nil }
        let rest = text[mark...].drop(while: { $0.isWhitespace || labelPunctuation.contains($0) })
        return TextFingerprint.words(in: String(rest)).count >= minCoreWords ? rest : nil
    }

    /// `text` without a trailing `(label)` / `[label]` of `trailingLabels`, or `nil`.
    private static func droppingTrailingLabel(_ text: Substring) -> Substring? {
        guard let close = text.last, close == ")" || close == "]",
            let open = text.lastIndex(where: { $0 == "(" || $0 == "[" })
        else { return nil }
        let inner = TextFingerprint.words(in: String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
        guard trailingLabels.contains(inner.joined(separator: " ")) else { return nil }
        let rest = text[..<open]
        return TextFingerprint.words(in: String(rest)).count >= minCoreWords ? rest : nil
    }

    /// Bytes of `labelPunctuation` and brackets (0xE2 starts the UTF-8 of the en and em dashes).
    private static let labelBytes: Set<UInt8> = [
        UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "|"), UInt8(ascii: "["), UInt8(ascii: "("), 0xE2,
    ]

    private static let labelPunctuation: Set<Character> = [":", "-", "\u{2013}", "\u{2014}", "|"]

    private static let separators: Set<Unicode.Scalar> = ["-", "\u{2013}", "\u{2014}", "|"]
}
