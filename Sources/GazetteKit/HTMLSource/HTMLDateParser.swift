import Foundation

/// Reads the dates listing pages print in their own formats (`06 May 2025`, `May 6, 2025`,
/// `6th May 2025`, `06/05/2025`, ISO dates, `<time datetime>` values) into UTC dates.
///
/// - With a `dateFormat` (a Unicode pattern such as `dd MMMM yyyy`), that pattern is tried first,
///   through one `DateFormatter` (en_US_POSIX, UTC) built when the parser is made.
/// - Otherwise (or when the pattern does not match) the common forms are searched for anywhere in the
///   text, so `By Jo Casebourne | 06 May 2025` yields 6 May 2025.
/// - Numeric dates are read **day first** (`06/05/2025` is 6 May), as UK council and trade pages write
///   them; only when the first number cannot be a month-day pair that way (`05/16/2025`) is it read
///   month first.
/// - Times without a zone are taken as UTC; `GMT`, `UTC` and `BST` suffixes are honoured.
/// - Last resort: `FeedDate.parse` (RFC 822 / RFC 3339). Unparseable text gives `nil`, never "now".
struct HTMLDateParser {
    private let formatter: DateFormatter?

    init(format: String? = nil) {
        if let format, !format.trimmingCharacters(in: .whitespaces).isEmpty {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.calendar = Calendar(identifier: .gregorian)
            formatter.dateFormat = format
            formatter.isLenient = false
            self.formatter = formatter
        } else {
            formatter = nil
        }
    }

    /// The date `text` denotes, or `nil`.
    func parse(_ text: String) -> Date? {
        let cleaned = text.collapsingWhitespace
        guard !cleaned.isEmpty else { return nil }
        if let formatter {
            if let date = formatter.date(from: cleaned) { return date }
            let withoutOrdinals = Self.removingOrdinals(cleaned)
            if withoutOrdinals != cleaned, let date = formatter.date(from: withoutOrdinals) { return date }
        }
        if let date = Self.parseISO(cleaned) { return date }
        if let date = Self.parseCommon(cleaned) { return date }
        return FeedDate.parse(cleaned)
    }

    /// The date in `text` from the built-in forms only (ISO and common human forms): cheap, for
    /// deciding whether a byline segment is a date.
    func parseBuiltIn(_ text: String) -> Date? {
        Self.parseISO(text) ?? Self.parseCommon(text)
    }

