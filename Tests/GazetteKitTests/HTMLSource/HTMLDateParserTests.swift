import Foundation
import Testing

@testable import GazetteKit

@Suite struct HTMLDateParserTests {
    /// (page text, expected instant in RFC 3339) — no `dateFormat` given.
    static let commonForms: [(String, String)] = [
        ("06 May 2025", "2025-05-06T00:00:00Z"),
        ("2 May 2025", "2025-05-02T00:00:00Z"),
        ("May 6, 2025", "2025-05-06T00:00:00Z"),
        ("May 6 2025", "2025-05-06T00:00:00Z"),
        ("Sept. 9th, 2025", "2025-09-09T00:00:00Z"),
        ("6th May 2025", "2025-05-06T00:00:00Z"),
        ("1st of June 2025", "2025-06-01T00:00:00Z"),
        ("Tuesday 6 May 2025", "2025-05-06T00:00:00Z"),
        ("06/05/2025", "2025-05-06T00:00:00Z"),
        ("6.5.2025", "2025-05-06T00:00:00Z"),
        ("06-05-25", "2025-05-06T00:00:00Z"),
        ("05/16/2025", "2025-05-16T00:00:00Z"),
        ("2025/05/06", "2025-05-06T00:00:00Z"),
        ("2025-05-06", "2025-05-06T00:00:00Z"),
        ("2025-05-06T09:30:00+01:00", "2025-05-06T08:30:00Z"),
        ("2025-05-06T09:30:00.123Z", "2025-05-06T09:30:00Z"),
        ("2025-05-06 09:30", "2025-05-06T09:30:00Z"),
        ("6 May 2025, 14:30", "2025-05-06T14:30:00Z"),
        ("May 6, 2025 at 2:30pm", "2025-05-06T14:30:00Z"),
        ("6 May 2025 12:15 am", "2025-05-06T00:15:00Z"),
        ("6 May 2025 10:00 BST", "2025-05-06T09:00:00Z"),
        ("By Jo Casebourne | 06 May 2025", "2025-05-06T00:00:00Z"),
        ("Posted on 6 Jun. 2025", "2025-06-06T00:00:00Z"),
        ("Theresa May | 06 May 2025", "2025-05-06T00:00:00Z"),
    ]

    @Test(arguments: commonForms)
    func readsCommonPageDateForms(text: String, expected: String) {
        #expect(HTMLDateParser().parse(text) == isoDate(expected), "\(text)")
    }

    @Test(arguments: ["", "yesterday", "31/02/2025", "31 April 2025", "May 2025", "13/13/2025", "Page 2 of 5", "0 Jan 2025"])
    func unparseableTextGivesNilNeverNow(text: String) {
        #expect(HTMLDateParser().parse(text) == nil)
    }

    @Test(arguments: [
        ("dd MMMM yyyy", "06 May 2025", "2025-05-06T00:00:00Z"),
        ("d MMM yyyy", "6th May 2025", "2025-05-06T00:00:00Z"),
        ("MM/dd/yyyy", "05/06/2025", "2025-05-06T00:00:00Z"),
        ("yyyyMMdd", "20250506", "2025-05-06T00:00:00Z"),
        ("EEEE, d MMMM yyyy 'at' HH:mm", "Tuesday, 6 May 2025 at 14:05", "2025-05-06T14:05:00Z"),
    ])
    func dateFormatIsUsedFirst(format: String, text: String, expected: String) {
        #expect(HTMLDateParser(format: format).parse(text) == isoDate(expected))
    }

    @Test func explicitUSFormatWinsOverDayFirstDefault() {
        // Without a format 05/06/2025 is read day first (6 May 2025); the rule's pattern says month first.
        #expect(HTMLDateParser().parse("05/06/2025") == isoDate("2025-06-05T00:00:00Z"))
        #expect(HTMLDateParser(format: "MM/dd/yyyy").parse("05/06/2025") == isoDate("2025-05-06T00:00:00Z"))
    }

    @Test func textNotMatchingTheFormatFallsBackToCommonForms() {
        #expect(HTMLDateParser(format: "dd/MM/yyyy").parse("6 May 2025") == isoDate("2025-05-06T00:00:00Z"))
    }

    @Test func removingOrdinalsKeepsWordsThatStartLikeOrdinals() {
        #expect(HTMLDateParser.removingOrdinals("1st June, 22nd May, 3rd, 4th") == "1 June, 22 May, 3, 4")
        #expect(HTMLDateParser.removingOrdinals("5 stars") == "5 stars")
        #expect(HTMLDateParser.removingOrdinals("2 things") == "2 things")
    }
}
