import Foundation
import Testing

@testable import GazetteKit

/// HTTP dates as `Retry-After` carries them.
@Suite struct HTTPDateTests {
    static let sunday = Date(timeIntervalSince1970: 784_111_777)  // 1994-11-06 08:49:37 UTC (RFC 9110's example)

    @Test(arguments: [
        "Sun, 06 Nov 1994 08:49:37 GMT",  // IMF-fixdate
        "Sunday, 06-Nov-94 08:49:37 GMT",  // RFC 850
        "Sun Nov  6 08:49:37 1994",  // asctime
        "  Sun, 06 Nov 1994 08:49:37 GMT ",
    ])
    func parsesTheThreeHTTPDateForms(text: String) {
        #expect(HTTPDate.parse(text) == Self.sunday)
    }

    @Test(arguments: [
        "", "120", "yesterday", "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:00:00 GMT",
    ])
    func rejectsWhatIsNotAnHTTPDate(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }

    @Test func formatsIMFFixdateAndRoundTrips() {
        #expect(HTTPDate.format(Self.sunday) == "Sun, 06 Nov 1994 08:49:37 GMT")
        let later = Date(timeIntervalSince1970: 1_835_000_123)
        #expect(HTTPDate.parse(HTTPDate.format(later)) == later)
    }
}