    /// `6th May` → `6 May`.
    static func removingOrdinals(_ text: String) -> String {
        var result = ""
        var previousWasDigit = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if previousWasDigit {
                let rest = text[index...].prefix(2).lowercased()
                let after = text.index(index, offsetBy: 2, limitedBy: text.endIndex) ?? text.endIndex
                if ["st", "nd", "rd", "th"].contains(rest), after == text.endIndex || !text[after].isLetter {
                    index = after
                    previousWasDigit = false
                    continue
                }
            }
            result.append(character)
            previousWasDigit = character.isASCII && character.isNumber
            index = text.index(after: index)
        }
        return result
    }

    // MARK: - ISO 8601 / RFC 3339 (date, optional time, optional zone), anywhere in the text

    static func parseISO(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var start = 0
        while start + 10 <= bytes.count {
            if let date = isoDate(bytes, at: start) { return date }
            start += 1
        }
        return nil
    }

    private static func digits(_ bytes: [UInt8], _ from: Int, _ count: Int) -> Int? {
        guard from >= 0, from + count <= bytes.count else { return nil }
        var value = 0
        for index in from..<from + count {
            let byte = bytes[index]
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    private static func isoDate(_ b: [UInt8], at i: Int) -> Date? {
        if i > 0, b[i - 1] >= 48, b[i - 1] <= 57 { return nil }
        guard let year = digits(b, i, 4), b[i + 4] == UInt8(ascii: "-"), let month = digits(b, i + 5, 2),
            i + 7 < b.count, b[i + 7] == UInt8(ascii: "-"), let day = digits(b, i + 8, 2)
        else { return nil }
        var components = DateComponents(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        var offset = 0
        var p = i + 10
        if p < b.count, b[p] == UInt8(ascii: "T") || b[p] == UInt8(ascii: " "),
            let hour = digits(b, p + 1, 2), p + 3 < b.count, b[p + 3] == UInt8(ascii: ":"),
            let minute = digits(b, p + 4, 2)
        {
            components.hour = hour
            components.minute = minute
            p += 6
            if p < b.count, b[p] == UInt8(ascii: ":"), let second = digits(b, p + 1, 2) {
                components.second = second
                p += 3
                if p < b.count, b[p] == UInt8(ascii: ".") || b[p] == UInt8(ascii: ",") {
                    p += 1
                    while p < b.count, b[p] >= 48, b[p] <= 57 { p += 1 }
                }
            }
            if p < b.count, b[p] == UInt8(ascii: " ") { p += 1 }
            if p < b.count, b[p] == UInt8(ascii: "+") || b[p] == UInt8(ascii: "-"),
                let zoneHours = digits(b, p + 1, 2)
            {
                let sign = b[p] == UInt8(ascii: "+") ? 1 : -1
                var zoneMinutes = 0
                if p + 3 < b.count, b[p + 3] == UInt8(ascii: ":") {
                    zoneMinutes = digits(b, p + 4, 2) ?? 0
                } else {
                    zoneMinutes = digits(b, p + 3, 2) ?? 0
                }
                offset = sign * (zoneHours * 3600 + zoneMinutes * 60)
            }
        }
        return makeDate(components, offset: offset)
    }

    // MARK: - Common human forms

    private enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case symbol(Character)
    }

    private static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
        "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    private static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isASCII, character.isNumber {
                let end = text[index...].firstIndex { !($0.isASCII && $0.isNumber) } ?? text.endIndex
                let run = text[index..<end]
                tokens.append(.number(Int(run.prefix(9)) ?? 0, digits: run.count))
                index = end
                // Ordinal suffix glued to the number: 6th, 1st, 22nd, 3rd.
                let suffix = text[index...].prefix(2).lowercased()
                let after = text.index(index, offsetBy: 2, limitedBy: text.endIndex) ?? text.endIndex
                if ["st", "nd", "rd", "th"].contains(suffix), after == text.endIndex || !text[after].isLetter {
                    index = after
                }
            } else if character.isLetter {
                let end = text[index...].firstIndex { !$0.isLetter } ?? text.endIndex
                tokens.append(.word(text[index..<end].lowercased()))
                index = end
            } else {
                if !character.isWhitespace { tokens.append(.symbol(character)) }
                index = text.index(after: index)
            }
        }
        return tokens
    }

    static func parseCommon(_ text: String) -> Date? {
        let tokens = tokenize(text)
        for start in tokens.indices {
            if let (components, end) = dateAt(tokens, start) {
                var components = components
                let offset = timeAfter(tokens, end, into: &components)
                if let date = makeDate(components, offset: offset) { return date }
            }
        }
        return nil
    }

    private static func month(_ token: Token?) -> Int? {
        guard case .word(let word)? = token else { return nil }
        return months[word]
    }

    private static func day(_ token: Token?) -> Int? {
        guard case .number(let value, let count)? = token, count <= 2, (1...31).contains(value) else { return nil }
        return value
    }

    private static func year(_ token: Token?, allowTwoDigits: Bool = false) -> Int? {
        guard case .number(let value, let count)? = token else { return nil }
        if count == 4 { return value }
        if allowTwoDigits, count == 2 { return 2000 + value }
        return nil
    }

    /// A date starting at `i`: components and the index after it.
    private static func dateAt(_ t: [Token], _ i: Int) -> (DateComponents, Int)? {
        func at(_ k: Int) -> Token? { k < t.count ? t[k] : nil }
        // 06 May 2025 · 6th May 2025 · 6 May, 2025 · 6 of May 2025
        if let d = day(at(i)) {
            var k = i + 1
            if at(k) == .symbol("-") || at(k) == .word("of") { k += 1 }
            if let m = month(at(k)) {
                k += 1
                if at(k) == .symbol(",") || at(k) == .symbol("-") || at(k) == .symbol(".") { k += 1 }
                if let y = year(at(k)) { return (DateComponents(year: y, month: m, day: d), k + 1) }
            }
        }
        // May 6, 2025 · May 6 2025 · Sept. 6th, 2025
        if let m = month(at(i)) {
            var k = i + 1
            if at(k) == .symbol(".") { k += 1 }
            if let d = day(at(k)) {
                k += 1
                if at(k) == .symbol(",") { k += 1 }
                if let y = year(at(k)) { return (DateComponents(year: y, month: m, day: d), k + 1) }
            }
        }
        // 2025/05/06
        if let y = year(at(i)), case .symbol(let s)? = at(i + 1), s == "/" || s == ".",
            case .number(let m, _)? = at(i + 2), at(i + 3) == .symbol(s), let d = day(at(i + 4)), (1...12).contains(m)
        {
            return (DateComponents(year: y, month: m, day: d), i + 5)
        }
        // 06/05/2025 (day first), 06.05.2025, 06-05-25
        if case .number(let first, let firstDigits)? = at(i), firstDigits <= 2, case .symbol(let s)? = at(i + 1),
            s == "/" || s == "." || s == "-", case .number(let second, let secondDigits)? = at(i + 2),
            secondDigits <= 2, at(i + 3) == .symbol(s), let y = year(at(i + 4), allowTwoDigits: true)
        {
            if (1...31).contains(first), (1...12).contains(second) {
                return (DateComponents(year: y, month: second, day: first), i + 5)
            }
            if (1...12).contains(first), (13...31).contains(second) {
                return (DateComponents(year: y, month: first, day: second), i + 5)
            }
        }
        return nil
    }

    /// Reads `14:30`, `2:30pm`, `14:30:05 GMT` after a date; returns the zone offset in seconds.
    private static func timeAfter(_ t: [Token], _ start: Int, into components: inout DateComponents) -> Int {
        func at(_ k: Int) -> Token? { k < t.count ? t[k] : nil }
        let connectives: [Token] = [.word("at"), .symbol(","), .symbol("-"), .symbol("|"), .symbol("·")]
        var i = start
        while i < t.count, i < start + 3, connectives.contains(t[i]) { i += 1 }
        guard case .number(let hour, let hourDigits)? = at(i), hourDigits <= 2, hour < 24,
            at(i + 1) == .symbol(":"), case .number(let minute, digits: 2)? = at(i + 2), minute < 60
        else { return 0 }
        var k = i + 3
        var second = 0
        if at(k) == .symbol(":"), case .number(let s, digits: 2)? = at(k + 1), s < 61 {
            second = s
            k += 2
        }
        var h = hour
        if case .word(let word)? = at(k) {
            if word == "pm" || word == "p", hour < 12 { h += 12 }
            if word == "am" || word == "a", hour == 12 { h = 0 }
            if ["am", "pm", "a", "p"].contains(word) { k += 1 }
        }
        components.hour = h
        components.minute = minute
        components.second = second
        if case .word(let zone)? = at(k) {
            switch zone {
            case "bst": return 3600
            case "cet": return 3600
            case "cest": return 7200
            default: return 0
            }
        }
        return 0
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    /// Builds the UTC date, rejecting impossible days (31 April) and years outside 1900–2200.
    private static func makeDate(_ components: DateComponents, offset: Int) -> Date? {
        guard let year = components.year, (1900...2200).contains(year), let month = components.month,
            (1...12).contains(month), let day = components.day, (1...31).contains(day),
            let date = utcCalendar.date(from: components)
        else { return nil }
        guard utcCalendar.component(.day, from: date) == day else { return nil }
        return date.addingTimeInterval(TimeInterval(-offset))
    }
}
