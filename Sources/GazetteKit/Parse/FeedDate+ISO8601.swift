extension FeedDate {
    /// Strict ISO 8601 / RFC 3339 / W3C-DTF parser over trimmed UTF-8 bytes.
    ///
    /// Accepts the extended and basic forms, `T`/`t`/space between date and time, fractional seconds
    /// (`.` or `,`), `Z` or numeric offsets (`+hh:mm`, `+hhmm`, `+hh`, also after a space), a few
    /// zone names after a space (`2004-07-08 23:56:58 GMT`), reduced precision (year, year-month,
    /// date, no seconds), ordinal and week dates, feedparser's two-digit-year forms (`03-12-31`,
    /// `031231`, `-0312`, `03335`), three-digit months (`2003-012-31`), month names in the month
    /// position (Hungarian `2004-július-13`) and Korean 오전/오후 (AM/PM) before the time.
    /// Anything left over after the zone makes the whole date invalid.
    enum ISO8601Parser {
        enum Outcome {
            case date(Fields)
            case invalid
            case notISO
        }

        static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Outcome {
            var scanner = Scanner(bytes: b)
            var fields = Fields()
            let leadingDash = scanner.peek == UInt8(ascii: "-")
            if leadingDash {
                // Truncated forms with an implied century: -YYMM, -YY-MM.
                scanner.index += 1
                let (value, digits) = scanner.number(maxDigits: 4)
                if digits == 4 {
                    fields.year = expandTwoDigitYear(value / 100)
                    fields.month = value % 100
                } else if digits == 2, scanner.skip(UInt8(ascii: "-")) {
                    let (month, monthDigits) = scanner.number(maxDigits: 2)
                    guard monthDigits == 2 else { return .invalid }
                    fields.year = expandTwoDigitYear(value)
                    fields.month = month
                } else {
                    return digits == 0 ? .notISO : .invalid
                }
                return scanner.atEnd ? .date(fields) : .invalid
            }
            guard let first = scanner.peek, isDigit(first) else { return .notISO }
            let (value, digits) = scanner.number(maxDigits: 9)
            let next = scanner.peek
            switch digits {
            case 4 where next == UInt8(ascii: "-"):
                fields.year = value
                scanner.index += 1
                guard extendedDate(&scanner, &fields) else { return .invalid }
            case 4 where next == nil:
                fields.year = value
            case 4 where next == UInt8(ascii: "W") || next == UInt8(ascii: "w"):
                fields.year = value
                guard weekDate(&scanner, &fields, extended: false) else { return .invalid }
            case 2 where next == UInt8(ascii: "-"):
                // YY-MM-DD
                scanner.index += 1
                let (month, monthDigits) = scanner.number(maxDigits: 2)
                guard monthDigits == 2, scanner.skip(UInt8(ascii: "-")) else { return .invalid }
                let (day, dayDigits) = scanner.number(maxDigits: 2)
                guard dayDigits == 2 else { return .invalid }
                fields.year = expandTwoDigitYear(value)
                fields.month = month
                fields.day = day
            case 8:  // YYYYMMDD
                fields.year = value / 10_000
                fields.month = value / 100 % 100
                fields.day = value % 100
            case 7:  // YYYYDDD
                fields.year = value / 1000
                guard setOrdinal(value % 1000, &fields) else { return .invalid }
            case 6:  // YYMMDD
                fields.year = expandTwoDigitYear(value / 10_000)
                fields.month = value / 100 % 100
                fields.day = value % 100
            case 5:  // YYDDD
                fields.year = expandTwoDigitYear(value / 1000)
                guard setOrdinal(value % 1000, &fields) else { return .invalid }
            default:
                return .notISO
            }
            return timeAndZone(&scanner, &fields) ? .date(fields) : .invalid
        }

        /// After `YYYY-`: `MM`, `MM-DD`, `MMM-DD` (zero-padded month), `DDD` (ordinal), `Www-D`, or a month name.
        private static func extendedDate(_ scanner: inout Scanner, _ fields: inout Fields) -> Bool {
            if scanner.peek == UInt8(ascii: "W") || scanner.peek == UInt8(ascii: "w") {
                return weekDate(&scanner, &fields, extended: true)
            }
            let (value, digits) = scanner.number(maxDigits: 3)
            if digits == 0 {
                let wordStart = scanner.index
                while let byte = scanner.peek, byte >= 0x80 || isLetter(byte) { scanner.index += 1 }
                guard scanner.index > wordStart else { return false }
                switch classify(scanner.slice(from: wordStart)) {
                case .month(let month), .foreignMonth(let month): fields.month = month
                default: return false
                }
            } else if digits == 3 && scanner.peek != UInt8(ascii: "-") {
                return setOrdinal(value, &fields)
            } else if digits == 2 || (digits == 3 && value < 100) {
                fields.month = value
            } else {
                return false
            }
            guard scanner.skip(UInt8(ascii: "-")) else { return true }
            let (day, dayDigits) = scanner.number(maxDigits: 2)
            guard dayDigits >= 1 else { return false }
            fields.day = day
            return true
        }

        /// `Www` or `Www-D` / `WwwD` (ISO week date); the scanner is on the `W`.
        private static func weekDate(_ scanner: inout Scanner, _ fields: inout Fields, extended: Bool) -> Bool {
            scanner.index += 1
            let (week, weekDigits) = scanner.number(maxDigits: 2)
            guard weekDigits == 2, (1...53).contains(week) else { return false }
            var weekday = 1
            if extended ? scanner.skip(UInt8(ascii: "-")) : (scanner.peek.map(isDigit) ?? false) {
                let (day, dayDigits) = scanner.number(maxDigits: 1)
                guard dayDigits == 1, (1...7).contains(day) else { return false }
                weekday = day
            }
            let start = isoWeekOneMonday(fields.year)
            let target = start + Int64((week - 1) * 7 + weekday - 1)
            guard target < isoWeekOneMonday(fields.year + 1) else { return false }
            let (year, month, day) = civil(fromDays: target)
            (fields.year, fields.month, fields.day) = (year, month, day)
            return true
        }

        /// The Monday of ISO week 1 of `year` (the week holding 4 January), in days since 1970.
        private static func isoWeekOneMonday(_ year: Int) -> Int64 {
            let jan4 = days(fromCivil: year, 1, 4)
            let weekday = ((jan4 % 7) + 7 + 3) % 7  // 1970-01-01 was a Thursday; Monday = 0
            return jan4 - weekday
        }

        private static func setOrdinal(_ ordinal: Int, _ fields: inout Fields) -> Bool {
            guard ordinal >= 1, ordinal <= (isLeap(fields.year) ? 366 : 365) else { return false }
            let (_, month, day) = civil(fromDays: days(fromCivil: fields.year, 1, 1) + Int64(ordinal - 1))
            fields.month = month
            fields.day = day
            return true
        }

        /// Optional `T`/space + time, then optional zone, then the end.
        private static func timeAndZone(_ scanner: inout Scanner, _ fields: inout Fields) -> Bool {
            guard let separator = scanner.peek else { return true }
            var korean: Word?
            if separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") {
                scanner.index += 1
            } else if isSpace(separator) {
                scanner.skipSpaces()
                if let byte = scanner.peek, byte >= 0x80 {
                    let start = scanner.index
                    while let byte = scanner.peek, byte >= 0x80 { scanner.index += 1 }
                    let word = classify(scanner.slice(from: start))
                    guard word == .koreanAM || word == .koreanPM else { return false }
                    korean = word
                    scanner.skipSpaces()
                }
            } else {
                return false
            }
            let (hour, hourDigits) = scanner.number(maxDigits: 2)
            guard hourDigits >= 1 else { return false }
            fields.hour = hour
            let extended = scanner.skip(UInt8(ascii: ":"))
            let (minute, minuteDigits) = scanner.number(maxDigits: 2)
            if minuteDigits == 2 {
                fields.minute = minute
                if extended ? scanner.skip(UInt8(ascii: ":")) : (scanner.peek.map(isDigit) ?? false) {
                    let (second, secondDigits) = scanner.number(maxDigits: 2)
                    guard secondDigits == 2 else { return false }
                    fields.second = second
                    if scanner.peek == UInt8(ascii: ".") || scanner.peek == UInt8(ascii: ",") {
                        scanner.index += 1
                        guard let fraction = scanner.fraction() else { return false }
                        fields.fraction = fraction
                    }
                }
            } else if extended || minuteDigits != 0 {
                return false
            }
            if let korean {
                guard fields.hour <= 12 else { return false }
                if korean == .koreanPM, fields.hour < 12 { fields.hour += 12 }
                if korean == .koreanAM, fields.hour == 12 { fields.hour = 0 }
                fields.offset = 9 * 3600
            }
            scanner.skipSpaces()
            guard let zoneStart = scanner.peek else { return true }
            if zoneStart == UInt8(ascii: "+") || zoneStart == UInt8(ascii: "-") {
                scanner.index += 1
                guard let offset = scanner.offset() else { return false }
                fields.offset = zoneStart == UInt8(ascii: "-") ? -offset : offset
            } else if isLetter(zoneStart) {
                let start = scanner.index
                while let byte = scanner.peek, isLetter(byte) { scanner.index += 1 }
                switch classify(scanner.slice(from: start)) {
                case .zone(let offset, _): fields.offset = offset
                default: return false
                }
            } else {
                return false
            }
            scanner.skipSpaces()
            return scanner.atEnd
        }

        /// RFC 2822: two-digit years below 50 are 20xx, others 19xx.
        static func expandTwoDigitYear(_ year: Int) -> Int { year < 50 ? 2000 + year : 1900 + year }
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// A cursor over date bytes with the small lexing helpers both parsers need.
    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }
        var atEnd: Bool { index >= bytes.count }

        func slice(from start: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[start..<index])
        }

        mutating func skip(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        mutating func skipSpaces() {
            while let byte = peek, isSpace(byte) { index += 1 }
        }

        /// Reads at most `maxDigits` digits (the rest stay for the caller); returns the value and
        /// how many digits were read.
        mutating func number(maxDigits: Int) -> (value: Int, digits: Int) {
            var value = 0
            var digits = 0
            while digits < maxDigits, let byte = peek, isDigit(byte) {
                value = value * 10 + Int(byte - 48)
                digits += 1
                index += 1
            }
            return (value, digits)
        }

        /// Digits after a decimal point, as a fraction of a second.
        mutating func fraction() -> Double? {
            var value = 0.0
            var scale = 1.0
            var digits = 0
            while let byte = peek, isDigit(byte) {
                if digits < 9 {
                    scale /= 10
                    value += Double(byte - 48) * scale
                }
                digits += 1
                index += 1
            }
            return digits > 0 ? value : nil
        }

        /// A zone offset after its sign: `hh`, `hhmm`, `hh:mm`, `h`; returns seconds, or nil if malformed.
        mutating func offset() -> Int? {
            let (value, digits) = number(maxDigits: 4)
            var hours = 0
            var minutes = 0
            switch digits {
            case 1, 2:
                hours = value
                if skip(UInt8(ascii: ":")) {
                    let (minuteValue, minuteDigits) = number(maxDigits: 2)
                    guard minuteDigits == 2 else { return nil }
                    minutes = minuteValue
                }
            case 3, 4:
                hours = value / 100
                minutes = value % 100
            default:
                return nil
            }
            guard hours <= 23, minutes <= 59 else { return nil }
            return hours * 3600 + minutes * 60
        }
    }
}
