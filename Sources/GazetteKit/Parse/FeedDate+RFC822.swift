extension FeedDate {
    /// Tolerant token parser for RFC 822/1123/2822 dates and their relatives.
    ///
    /// It reads the string as tokens: numbers (day, year), month names, one time (`h:m[:s[.f]]`),
    /// zones (names, military letters, `±hhmm`, `±hh:mm`, `GMT±hh:mm`, `Etc/GMT`), AM/PM, numeric
    /// dates (`2006/09/15`, `15.09.2006`, `2006-09-15`) and Korean `년 월 일` markers. Weekday names
    /// and other words are ignored, so a wrong weekday or trailing garbage does not matter; a missing
    /// month, day or year, a malformed time or offset, or an ambiguous numeric date means `nil`.
    enum RFC822Parser {
        private struct State {
            var fields = Fields()
            var numbers: (Int, Int, Int, Int) = (0, 0, 0, 0)  // value, digits of up to two numbers
            var numberCount = 0
            var month = 0
            var hasTime = false
            var hasDate = false  // from a numeric date or Korean markers
            var zone: Int?
            var zoneIsUTCName = false
            var meridiem: Word?
            var korean = false
            /// Which of 년 월 일 have been seen (bits 0, 1, 2): each once, all three for a date.
            var koreanParts = 0
        }

        static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Fields? {
            var scanner = Scanner(bytes: bytes)
            var state = State()
            while let byte = scanner.peek {
                if isDigit(byte) {
                    guard number(&scanner, &state) else { return nil }
                } else if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                    guard sign(&scanner, &state) else { return nil }
                } else if isLetter(byte) || byte >= 0x80 {
                    guard word(&scanner, &state) else { return nil }
                } else {
                    scanner.index += 1  // spaces, commas, dots, slashes, parentheses
                }
            }
            return finish(&state)
        }

        private static func number(_ scanner: inout Scanner, _ state: inout State) -> Bool {
            let (value, digits) = scanner.number(maxDigits: 9)
            guard digits <= 8 else { return false }
            switch scanner.peek {
            case UInt8(ascii: ":"):
                return time(hour: value, hourDigits: digits, &scanner, &state)
            case UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "-"):
                if let separator = scanner.peek, scanner.index + 1 < scanner.bytes.count,
                    isDigit(scanner.bytes[scanner.index + 1]), !state.hasDate, state.numberCount == 0,
                    state.month == 0
                {
                    return numericDate(first: value, firstDigits: digits, separator: separator, &scanner, &state)
                }
            case 0xEB, 0xEC:
                if let marker = koreanMarker(scanner) {
                    // A marker seen twice (`3월3월3월`, found by FuzzDate) is no date: it made year 1.
                    guard state.koreanParts & (1 << marker) == 0 else { return false }
                    scanner.index += 3
                    state.korean = true
                    state.koreanParts |= 1 << marker
                    switch marker {
                    case 0: state.fields.year = digits <= 2 ? ISO8601Parser.expandTwoDigitYear(value) : value
                    case 1: state.month = value
                    default: state.fields.day = value
                    }
                    if state.koreanParts == 0b111 { state.hasDate = true }
                    return true
                }
            default:
                break
            }
            // Ordinal suffixes: 1st, 2nd, 3rd, 4th.
            if let byte = scanner.peek, isLetter(byte), scanner.index + 1 < scanner.bytes.count {
                let pair = (byte | 0x20, scanner.bytes[scanner.index + 1] | 0x20)
                let isOrdinal = pair == (0x73, 0x74) || pair == (0x6E, 0x64) || pair == (0x72, 0x64) || pair == (0x74, 0x68)
                let endsThere = scanner.index + 2 >= scanner.bytes.count || !isLetter(scanner.bytes[scanner.index + 2])
                if isOrdinal && endsThere && digits <= 2 { scanner.index += 2 }
            }
            switch state.numberCount {
            case 0: state.numbers.0 = value; state.numbers.1 = digits
            case 1: state.numbers.2 = value; state.numbers.3 = digits
            default: return false
            }
            state.numberCount += 1
            return true
        }

        /// `년` (year), `월` (month), `일` (day) right after a number: 0, 1, 2.
        private static func koreanMarker(_ scanner: Scanner) -> Int? {
            let i = scanner.index
            guard i + 2 < scanner.bytes.count else { return nil }
            switch (scanner.bytes[i], scanner.bytes[i + 1], scanner.bytes[i + 2]) {
            case (0xEB, 0x85, 0x84): return 0
            case (0xEC, 0x9B, 0x94): return 1
            case (0xEC, 0x9D, 0xBC): return 2
            default: return nil
            }
        }

        private static func time(hour: Int, hourDigits: Int, _ scanner: inout Scanner, _ state: inout State) -> Bool {
            guard !state.hasTime, hourDigits <= 2 else { return false }
            var (minute, second) = (0, 0)
            var count = 1
            while scanner.skip(UInt8(ascii: ":")) {
                let (value, digits) = scanner.number(maxDigits: 2)
                guard count < 3, digits >= 1, !(scanner.peek.map(isDigit) ?? false) else { return false }
                if count == 1 { minute = value } else { second = value }
                count += 1
            }
            guard count >= 2 else { return false }
            if count == 3, scanner.peek == UInt8(ascii: "."), scanner.index + 1 < scanner.bytes.count,
                isDigit(scanner.bytes[scanner.index + 1])
            {
                scanner.index += 1
                state.fields.fraction = scanner.fraction() ?? 0
            }
            (state.fields.hour, state.fields.minute, state.fields.second) = (hour, minute, second)
            state.hasTime = true
            return true
        }

        /// `YYYY/MM/DD`, `YYYY-MM-DD`, `DD.MM.YYYY`, `MM/DD/YYYY` when unambiguous.
        private static func numericDate(
            first: Int, firstDigits: Int, separator: UInt8,
            _ scanner: inout Scanner, _ state: inout State
        ) -> Bool {
            scanner.index += 1
            let (second, secondDigits) = scanner.number(maxDigits: 2)
            guard secondDigits >= 1, scanner.skip(separator) else { return false }
            let (third, thirdDigits) = scanner.number(maxDigits: 4)
            guard thirdDigits >= 1, !(scanner.peek.map(isDigit) ?? false) else { return false }
            if firstDigits == 4 {
                (state.fields.year, state.month, state.fields.day) = (first, second, third)
            } else if thirdDigits == 4, firstDigits <= 2 {
                state.fields.year = third
                if separator == UInt8(ascii: ".") || first > 12 {
                    (state.fields.day, state.month) = (first, second)  // European D.M.Y
                } else if second > 12 {
                    (state.month, state.fields.day) = (first, second)  // US M/D/Y
                } else {
                    return false  // 03/04/2005: ambiguous, refuse to guess
                }
            } else {
                return false
            }
            state.hasDate = true
            return true
        }

        private static func sign(_ scanner: inout Scanner, _ state: inout State) -> Bool {
            let signByte = scanner.bytes[scanner.index]
            let nextIsDigit = scanner.index + 1 < scanner.bytes.count && isDigit(scanner.bytes[scanner.index + 1])
            guard state.hasTime else {
                scanner.index += 1  // a separator, as in 13-Feb-2012
                return true
            }
            guard nextIsDigit else {
                let nextIsSpace = scanner.index + 1 >= scanner.bytes.count || isSpace(scanner.bytes[scanner.index + 1])
                scanner.index += 1
                return nextIsSpace  // "+zz:00" is a broken offset, not garbage to skip
            }
            scanner.index += 1
            guard let offset = scanner.offset(), !(scanner.peek.map(isDigit) ?? false) else { return false }
            if state.zone == nil || state.zoneIsUTCName {
                state.zone = signByte == UInt8(ascii: "-") ? -offset : offset
                state.zoneIsUTCName = false
            }
            return true
        }

        private static func word(_ scanner: inout Scanner, _ state: inout State) -> Bool {
            let start = scanner.index
            while let byte = scanner.peek, isLetter(byte) || byte >= 0x80 { scanner.index += 1 }
            switch classify(scanner.slice(from: start)) {
            case .month(let month):
                guard state.month == 0 || state.month == month else { return false }
                state.month = month
            case .foreignMonth(let month):
                if state.month == 0 { state.month = month }
            case .zone(let offset, let isUTCName):
                if state.hasTime, state.zone == nil {
                    state.zone = offset
                    state.zoneIsUTCName = isUTCName
                }
            case .militaryZone(let offset):
                if state.hasTime, state.zone == nil { state.zone = offset }
            case .am, .pm:
                if state.hasTime { state.meridiem = classify(scanner.slice(from: start)) }
            case .koreanAM, .koreanPM:
                state.meridiem = classify(scanner.slice(from: start)) == .koreanAM ? .am : .pm
                state.korean = true
            case .unknown:
                break
            }
            return true
        }

        private static func finish(_ state: inout State) -> Fields? {
            var fields = state.fields
            if state.hasDate {
                guard state.numberCount == 0 else { return nil }
                fields.month = state.month
            } else {
                guard state.month != 0, state.numberCount == 2 else { return nil }
                fields.month = state.month
                var (day, year, yearDigits) = (state.numbers.0, state.numbers.2, state.numbers.3)
                if state.numbers.1 >= 3 && state.numbers.3 <= 2 {
                    (day, year, yearDigits) = (state.numbers.2, state.numbers.0, state.numbers.1)
                } else if state.numbers.1 > 2 {
                    return nil
                }
                switch yearDigits {
                case 1, 2: year = ISO8601Parser.expandTwoDigitYear(year)
                case 3: year += 1900  // RFC 2822 §4.3
                default: break
                }
                fields.day = day
                fields.year = year
            }
            if let meridiem = state.meridiem {
                guard (1...12).contains(fields.hour) else { return nil }
                if meridiem == .pm, fields.hour < 12 { fields.hour += 12 }
                if meridiem == .am, fields.hour == 12 { fields.hour = 0 }
            }
            fields.offset = state.zone ?? (state.korean ? 9 * 3600 : 0)
            return fields
        }
    }
}
