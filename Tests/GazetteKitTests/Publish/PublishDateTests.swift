import Foundation
import Testing

@testable import GazetteKit

@Suite struct PublishDateTests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00Z"),
        (1_746_523_800.0, "2025-05-06T09:30:00Z"),
        (1_746_523_800.999, "2025-05-06T09:30:00Z"),
        (951_782_400.0, "2000-02-29T00:00:00Z"),
        (-1.5, "1969-12-31T23:59:58Z"),
        (-62_135_596_800.0, "0001-01-01T00:00:00Z"),
        (253_402_300_799.0, "9999-12-31T23:59:59Z"),
    ])
    func formatsRFC3339InUTCWithWholeSeconds(seconds: Double, expected: String) {
        #expect(PublishDate.rfc3339(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func clampsYearsOutsideXSDDateTimeToFourDigits() {
        #expect(PublishDate.rfc3339(Date(timeIntervalSince1970: 300_000_000_000)) == "9999-12-31T23:59:59Z")
        #expect(PublishDate.rfc3339(Date(timeIntervalSince1970: -70_000_000_000)) == "0001-01-01T00:00:00Z")
        #expect(PublishDate.rfc3339(.distantFuture) == "4001-01-01T00:00:00Z")
    }

    @Test func agreesWithFoundationForEveryDayOfFourCenturies() {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        var seconds = -2_208_988_800.0  // 1900-01-01
        while seconds < 10_413_792_000 {  // 2300-01-01
            let date = Date(timeIntervalSince1970: seconds + 3_723)
            #expect(PublishDate.rfc3339(date) == formatter.string(from: date))
            seconds += 86_400 * 7 + 3_600
        }
    }

    @Test func dayIsTheUTCCalendarDay() {
        #expect(PublishDate.day(Date(timeIntervalSince1970: 1_746_575_999)) == "2025-05-06")
        #expect(PublishDate.day(Date(timeIntervalSince1970: 1_746_576_000)) == "2025-05-07")
    }
}
