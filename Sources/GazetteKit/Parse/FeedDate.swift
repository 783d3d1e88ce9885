import Foundation

/// Parses the dates feeds actually contain: RFC 822/1123 and its many broken variants,
/// RFC 3339 / ISO 8601 variants, and common malformed forms. Unparseable means `nil`, never "now".
///
/// The parser is hand-written over the string's UTF-8 bytes: no `DateFormatter` (slow and
/// locale-sensitive), no allocation on the common paths. Two strategies are tried:
/// - strings that start like ISO 8601 (`2004-02-28…`, `20040228…`, `-0312`, `03-12-31`) go to a strict
///   ISO 8601 / W3C-DTF parser (`FeedDate+ISO8601.swift`), which rejects trailing garbage;
/// - everything else goes to a tolerant token parser (`FeedDate+RFC822.swift`) that understands
///   RFC 822/1123/2822, asctime, JavaScript `Date.toString`, named/military/numeric zones, and the
///   Greek, Hungarian, Korean and western European month names seen in the wild. It ignores
///   weekday names (right or wrong) and trailing words after the time.
///
/// Impossible dates (month 13, 30 February, hour 25, offset -99:99) are rejected. A missing time
/// means midnight; a missing zone means UTC (Korean forms: KST).
public enum FeedDate {
    /// Returns the date `text` denotes, in absolute time, or `nil` when it cannot be understood.
    public static func parse(_ text: String) -> Date? {
        var text = text
        if let date = text.withUTF8({ parse(bytes: $0) }) {
            return date
        }
        return nil
    }

    /// Formats a date as RFC 3339 UTC with a `Z` (e.g. `2025-05-06T09:30:00Z`), as the JSON contract and Atom need.
    public static func rfc3339(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        guard interval.isFinite, abs(interval) < 2.5e14 else { return "" }
        let seconds = Int64(interval.rounded(.down))
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        let (year, month, day) = civil(fromDays: days)
        let hour = Int(secondOfDay / 3600)
        let minute = Int(secondOfDay % 3600 / 60)
        let second = Int(secondOfDay % 60)
        guard (0...9999).contains(year) else {
            // Outside RFC 3339's range: still unambiguous, never crashes.
            let head = year < 0 ? "-" + pad(-year, 4) : pad(year, 4)
            return head + "-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))Z"
        }
        return String(unsafeUninitializedCapacity: 20) { buffer in
            func put(_ value: Int, _ width: Int, at offset: Int) {
                var value = value
                var index = offset + width - 1
                while index >= offset {
                    buffer[index] = UInt8(truncatingIfNeeded: 48 + value % 10)
                    value /= 10
                    index -= 1
                }
            }
            put(Int(year), 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(month, 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(day, 2, at: 8)
            buffer[10] = UInt8(ascii: "T")
            put(hour, 2, at: 11)
            buffer[13] = UInt8(ascii: ":")
            put(minute, 2, at: 14)
            buffer[16] = UInt8(ascii: ":")
            put(second, 2, at: 17)
            buffer[19] = UInt8(ascii: "Z")
            return 20
        }
    }

    // MARK: - Internals shared by the two parsers

    /// Parses trimmed UTF-8 bytes.
    static func parse(bytes raw: UnsafeBufferPointer<UInt8>) -> Date? {
        var start = 0
        var end = raw.count
        while start < end, isSpace(raw[start]) { start += 1 }
        while end > start, isSpace(raw[end - 1]) { end -= 1 }
        guard end > start else { return nil }
        let bytes = UnsafeBufferPointer(rebasing: raw[start..<end])
        switch ISO8601Parser.parse(bytes) {
        case .date(let fields): return fields.date
        case .invalid: return nil
        case .notISO: return RFC822Parser.parse(bytes)?.date
        }
    }

    /// Calendar fields of a parsed date, validated before conversion.
    struct Fields {
        var year = 0
        var month = 1
        var day = 1
        var hour = 0
        var minute = 0
        var second = 0
        var fraction = 0.0
        /// Seconds east of UTC.
        var offset = 0

        /// The absolute time, or `nil` when a field is out of range (month 13, 30 February, hour 25).
        var date: Date? {
            guard (1...12).contains(month), day >= 1, day <= FeedDate.daysIn(month: month, year: year),
                (0...24).contains(hour), (0...59).contains(minute), (0...60).contains(second),
                hour < 24 || (minute == 0 && second == 0 && fraction == 0),
                abs(offset) < 24 * 3600, (-9999...99_999).contains(year)
            else { return nil }
            let days = FeedDate.days(fromCivil: year, month, day)
            let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
            return Date(timeIntervalSince1970: Double(seconds) + fraction)
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `days(fromCivil:)`.
    static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
