import Foundation

/// HTTP dates (RFC 9110 §5.6.7) for `Retry-After`: IMF-fixdate, plus the obsolete RFC 850 and asctime forms.
///
/// Parsed by hand: no `DateFormatter` (not `Sendable`, locale-sensitive, slow to create).
enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The instant `text` names, or `nil` when it is not one of the three HTTP date forms (always GMT).
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // Drop the weekday: "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994".
        let afterWeekday: Substring
        if let comma = trimmed.firstIndex(of: ",") {
            afterWeekday = trimmed[trimmed.index(after: comma)...]
        } else if let space = trimmed.firstIndex(of: " ") {
            afterWeekday = trimmed[trimmed.index(after: space)...]
        } else {
            return nil
        }
        let fields = afterWeekday.split(whereSeparator: { $0 == " " || $0 == "-" }).map { String($0) }
        var day: Int?, month: Int?, yearText: String?, time: String?
        if fields.count == 4, let m = monthIndex(fields[0]) {  // asctime: Nov 6 08:49:37 1994
            month = m
            day = Int(fields[1])
            time = fields[2]
            yearText = fields[3]
        } else if fields.count == 5, fields[4].uppercased() == "GMT" || fields[4].uppercased() == "UTC" {
            day = Int(fields[0])  // 06 Nov 1994 08:49:37 GMT
            month = monthIndex(fields[1])
            yearText = fields[2]
            time = fields[3]
        }
        guard let d = day, let m = month, let yt = yearText, var y = Int(yt), let t = time else { return nil }
        if yt.count == 2 { y += y < 70 ? 2000 : 1900 }  // RFC 850 two-digit years
        let parts = t.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 3, (1...31).contains(d), (0...23).contains(parts[0]), (0...59).contains(parts[1]),
            (0...60).contains(parts[2])
        else { return nil }
        let days = Int(FeedDate.days(fromCivil: y, m, d))
        let seconds = days * 86_400 + parts[0] * 3600 + parts[1] * 60 + parts[2]
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// `date` as an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
    static func format(_ date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secs = total - days * 86_400
        let (y, m, d) = FeedDate.civil(fromDays: Int64(days))
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let weekday = weekdays[((days % 7) + 7) % 7]
        let month = months[m - 1].prefix(1).uppercased() + months[m - 1].dropFirst()
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(weekday), \(two(d)) \(month) \(y) \(two(secs / 3600)):\(two(secs / 60 % 60)):\(two(secs % 60)) GMT"
    }

    private static func monthIndex(_ name: String) -> Int? {
        months.firstIndex(of: name.lowercased()).map { $0 + 1 }
    }
}
