import Foundation

/// Splits bylines such as `By Jo Casebourne | 06 May 2025` into the author and the date text,
/// either with the rule's own regular expressions (`authorPattern`, `datePattern`: the first capture
/// group is the value) or with built-in defaults.
///
/// Default for authors: strip a leading "By" / "Written by" / "Posted by" / "Author:", then cut at the
/// first ` | `, ` · `, ` • `, ` - `, ` – `, ` — `, `, ` or ` on ` that is followed by a date; when the
/// date rule points at the same text, also cut at ` | `, ` · ` and ` • ` even if no date follows.
/// Default for dates: the whole text, then each separated segment (last first) with "Published",
/// "Posted", "Updated", "on" stripped.
struct BylineSplitter {
    private let authorPattern: NSRegularExpression?
    private let datePattern: NSRegularExpression?
    private let dateParser: HTMLDateParser

    /// Compiles the rule's patterns; throws a message naming the key when one is unusable.
    init(rule: HTMLRule, keyPath: String = "html", dateParser: HTMLDateParser) throws(HTMLSourceError) {
        authorPattern = try Self.compile(rule.authorPattern, key: "\(keyPath).authorPattern")
        datePattern = try Self.compile(rule.datePattern, key: "\(keyPath).datePattern")
        self.dateParser = dateParser
    }

    static func compile(_ pattern: String?, key: String) throws(HTMLSourceError) -> NSRegularExpression? {
        guard let pattern, !pattern.isEmpty else { return nil }
        let regex: NSRegularExpression
        do {
            regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        } catch {
            throw .invalidPattern(key: key, pattern: pattern, reason: "it does not compile (ICU syntax)")
        }
        guard regex.numberOfCaptureGroups >= 1 else {
            throw .invalidPattern(
                key: key, pattern: pattern, reason: "it has no capture group; wrap the wanted part in ( )")
        }
        return regex
    }

    /// The author name in `text`, or `nil` when nothing is left.
    func author(from text: String, dateRuleSharesText: Bool) -> String? {
        let text = text.collapsingWhitespace
        if let authorPattern, let captured = Self.firstCapture(authorPattern, in: text) {
            return Self.trimmed(captured)
        }
        var name = Self.strippingPrefixes(text, Self.authorPrefixes)
        for separator in Self.separators {
            guard let range = name.firstRange(of: separator) else { continue }
            let hardSeparator = Self.hardSeparators.contains(separator)
            if (hardSeparator && dateRuleSharesText) || dateParser.parseBuiltIn(String(name[range.upperBound...])) != nil {
                name = String(name[..<range.lowerBound])
            }
        }
        return Self.trimmed(name)
    }

    /// The candidate date strings in `text`, most likely first.
    func dateCandidates(from text: String) -> [String] {
        let text = text.collapsingWhitespace
        if let datePattern, let captured = Self.firstCapture(datePattern, in: text) {
            return [captured.collapsingWhitespace]
        }
        var candidates = [text]
        var segments = [text]
        for separator in Self.separators where text.contains(separator) {
            segments = segments.flatMap { $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init) }
        }
        if segments.count > 1 {
            candidates += segments.reversed().map { Self.strippingPrefixes($0, Self.datePrefixes) }
        } else {
            let stripped = Self.strippingPrefixes(text, Self.datePrefixes)
            if stripped != text { candidates.append(stripped) }
        }
        return candidates.filter { !$0.isEmpty }
    }

    /// The date in `text` (via `datePattern` or the default segments), or `nil`.
    func date(from text: String) -> Date? {
        for candidate in dateCandidates(from: text) {
            if let date = dateParser.parse(candidate) { return date }
        }
        return nil
    }

    // MARK: - Helpers

    private static let hardSeparators = [" | ", " · ", " • "]
    private static let separators = [" | ", " · ", " • ", " — ", " – ", " - ", ", ", " on "]
    private static let authorPrefixes = ["written by", "posted by", "words by", "by", "author:", "authors:"]
    private static let datePrefixes = [
        "published on", "published:", "published", "posted on", "posted:", "posted", "updated on", "updated:",
        "updated", "date:", "on",
    ]

    private static func strippingPrefixes(_ text: String, _ prefixes: [String]) -> String {
        let lowered = text.prefix(14).lowercased()
        for prefix in prefixes where lowered.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count)
            // "By" must be a whole word: "Byron Smith" keeps its name.
            if prefix.last?.isLetter == true, let next = rest.first, next.isLetter { continue }
            return String(rest.drop { $0 == " " || $0 == ":" })
        }
        return text
    }

    private static let trimmedCharacters: Set<Character> = [" ", ",", ";", "|", "·", "•", "-", "–", "—", ":"]

    private static func trimmed(_ text: some StringProtocol) -> String? {
        let value = text.drop { trimmedCharacters.contains($0) }.reversed().drop { trimmedCharacters.contains($0) }
        return value.isEmpty ? nil : String(value.reversed())
    }

    private static func firstCapture(_ regex: NSRegularExpression, in text: String) -> String? {
        let range = NSRange(text.startIndex..., in: text)
        guard let match = regex.firstMatch(in: text, range: range) else { return nil }
        for group in 1..<match.numberOfRanges {
            if let captured = Range(match.range(at: group), in: text), !text[captured].isEmpty {
                return String(text[captured])
            }
        }
        return nil
    }
}
