import Foundation

/// Formats dates for published files without locales, time zones or calendars, so the same
/// instant always yields the same bytes.
enum PublishDate {
    /// The `updated` of a section with no entries: the Unix epoch, fixed so the file stays byte-stable.
    static let emptySectionUpdated = Date(timeIntervalSince1970: 0)

    /// RFC 3339 in UTC with whole seconds and a `Z` (`2025-05-06T09:30:00Z`), as Atom and JSON Feed
    /// need. Fractions are dropped (rounded down); years are clamped to 0001–9999 so the result is
    /// always a valid `xsd:dateTime`.
    static func rfc3339(_ date: Date) -> String {
        let p = parts(date)
        return "\(pad(p.year, 4))-\(pad(p.month, 2))-\(pad(p.day, 2))T"
            + "\(pad(p.hour, 2)):\(pad(p.minute, 2)):\(pad(p.second, 2))Z"
    }

    /// The calendar day in UTC (`2025-05-06`), for the index page.
    static func day(_ date: Date) -> String {
        let p = parts(date)
        return "\(pad(p.year, 4))-\(pad(p.month, 2))-\(pad(p.day, 2))"
    }

    private static let minSeconds: Int64 = -62_135_596_800  // 0001-01-01T00:00:00Z
    private static let maxSeconds: Int64 = 253_402_300_799  // 9999-12-31T23:59:59Z

    private static func parts(_ date: Date) -> (year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64) {
        let raw = date.timeIntervalSince1970
        let seconds: Int64
        if raw.isNaN {
            seconds = 0
        } else if raw <= Double(minSeconds) {
            seconds = minSeconds
        } else if raw >= Double(maxSeconds) {
            seconds = maxSeconds
        } else {
            seconds = Int64(raw.rounded(.down))
        }
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        let (year, month, day) = FeedDate.civil(fromDays: days)
        return (Int64(year), Int64(month), Int64(day), secondOfDay / 3_600, secondOfDay % 3_600 / 60, secondOfDay % 60)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
