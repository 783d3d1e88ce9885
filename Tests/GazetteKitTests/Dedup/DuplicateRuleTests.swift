import Foundation
import Testing

@testable import GazetteKit

@Suite struct DuplicateRuleTests {
    struct LabelledSet: Decodable {
        var pairs: [Pair]
    }

    struct Pair: Decodable {
        var id: String
        var duplicate: Bool
        var why: String
        var a: Copy
        var b: Copy
    }

    struct Copy: Decodable {
        var title: String
        var link: String
        var originalLink: String?
        var published: Date
        var text: String

        var facts: DuplicateRule.Facts {
            DuplicateRule.Facts(title: title, link: originalLink ?? link, date: published, html: text)
        }
    }

    static func labelledPairs() throws -> [Pair] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(LabelledSet.self, from: Fixtures.data("Dedup/labelled-pairs.json")).pairs
    }

    @Test func labelledPairsHavePerfectPrecisionAndReportRecall() throws {
        let pairs = try Self.labelledPairs()
        #expect(pairs.count >= 60)
        #expect(pairs.contains { $0.duplicate } && pairs.contains { !$0.duplicate })
        let rule = DuplicateRule()
        var truePositives = 0
        var falsePositives: [String] = []
        var missed: [String] = []
        for pair in pairs {
            let predicted = rule.isDuplicate(pair.a.facts, pair.b.facts)
            // The rule must be symmetric.
            #expect(predicted == rule.isDuplicate(pair.b.facts, pair.a.facts), "\(pair.id) is not symmetric")
            switch (predicted, pair.duplicate) {
            case (true, true): truePositives += 1
            case (true, false): falsePositives.append(pair.id)
            case (false, true): missed.append(pair.id)
            case (false, false): break
            }
        }
        let duplicates = pairs.filter(\.duplicate).count
        let predicted = truePositives + falsePositives.count
        let precision = predicted == 0 ? 1 : Double(truePositives) / Double(predicted)
        let recall = Double(truePositives) / Double(duplicates)
        print(
            """
            Dedup labelled set: \(pairs.count) pairs (\(duplicates) duplicates, \(pairs.count - duplicates) look-alikes)
            precision \(String(format: "%.1f", precision * 100))% (\(truePositives)/\(predicted)), \
            recall \(String(format: "%.1f", recall * 100))% (\(truePositives)/\(duplicates))
            false merges: \(falsePositives.isEmpty ? "none" : falsePositives.joined(separator: ", "))
            missed duplicates: \(missed.isEmpty ? "none" : missed.joined(separator: ", "))
            """)
        #expect(falsePositives.isEmpty, "false merges: \(falsePositives)")
        #expect(precision == 1)
        #expect(recall >= 0.85, "recall fell to \(recall); missed: \(missed)")
    }

    @Test func titlesAloneNeverMerge() {
        let rule = DuplicateRule()
        let a = DuplicateRule.Facts(title: "Council budget approved", link: "https://a.example/x", date: TestDates.base, html: nil)
        let b = DuplicateRule.Facts(title: "Council budget approved", link: "https://b.example/y", date: TestDates.base, html: nil)
        #expect(!rule.isDuplicate(a, b))
    }

    @Test func sameTextFarApartInTimeIsNotTheSameStory() {
        let rule = DuplicateRule()
        let text =
            "<p>The next meeting of the full council takes place at 7pm in the council chamber with questions from the public and motions from councillors.</p>"
        let a = DuplicateRule.Facts(title: "Full council meeting", link: "https://a.example/1", date: TestDates.days(0), html: text)
        let near = DuplicateRule.Facts(title: "Full council meeting", link: "https://b.example/1", date: TestDates.days(2.9), html: text)
        let far = DuplicateRule.Facts(title: "Full council meeting", link: "https://b.example/2", date: TestDates.days(3.1), html: text)
        #expect(rule.isDuplicate(a, near))
        #expect(!rule.isDuplicate(a, far))
    }

    @Test func differingFiguresKeepTemplatedStoriesApart() {
        let rule = DuplicateRule()
        let template =
            "Rutland County Council is to raise council tax by 4.99 per cent from April, adding %@ pounds a year to a Band D bill, after a vote of the full council on Monday evening at Oakham."
        let a = DuplicateRule.Facts(
            title: "Council tax to rise", link: nil, date: TestDates.base, html: template.replacingOccurrences(of: "%@", with: "112"))
        let b = DuplicateRule.Facts(
            title: "Council tax to rise", link: nil, date: TestDates.base, html: template.replacingOccurrences(of: "%@", with: "107"))
        #expect(a.text.containment(with: b.text) >= rule.minContainment)  // the text alone would merge them
        #expect(!rule.isDuplicate(a, b))
    }

    @Test func homePageLinksDoNotMerge() {
        let rule = DuplicateRule()
        let a = DuplicateRule.Facts(title: "Story one", link: "https://www.example.gov.uk/", date: TestDates.base, html: nil)
        let b = DuplicateRule.Facts(title: "Story two", link: "http://example.gov.uk", date: TestDates.base, html: nil)
        #expect(!rule.sameLink(a, b))
    }

    static let longText = """
        <p>Work to build new flood defences in the Riverside ward will start next month, the borough council has \
        confirmed. The scheme includes a 600 metre wall along the river, two new pumping stations and raised \
        footpaths. It will protect around 340 homes and businesses that flooded in recent winters. A drop-in \
        session for residents will be held at the community hall on Thursday evening.</p>
        """

    @Test func anEditedTitleOverTheSameTextMerges() {
        let rule = DuplicateRule()
        let a = DuplicateRule.Facts(title: "Flood defence work starts next month", link: nil, date: TestDates.base, html: Self.longText)
        let b = DuplicateRule.Facts(title: "Flood defence work to start next month", link: nil, date: TestDates.base, html: Self.longText)
        #expect(rule.isDuplicate(a, b))
        // A title alone still never merges, however similar.
        let short = DuplicateRule.Facts(
            title: "Flood defence work to start next month", link: nil, date: TestDates.base, html: "<p>Work starts soon.</p>")
        #expect(!rule.isDuplicate(a, short))
    }

    @Test func anOppositeWordOrANewFactKeepsEditedTitlesApart() {
        let rule = DuplicateRule()
        let opens = DuplicateRule.Facts(title: "Flood defence consultation opens", link: nil, date: TestDates.base, html: Self.longText)
        let closes = DuplicateRule.Facts(title: "Flood defence consultation closes", link: nil, date: TestDates.base, html: Self.longText)
        #expect(!rule.isDuplicate(opens, closes))
        // A follow-up quoting the first story under a similar title adds a figure.
        let followUp = DuplicateRule.Facts(
            title: "Flood defence work starts next month, council confirms", link: nil, date: TestDates.days(1),
            html: "<p>The council confirmed the start date after 412 residents replied.</p>" + Self.longText)
        let first = DuplicateRule.Facts(title: "Flood defence work starts next month", link: nil, date: TestDates.base, html: Self.longText)
        #expect(first.text.containment(with: followUp.text) == 1)
        #expect(!rule.isDuplicate(first, followUp))
        // A title word only one of the texts mentions is news the other does not carry.
        let correction = DuplicateRule.Facts(
            title: "Correction: flood defence work starts next month", link: nil, date: TestDates.days(1),
            html: "<p>This is a correction of our earlier report.</p>" + Self.longText)
        #expect(!rule.isDuplicate(first, correction))
    }

    @Test func anotherCouncilsCopyOfOneTemplateStaysApart() {
        let rule = DuplicateRule()
        let easton = DuplicateRule.Facts(
            title: "Bin collections change over the bank holiday", link: nil, date: TestDates.base,
            html:
                "<p>Bin collections in Easton will change over the bank holiday, Easton District Council has reminded residents. Collections due on Monday will take place on Tuesday, and every collection later in the week will move back by one day.</p>"
        )
        let westvale = DuplicateRule.Facts(
            title: "Bin collections change over the bank holiday", link: nil, date: TestDates.base,
            html:
                "<p>Bin collections in Westvale will change over the bank holiday, Westvale Council has reminded residents. Collections due on Monday will take place on Tuesday, and every collection later in the week will move back by one day.</p>"
        )
        #expect(easton.text.containment(with: westvale.text) >= rule.minContainment)  // the text alone would merge them
        #expect(!rule.isDuplicate(easton, westvale))
    }
}
