import Foundation
import Testing

@testable import GazetteKit

@Suite struct BylineSplitterTests {
    private func splitter(_ rule: HTMLRule = HTMLRule(item: "//li", title: ".")) throws -> BylineSplitter {
        try BylineSplitter(rule: rule, dateParser: HTMLDateParser())
    }

    @Test(arguments: [
        ("By Jo Casebourne | 06 May 2025", "Jo Casebourne"),
        ("by Martin Ford - 2 May 2025", "Martin Ford"),
        ("Written by Priya Shah on 6th May 2025", "Priya Shah"),
        ("By Dan Peters, 29 April 2025", "Dan Peters"),
        ("Author: Sarah Clarke · May 6, 2025", "Sarah Clarke"),
        ("Byron Hughes", "Byron Hughes"),
        ("By Anne-Marie Smith-Jones", "Anne-Marie Smith-Jones"),
        ("Theresa May | 06 May 2025", "Theresa May"),
        ("  By   Jo\u{00A0}Casebourne  ", "Jo Casebourne"),
    ])
    func defaultSplitStripsByAndCutsBeforeTheDate(text: String, author: String) throws {
        #expect(try splitter().author(from: text, dateRuleSharesText: false) == author)
    }

    @Test func hardSeparatorCutsWhenDateRuleSharesTextEvenWithoutADate() throws {
        let text = "By Jo Casebourne | Chief executive"
        #expect(try splitter().author(from: text, dateRuleSharesText: true) == "Jo Casebourne")
        #expect(try splitter().author(from: text, dateRuleSharesText: false) == "Jo Casebourne | Chief executive")
    }

    @Test func hyphenatedNamesAreNotCutWithoutADate() throws {
        #expect(try splitter().author(from: "By Jo Smith - Chief Reporter", dateRuleSharesText: true) == "Jo Smith - Chief Reporter")
    }

    @Test func onlyByGivesNoAuthor() throws {
        #expect(try splitter().author(from: "By ", dateRuleSharesText: false) == nil)
    }

    @Test func authorPatternCaptureGroupIsUsed() throws {
        let rule = HTMLRule(item: "//li", title: ".", authorPattern: "Reporter: (\\w+ \\w+)")
        let splitter = try splitter(rule)
        #expect(splitter.author(from: "Filed 6 May. Reporter: Jo Casebourne (Leeds)", dateRuleSharesText: false) == "Jo Casebourne")
        // No match: the default split applies.
        #expect(splitter.author(from: "By Tom Hughes | 2 May 2025", dateRuleSharesText: false) == "Tom Hughes")
    }

    @Test func datePatternCaptureGroupIsUsed() throws {
        let rule = HTMLRule(item: "//li", title: ".", datePattern: "updated (.+)$")
        let splitter = try splitter(rule)
        #expect(splitter.date(from: "Published 1 May 2025, updated 6 May 2025") == isoDate("2025-05-06T00:00:00Z"))
    }

    @Test func defaultDateCandidatesTrySegmentsLastFirst() throws {
        let splitter = try BylineSplitter(rule: HTMLRule(item: "//li", title: "."), dateParser: HTMLDateParser(format: "dd MMMM yyyy"))
        #expect(
            splitter.dateCandidates(from: "By Jo Casebourne | 06 May 2025") == [
                "By Jo Casebourne | 06 May 2025", "06 May 2025", "By Jo Casebourne",
            ])
        #expect(splitter.date(from: "By Jo Casebourne | 06 May 2025") == isoDate("2025-05-06T00:00:00Z"))
        #expect(splitter.date(from: "Published on 06 May 2025") == isoDate("2025-05-06T00:00:00Z"))
    }

    @Test(arguments: [
        ("authorPattern", "By (.+", "does not compile"),
        ("datePattern", "\\d+ \\w+ \\d{4}", "has no capture group"),
    ])
    func badPatternsAreReportedWithTheirKey(key: String, pattern: String, reason: String) {
        let rule =
            key == "authorPattern"
            ? HTMLRule(item: "//li", title: ".", authorPattern: pattern)
            : HTMLRule(item: "//li", title: ".", datePattern: pattern)
        #expect {
            _ = try BylineSplitter(rule: rule, dateParser: HTMLDateParser())
        } throws: { error in
            let message = (error as? HTMLSourceError)?.description ?? ""
            return message.hasPrefix("html.\(key): invalid regular expression \"\(pattern)\"") && message.contains(reason)
        }
    }
}
