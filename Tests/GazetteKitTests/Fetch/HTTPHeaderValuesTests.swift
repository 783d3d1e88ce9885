import Foundation
import Testing

@testable import GazetteKit

/// Parsing of Content-Type, Cache-Control and Retry-After.
@Suite struct HTTPHeaderValuesTests {
    @Test(
        arguments: [
            ("application/rss+xml; charset=ISO-8859-1", "application/rss+xml", "ISO-8859-1"),
            ("Text/XML;Charset=\"utf-8\"", "text/xml", "utf-8"),
            ("application/atom+xml", "application/atom+xml", nil),
            ("text/html; boundary=x; charset=windows-1252", "text/html", "windows-1252"),
            ("", nil, nil),
        ] as [(String, String?, String?)])
    func contentTypeGivesMediaTypeAndCharset(value: String, media: String?, charset: String?) {
        let parsed = HTTPHeaderValues.contentType(value)
        #expect(parsed.mediaType == media)
        #expect(parsed.charset == charset)
    }

    @Test(
        arguments: [
            ("max-age=3600", 3600.0), ("public, max-age=60, must-revalidate", 60.0), ("MAX-AGE=\"120\"", 120.0),
            ("no-cache", nil), ("s-maxage=999", nil), ("max-age=-5", nil),
        ] as [(String, TimeInterval?)])
    func maxAgeIsReadFromCacheControl(value: String, expected: TimeInterval?) {
        #expect(HTTPHeaderValues.maxAge(value) == expected)
    }

    @Test func retryAfterTakesSecondsOrADate() {
        let now = Date(timeIntervalSince1970: 784_111_777)
        #expect(HTTPHeaderValues.retryAfter("120", now: now) == 120)
        #expect(HTTPHeaderValues.retryAfter("Sun, 06 Nov 1994 09:49:37 GMT", now: now) == 3600)
        #expect(HTTPHeaderValues.retryAfter("Sun, 06 Nov 1994 07:49:37 GMT", now: now) == 0)  // in the past
        #expect(HTTPHeaderValues.retryAfter("soon", now: now) == nil)
        #expect(HTTPHeaderValues.retryAfter("-3", now: now) == nil)
        #expect(HTTPHeaderValues.retryAfter(nil, now: now) == nil)
    }
}
