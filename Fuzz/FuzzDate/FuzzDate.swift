import Foundation
import FuzzDriver
import GazetteKit

/// The date parser never crashes, and never returns a year before 1970 or after 2100 unless the
/// text spells that year (four digits, or two for a two-digit year; a time zone may move the instant
/// into the year before or after).
@main enum FuzzDate {
    static func main() {
        FuzzDriver.run { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            guard let date = FeedDate.parse(text) else { return }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let year = calendar.component(.year, from: date)
            if year < 1970 || year > 2100 {
                // Compared as bytes: a combining mark after a digit would hide it from String.contains.
                let bytes = Data(text.utf8)
                let spelled = [year - 1, year, year + 1].contains { candidate in
                    let digits = String(candidate)
                    return bytes.range(of: Data(digits.utf8)) != nil || bytes.range(of: Data(digits.suffix(2).utf8)) != nil
                }
                fuzzCheck(spelled, "year \(year) from \(text.debugDescription), which has no such year")
            }
        }
    }
}
